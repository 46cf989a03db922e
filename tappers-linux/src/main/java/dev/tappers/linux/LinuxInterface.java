package dev.tappers.linux;

import dev.tappers.AddressInfo;
import dev.tappers.AddressRequest;
import dev.tappers.DeviceState;
import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;
import dev.tappers.NetworkDevice;
import dev.tappers.NetworkNamespace;
import dev.tappers.TappersException;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.linux.netlink.AddressOps;
import dev.tappers.linux.netlink.LinkOps;
import dev.tappers.linux.netlink.NetlinkErrorException;
import dev.tappers.spi.Checks;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntFunction;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * Configuration shared by every Linux interface this provider manages (TUN, TAP, vETH ends): state, MTU and
 * addresses, through ioctls and rtnetlink. Each step runs in the interface's {@link HomeNamespace} on a socket
 * opened for it, and inside the {@link DescriptorGuard}, so a closed device answers with ClosedChannelException.
 *
 * <p>{@link #moveTo} changes both the namespace and the index (an index belongs to a namespace, and the kernel
 * gives the interface a new one where its old one is taken). A step takes the read side of a lock once it runs
 * in the namespace, and the move writes both under the write side, so no step pairs one namespace with the
 * other's index. The write side is held for the two assignments only, never across a hop to a namespace's
 * thread, so a task on that thread that configures this interface cannot deadlock with a move.
 */
abstract class LinuxInterface implements NetworkDevice {
    private static final IntFunction<String> NO_HINT = errno -> null;
    /** A move under way sends a step after the interface; more moves than this while one step waits is a fight. */
    private static final int MAX_FOLLOWS = 8;
    /** What a step returns when the interface moved between picking its namespace and running there. */
    private static final Object MOVED = new Object();

    private volatile InterfaceName name;
    /** Written together with {@link #home}, under the write side of {@link #place}. */
    private volatile int index;
    private volatile HomeNamespace home;
    private final ReadWriteLock place = new ReentrantReadWriteLock();
    private final AtomicBoolean moving = new AtomicBoolean();
    final DescriptorGuard guard = new DescriptorGuard();

    LinuxInterface(InterfaceName name, int index, HomeNamespace home) {
        this.name = name;
        this.index = index;
        this.home = home;
    }

    /**
     * Runs one configuration step of this interface: inside the guard, in the home namespace, with a syscall or
     * netlink errno turned into the public exception naming {@code operation} and this interface.
     *
     * @param entry true when the step acts on an entry (address, route) rather than the interface itself
     * @param hint  a hint for a given errno, or null for the generic one
     */
    final <T> T configure(String operation, boolean entry, IntFunction<String> hint, IoCall<T> step) throws IOException {
        guard.enter();
        try {
            return named(operation, entry, hint, () -> inPlace(step));
        } finally {
            guard.exit();
        }
    }

    /** Runs {@code step} where it is, with a syscall or netlink errno turned into the public exception. */
    private <T> T named(String operation, boolean entry, IntFunction<String> hint, IoCall<T> step) throws IOException {
        try {
            return step.call();
        } catch (SyscallException e) {
            throw failure(operation + " [" + e.syscall() + "]", entry, e.errno(), hint, e);
        } catch (NetlinkErrorException e) {
            throw failure(operation + " [netlink]", entry, e.errno(), hint, e);
        }
    }

    /**
     * Runs {@code step} in the home namespace with the home and index held still while it runs (it may read
     * {@link #rawIndex()} freely); when the interface moved before the step got there, it follows.
     */
    @SuppressWarnings("unchecked")
    private <T> T inPlace(IoCall<T> step) throws IOException {
        for (int follows = 0; follows < MAX_FOLLOWS; follows++) {
            HomeNamespace there = home;
            Object result = there.call(() -> {
                Lock staying = place.readLock();
                staying.lock();
                try {
                    return home != there ? MOVED : step.call();
                } finally {
                    staying.unlock();
                }
            });
            if (result != MOVED) {
                return (T) result;
            }
        }
        throw new IOException("configure " + name + ": it moved to another network namespace " + MAX_FOLLOWS
                + " times while one step waited to run");
    }

    final <T> T configure(String operation, IoCall<T> step) throws IOException {
        return configure(operation, false, NO_HINT, step);
    }

