package dev.tappers;

import java.util.Objects;
import java.util.Optional;

/**
 * How to create a TUN or TAP device. Immutable; each {@code with} method returns a new value.
 *
 * <pre>{@code
 * Tun tun = Tun.create(DeviceOptions.named("tappers0").withNonBlocking(true));
 * }</pre>
 */
public final class DeviceOptions {
    private static final DeviceOptions DEFAULTS = new DeviceOptions(null, false);

    private final InterfaceName name;
    private final boolean nonBlocking;

    private DeviceOptions(InterfaceName name, boolean nonBlocking) {
        this.name = name;
        this.nonBlocking = nonBlocking;
    }

    /** A kernel-picked name, blocking I/O. */
    public static DeviceOptions defaults() {
        return DEFAULTS;
    }

    /** A given name, blocking I/O. */
    public static DeviceOptions named(String name) {
        return DEFAULTS.withName(InterfaceName.of(name));
    }

    public DeviceOptions withName(InterfaceName name) {
        return new DeviceOptions(Objects.requireNonNull(name, "name"), nonBlocking);
    }

    public DeviceOptions withNonBlocking(boolean nonBlocking) {
        return new DeviceOptions(name, nonBlocking);
    }

    /** The requested name; empty means the kernel picks one. */
    public Optional<InterfaceName> name() {
        return Optional.ofNullable(name);
    }

    public boolean nonBlocking() {
        return nonBlocking;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceOptions && Objects.equals(((DeviceOptions) o).name, name)
                && ((DeviceOptions) o).nonBlocking == nonBlocking;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, nonBlocking);
    }

    @Override
    public String toString() {
        return "DeviceOptions[name=" + (name == null ? "(kernel picks)" : name) + ", nonBlocking=" + nonBlocking + "]";
    }
}
