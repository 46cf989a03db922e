package dev.tappers.memory;

import dev.tappers.DeviceOptions;
import dev.tappers.InterfaceKind;
import dev.tappers.InterfaceName;
import dev.tappers.NoSuchDeviceException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A network that exists only in this JVM: the in-memory provider's stand-in for a kernel. It keeps the interfaces
 * (name, index, state, MTU, MAC, addresses) and carries packets between each device and its far side: a
 * {@link HostPort} of its own, another device ({@link #connect}), or a {@link MemorySwitch}.
 *
 * <pre>{@code
 * MemoryNetwork net = new MemoryNetwork();
 * TappersProvider tappers = net.provider();
 * try (Tun a = tappers.createTun(DeviceOptions.defaults()); Tun b = tappers.createTun(DeviceOptions.defaults())) {
 *     net.connect(a.name(), b.name());   // a cable: what a sends, b receives, and back
 *     a.up();
 *     b.up();
 *     a.send(packet);
 *     b.receive(buffer);
 * }
 * }</pre>
 *
 * <p>Each network has its own interfaces, so tests can each make one and run side by side. The provider that
 * discovery creates ({@link MemoryTappersProvider#MemoryTappersProvider()}) uses {@link #shared()}.
 */
public final class MemoryNetwork {
    /** The MTU of a new interface, as Linux gives a new TUN or TAP. */
    public static final int DEFAULT_MTU = 1500;

    private static final MemoryNetwork SHARED = new MemoryNetwork();

    final Object lock = new Object();
    private final Map<InterfaceName, MemoryInterface> interfaces = new TreeMap<>();
    private int nextIndex = 1;
    private MemoryPoller sharedPoller;

    /** A new, empty network. */
    public MemoryNetwork() {
    }

    /** The network of the providers that discovery makes: one per JVM, like the host's network. */
    public static MemoryNetwork shared() {
        return SHARED;
    }

    /** A provider whose devices live in this network. */
    public MemoryTappersProvider provider() {
        return new MemoryTappersProvider(this);
    }

    /** Every interface, by name. */
    public List<InterfaceSnapshot> interfaces() {
        synchronized (lock) {
            List<InterfaceSnapshot> out = new ArrayList<>();
            for (MemoryInterface i : interfaces.values()) {
                out.add(i.snapshot());
            }
            return out;
        }
    }

    /** The interface with this name, if there is one. */
    public Optional<InterfaceSnapshot> find(InterfaceName name) {
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            return Optional.ofNullable(interfaces.get(name)).map(MemoryInterface::snapshot);
        }
    }

    /** The far side of the interface with this name. */
    public HostPort hostPort(InterfaceName name) throws NoSuchDeviceException {
        return lookup(name, "host port").hostPort();
    }

    /**
     * Wires two interfaces to each other, like a cable: what the program sends on one arrives at the other's
     * {@code receive}. Their host ports no longer see what they send (they can still inject). Replaces any
     * earlier wiring of either interface.
     */
    public void connect(InterfaceName a, InterfaceName b) throws NoSuchDeviceException {
        synchronized (lock) {
            MemoryInterface one = lookup(a, "connect");
            MemoryInterface two = lookup(b, "connect");
            if (one == two) {
                throw new IllegalArgumentException("connect " + a + " to itself: name two different interfaces");
            }
            one.output = packet -> deliverOrDrop(two, one, packet);
            two.output = packet -> deliverOrDrop(one, two, packet);
        }
    }

    /** Unwires an interface: what it sends goes to its {@link HostPort} again. */
    public void disconnect(InterfaceName name) throws NoSuchDeviceException {
        synchronized (lock) {
            MemoryInterface i = lookup(name, "disconnect");
            i.output = i.hostPort()::accept;
        }
    }

    /** A new switch in this network, with no interface attached. */
    public MemorySwitch createSwitch() {
        return new MemorySwitch(this);
    }

    private static void deliverOrDrop(MemoryInterface to, MemoryInterface from, byte[] packet) {
        if (!to.deliver(packet)) {
            from.hostPort().countDrop();
        }
    }

    // ---- for the provider's devices ------------------------------------------------------------------------

    /** The poller behind the devices' receiveAsync and sendAsync: one per network, started on first use. */
    MemoryPoller sharedPoller() {
        synchronized (lock) {
            if (sharedPoller == null) {
                sharedPoller = new MemoryPoller(this, "tappers-memory-shared-poller");
            }
            return sharedPoller;
        }
    }

    MemoryInterface lookup(InterfaceName name, String operation) throws NoSuchDeviceException {
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            MemoryInterface i = interfaces.get(name);
            if (i == null) {
                throw Errors.noDevice(operation, name.value());
            }
            return i;
        }
    }

    /**
     * Creates an interface and attaches the device object {@code attach} makes for it, in one step, so nobody can
     * open it in between. A name not given is the kind's template with the lowest free number (tun0, tun1...),
     * as the Linux kernel picks it.
     */
    <D extends MemoryDevice> D create(InterfaceKind kind, DeviceOptions options, Function<MemoryInterface, D> attach)
            throws IOException {
        String operation = "create " + kind;
        synchronized (lock) {
            InterfaceName name;
            if (options.name().isPresent()) {
                name = options.name().get();
                if (interfaces.containsKey(name)) {
                    throw Errors.exists(operation, name.value(), "an interface by that name exists");
                }
            } else {
                name = freeName(kind.name().toLowerCase(java.util.Locale.ROOT));
            }
            MemoryInterface i = new MemoryInterface(this, name, nextIndex++, kind);
            i.persistent = options.persistent();
            D device = attach.apply(i);
            i.attached = device;
            interfaces.put(name, i);
            return device;
        }
    }

    /** Attaches a new device object to an existing interface of {@code kind}. */
    <D extends MemoryDevice> D open(InterfaceKind kind, InterfaceName name, Function<MemoryInterface, D> attach)
            throws IOException {
        String operation = "open " + kind;
        synchronized (lock) {
            MemoryInterface i = lookup(name, operation);
            if (i.kind() != kind) {
                throw Errors.wrongKind(operation, name.value(), i.kind().toString());
            }
            if (i.attached != null) {
                throw Errors.busy(operation, name.value());
            }
            D device = attach.apply(i);
            i.attached = device;
            return device;
        }
    }

    /**
     * The device object {@code device} lets go of its interface; a non-persistent interface goes with it, as a
     * non-persistent TUN/TAP goes with its last descriptor.
     */
    void detach(MemoryInterface i, MemoryDevice device) {
        synchronized (lock) {
            if (i.attached == device) {
                i.attached = null;
            }
            if (!i.persistent && i.attached == null) {
                remove(i);
            }
        }
    }

    /** Removes the interface, whoever holds it. */
    void remove(MemoryInterface i) {
        synchronized (lock) {
            if (interfaces.get(i.name()) == i) {
                interfaces.remove(i.name());
            }
            i.removed = true;
            i.state = dev.tappers.DeviceState.DOWN;
            i.hostPort().clear();
        }
    }

    private InterfaceName freeName(String prefix) {
        for (int n = 0; n < 100_000; n++) {
            InterfaceName candidate = InterfaceName.of(prefix + n);
            if (!interfaces.containsKey(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free " + prefix + "N name among 100000 in this in-memory network");
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "in-memory network with " + interfaces.keySet();
        }
    }
}