    private TappersException failure(String operation, boolean entry, int errno, IntFunction<String> hint, Exception cause) {
        String h = hint.apply(errno);
        TappersException t = entry ? LinuxErrors.entry(operation, name.value(), errno, h)
                : LinuxErrors.device(operation, name.value(), errno, h);
        t.initCause(cause);
        return t;
    }

    /**
     * The name the kernel has now for this interface's index, for the ioctls that go by name: if someone renamed
     * the interface behind our back, a stale name would reach whatever interface took it, so the index decides and
     * this object follows the rename. Only for use inside a configuration step (it runs in the home namespace).
     */
    final String kernelName() throws IOException {
        String now = Syscalls.interfaceName(index);
        if (!now.equals(name.value())) {
            renamed(InterfaceName.of(now));
        }
        return now;
    }

    /** The namespace this interface lives in. */
    final HomeNamespace home() {
        return home;
    }

    /** Records a new name after a rename. */
    final void renamed(InterfaceName newName) {
        this.name = newName;
    }

    @Override
    public InterfaceName name() {
        return name;
    }

    @Override
    public int index() throws IOException {
        guard.enter();
        guard.exit();
        return index;
    }

    /** The index without the closed check, for internal use. */
    final int rawIndex() {
        return index;
    }

    @Override
    public boolean isOpen() {
        return !guard.isClosed();
    }

    @Override
    public DeviceState state() throws IOException {
        return configure("get state", () ->
                (Syscalls.interfaceFlags(kernelName()) & IFF_UP) != 0 ? DeviceState.UP : DeviceState.DOWN);
    }

    @Override
    public void setState(DeviceState state) throws IOException {
        Objects.requireNonNull(state, "state");
        configure("set state " + state, () -> {
            Syscalls.changeInterfaceFlags(kernelName(), IFF_UP, state == DeviceState.UP);
            return null;
        });
    }

    @Override
    public int mtu() throws IOException {
        return configure("get MTU", () -> Syscalls.mtu(kernelName()));
    }

    @Override
    public void setMtu(int mtu) throws IOException {
        Checks.mtuInRange(name.value(), mtu);
        configure("set MTU " + mtu, false,
                errno -> errno == EINVAL ? "the kernel refused MTU " + mtu + " for this device (Linux allows 68 and up)" : null,
                () -> {
                    Checks.mtuKeepsIpv6(name.value(), mtu, listAddresses());
                    Syscalls.setMtu(kernelName(), mtu);
                    return null;
                });
    }

    @Override
    public List<AddressInfo> addresses() throws IOException {
        return configure("list addresses", true, NO_HINT, this::listAddresses);
    }

    /** Lists addresses without the guard: only for use inside {@link #configure}. */
    private List<AddressInfo> listAddresses() throws IOException {
        try (NetlinkSocket netlink = NetlinkSocket.open()) {
            return AddressOps.list(netlink, index);
        }
    }

    @Override
    public void addAddress(AddressRequest request) throws IOException {
        Objects.requireNonNull(request, "address request");
        configure("add address " + request, true,
                errno -> errno == EEXIST ? "the address is already assigned" : null,
                () -> {
                    if (request.isIpv6()) {
                        Checks.ipv6FitsMtu(name.value(), request, Syscalls.mtu(kernelName()));
                    }
                    try (NetlinkSocket netlink = NetlinkSocket.open()) {
                        AddressOps.add(netlink, index, request);
                    }
                    return null;
                });
    }

    @Override
    public void removeAddress(InetAddress address, int prefixLength) throws IOException {
        AddressRequest request = AddressRequest.of(address, prefixLength); // checks the prefix range first
        configure("remove address " + request, true,
                errno -> errno == EADDRNOTAVAIL ? "no such address with that prefix length on the interface" : null,
                () -> {
                    try (NetlinkSocket netlink = NetlinkSocket.open()) {
                        AddressOps.remove(netlink, index, request.address(), request.prefixLength());
                    }
                    return null;
                });
    }

