package dev.tappers;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to create a TUN or TAP device. Immutable; each {@code with} method returns a new value.
 *
 * <pre>{@code
 * Tun tun = Tun.create(DeviceOptions.named("tappers0").withNonBlocking(true));
 * }</pre>
 */
public final class DeviceOptions {
    private static final DeviceOptions DEFAULTS = new DeviceOptions(null, false, false, Set.of());

    private final InterfaceName name;
    private final boolean nonBlocking;
    private final boolean persistent;
    private final Set<Offload> offload;

    private DeviceOptions(InterfaceName name, boolean nonBlocking, boolean persistent, Set<Offload> offload) {
        this.name = name;
        this.nonBlocking = nonBlocking;
        this.persistent = persistent;
        this.offload = offload;
    }

    /**
     * A kernel-picked name, blocking I/O, not persistent.
     *
     * @return the defaults
     */
    public static DeviceOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A given name, blocking I/O, not persistent.
     *
     * @param name the interface name
     * @return options with that name
     * @throws IllegalArgumentException when {@code name} is not a valid interface name
     */
    public static DeviceOptions named(String name) {
        return DEFAULTS.withName(InterfaceName.of(name));
    }

    /**
     * The same options with a name.
     *
     * @param name the interface name
     * @return the new options
     */
    public DeviceOptions withName(InterfaceName name) {
        return new DeviceOptions(Objects.requireNonNull(name, "name"), nonBlocking, persistent, offload);
    }

    /**
     * The same options with nonblocking or blocking I/O.
     *
     * @param nonBlocking true for nonblocking send and receive
     * @return the new options
     */
    public DeviceOptions withNonBlocking(boolean nonBlocking) {
        return new DeviceOptions(name, nonBlocking, persistent, offload);
    }

    /**
     * Asks for segmentation offloads on a TUN ({@link Offload}); empty, the default, means plain packets. The
     * device keeps the ones the kernel grants: see {@link PacketDevice#offloads()}. Needs {@link Feature#OFFLOAD}.
     *
     * @param offload the offloads to ask for; empty for plain packets
     * @return the new options
     */
    public DeviceOptions withOffload(Set<Offload> offload) {
        Objects.requireNonNull(offload, "offload");
        Set<Offload> copy = offload.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(offload));
        return new DeviceOptions(name, nonBlocking, persistent, copy);
    }

    /**
     * The offloads asked for.
     *
     * @return the offloads; empty for plain packets
     */
    public Set<Offload> offload() {
        return offload;
    }

    /**
     * A persistent device outlives {@link NetworkDevice#close()} (and the process) until
     * {@link NetworkDevice#delete()} removes it. Needs {@link Feature#PERSISTENCE}.
     *
     * @param persistent true for a persistent device
     * @return the new options
     */
    public DeviceOptions withPersistent(boolean persistent) {
        return new DeviceOptions(name, nonBlocking, persistent, offload);
    }

    /**
     * Whether the device is to outlive its last close.
     *
     * @return true for a persistent device
     */
    public boolean persistent() {
        return persistent;
    }

    /**
     * The requested name.
     *
     * @return the name; empty means the kernel picks one
     */
    public Optional<InterfaceName> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Whether send and receive start nonblocking.
     *
     * @return true for nonblocking
     */
    public boolean nonBlocking() {
        return nonBlocking;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceOptions && Objects.equals(((DeviceOptions) o).name, name)
                && ((DeviceOptions) o).nonBlocking == nonBlocking && ((DeviceOptions) o).persistent == persistent
                && ((DeviceOptions) o).offload.equals(offload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, nonBlocking, persistent, offload);
    }

    @Override
    public String toString() {
        return "DeviceOptions[name=" + (name == null ? "(kernel picks)" : name) + ", nonBlocking=" + nonBlocking
                + ", persistent=" + persistent + (offload.isEmpty() ? "" : ", offload=" + offload) + "]";
    }
}