    /**
     * Deletes the interface (RTM_DELLINK by index, in its namespace), whether this handle is open or not; an
     * interface already gone counts as deleted. Deleting a vETH end deletes its peer too.
     */
    final void deleteLink(String operation) throws IOException {
        named(operation, false, NO_HINT, () -> inPlace(() -> {
            try (NetlinkSocket netlink = NetlinkSocket.open()) {
                LinkOps.delete(netlink, index);
            } catch (NetlinkErrorException e) {
                if (e.errno() != ENODEV) {
                    throw e;
                }
            }
            return null;
        }));
    }

    // ---- the Ethernet address, for the kinds that have one (TAP, vETH) -----------------------------------------

    /** SIOCGIFHWADDR, in the interface's namespace. */
    final MacAddress ethernetMac() throws IOException {
        return configure("get MAC address", () -> MacAddress.of(Syscalls.hardwareAddress(kernelName())));
    }

    /** Refuses a group address before any system call, then runs {@code step}, which sets {@code mac}. */
    final void setEthernetMac(MacAddress mac, IoCall<Void> step) throws IOException {
        Objects.requireNonNull(mac, "mac");
        if (mac.isMulticast()) {
            throw new IllegalArgumentException("set MAC address on " + name + ": " + mac
                    + " is a group (multicast) address; an interface needs a unicast one");
        }
        configure("set MAC address " + mac, step);
    }

    /** For configuration calls that never touch a descriptor but must refuse a closed device. */
    final void requireOpen() throws java.nio.channels.ClosedChannelException {
        if (guard.isClosed()) {
            throw new java.nio.channels.ClosedChannelException();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", index " + index + (isOpen() ? "" : ", closed") + "]";
    }

    // ---- routes, link flags, transmit queue length and rename (issue 3) -------------------------------------

    /**
     * Told the new name after a rename through this object, so that other objects on the same interface (the
     * queues of a multi-queue device) follow it: their ioctls name the interface.
     */
    private volatile java.util.function.Consumer<InterfaceName> renameListener = newName -> { };

    final void onRename(java.util.function.Consumer<InterfaceName> listener) {
        this.renameListener = Objects.requireNonNull(listener, "rename listener");
    }

    // ---- moving into another network namespace (issue 3) ------------------------------------------------------

    /** Where the interface is after a move: its namespace and its index there. */
    record Place(HomeNamespace home, int index) {
    }

    /** Told the new place after a move through this object, so that other objects on the same interface follow. */
    private volatile java.util.function.Consumer<Place> moveListener = newPlace -> { };

    final void onMove(java.util.function.Consumer<Place> listener) {
        this.moveListener = Objects.requireNonNull(listener, "move listener");
    }

    /** Records where the interface is now; steps already running finish where they started. */
    final void relocated(Place now) {
        Lock writing = place.writeLock();
        writing.lock();
        try {
            home = now.home();
            index = now.index();
        } finally {
            writing.unlock();
        }
    }

    /**
     * Moves the interface with RTM_SETLINK/IFLA_NET_NS_FD, sent from its current namespace, then reads its index
     * inside the target: the kernel keeps the index only where it is free there (dev_change_net_namespace in
     * net/core/dev.c). A namespace closed or deleted is refused before anything moves. Not to be called while
     * another move of the same interface runs: that one is refused at once rather than waited for.
     */
    @Override
    public void moveTo(NetworkNamespace namespace) throws IOException {
        Objects.requireNonNull(namespace, "namespace");
        if (!(namespace instanceof LinuxNamespace)) {
            throw new IllegalArgumentException("move " + name + " into network namespace " + namespace
                    + ": that namespace was not made by the Linux provider");
        }
        LinuxNamespace target = (LinuxNamespace) namespace;
        String operation = "move into network namespace " + target.label();
        if (!moving.compareAndSet(false, true)) {
            throw new IllegalStateException(operation + ": another move of " + name + " is under way");
        }
        Place now;
        try {
            guard.enter();
            try {
                // The descriptor stays open, under the namespace's guard, until the move is done and the index read.
                now = target.withDescriptor(operation, fd -> named(operation, false, LinuxNamespace::moveHint, () -> {
                    inPlace(() -> {
                        try (NetlinkSocket netlink = NetlinkSocket.open()) {
                            LinkOps.moveToNamespace(netlink, index, fd);
                        }
                        return null;
                    });
                    try {
                        IoCall<Integer> find = () -> Syscalls.interfaceIndex(name.value());
                        Place moved = new Place(target.home(), target.home().isCurrentThreadInside() ? find.call()
                                : NamespaceVisit.run(operation, fd, find));
                        relocated(moved);
                        return moved;
                    } catch (IOException | RuntimeException e) {
                        // It is there now: index 0 (refused by every netlink step) beats an index of the old namespace.
                        relocated(new Place(target.home(), 0));
                        throw e;
                    }
                }));
            } finally {
                guard.exit();
            }
        } finally {
            moving.set(false);
        }
        moveListener.accept(now);
    }

    /**
     * The routes whose output interface is this one, in every table, IPv4 and IPv6, that somebody added: the
     * kernel's own (address prefix routes, the IPv6 link-local route, local and multicast entries) are left out
     * (see {@link RouteMapping}). A route added without a metric comes back with the kernel's choice: none for
     * IPv4, where no metric and metric 0 are the same, and 1024 for IPv6.
     */
    @Override
    public List<dev.tappers.Route> routes() throws IOException {
        return configure("list routes", true, NO_HINT, () -> RouteMapping.list(index));
    }

    /** The route is checked here, before any system call, and made again in the step with the index there. */
    @Override
    public void addRoute(dev.tappers.Route route) throws IOException {
        RouteMapping.toNetlink(route, index);
        configure("add route " + route, true, RouteMapping::addHint,
                () -> RouteMapping.add(RouteMapping.toNetlink(route, index)));
    }

    /** Removes the route matching the destination and table, and the gateway and metric where given. */
    @Override
    public void removeRoute(dev.tappers.Route route) throws IOException {
        RouteMapping.toNetlink(route, index);
        configure("remove route " + route, true, RouteMapping::removeHint,
                () -> RouteMapping.remove(RouteMapping.toNetlink(route, index)));
    }

    @Override
    public java.util.Set<dev.tappers.LinkFlag> flags() throws IOException {
        return configure("get link flags", () -> LinkFlagBits.fromIff(Syscalls.interfaceFlags(kernelName())));
    }

    @Override
    public void setFlag(dev.tappers.LinkFlag flag, boolean on) throws IOException {
        int bit = LinkFlagBits.bit(flag);
        boolean set = LinkFlagBits.bitSetFor(flag, on);
        configure("set " + flag + (on ? " on" : " off"), () -> {
            Syscalls.changeInterfaceFlags(kernelName(), bit, set);
            return null;
        });
    }

    @Override
    public int txQueueLength() throws IOException {
        return configure("get transmit queue length", () -> Syscalls.txQueueLength(kernelName()));
    }

    @Override
    public void setTxQueueLength(int packets) throws IOException {
        if (packets < 0) {
            throw new IllegalArgumentException("set transmit queue length on " + name + ": " + packets
                    + " packets is negative");
        }
        configure("set transmit queue length " + packets, () -> {
            Syscalls.setTxQueueLength(kernelName(), packets);
            return null;
        });
    }

    /**
     * Renames through rtnetlink (RTM_SETLINK with IFLA_IFNAME). Kernels before 6.2 rename only an interface that
     * is down (6.2 allowed live renames, commit bd039b5ea2a9): their EBUSY comes back as a plain
     * {@link TappersException} saying so, not as "exists".
     */
    @Override
    public void rename(InterfaceName newName) throws IOException {
        Objects.requireNonNull(newName, "new name");
        String operation = "rename to " + newName;
        try {
            configure(operation, false,
                    errno -> errno == EEXIST ? "an interface named " + newName + " exists already" : null,
                    () -> {
                        try (NetlinkSocket netlink = NetlinkSocket.open()) {
                            dev.tappers.linux.netlink.LinkOps.rename(netlink, index, newName);
                        }
                        return null;
                    });
        } catch (dev.tappers.DeviceExistsException e) {
            if (e.errno() != EBUSY) {
                throw e;
            }
            TappersException up = LinuxErrors.entry(operation + " [netlink]", name.value(), EBUSY,
                    "the interface is up, and kernels before Linux 6.2 rename only an interface that is down:"
                            + " call down() first");
            up.initCause(e);
            throw up;
        }
        renamed(newName);
        renameListener.accept(newName);
    }
}
