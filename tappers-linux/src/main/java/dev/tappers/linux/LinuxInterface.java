package dev.tappers.linux;

import dev.tappers.AddressInfo;
import dev.tappers.AddressRequest;
import dev.tappers.DeviceState;
import dev.tappers.InterfaceName;
import dev.tappers.NetworkDevice;
import dev.tappers.TappersException;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.linux.netlink.AddressOps;
import dev.tappers.linux.netlink.NetlinkErrorException;
import dev.tappers.spi.Checks;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * Configuration shared by every Linux interface this provider manages (TUN, TAP, vETH ends): state, MTU and
 * addresses, through ioctls and rtnetlink. Each step runs in the interface's {@link HomeNamespace} on a socket
 * opened for it, and inside the {@link DescriptorGuard}, so a closed device answers with ClosedChannelException.
 */
abstract class LinuxInterface implements NetworkDevice {
    private static final IntFunction<String> NO_HINT = errno -> null;

    private volatile InterfaceName name;
    private final int index;
    private final HomeNamespace home;
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
            return home.call(step);
        } catch (SyscallException e) {
            throw failure(operation + " [" + e.syscall() + "]", entry, e.errno(), hint, e);
        } catch (NetlinkErrorException e) {
            throw failure(operation + " [netlink]", entry, e.errno(), hint, e);
        } finally {
            guard.exit();
        }
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
                (Syscalls.interfaceFlags(name.value()) & IFF_UP) != 0 ? DeviceState.UP : DeviceState.DOWN);
    }

    @Override
    public void setState(DeviceState state) throws IOException {
        Objects.requireNonNull(state, "state");
        configure("set state " + state, () -> {
            Syscalls.changeInterfaceFlags(name.value(), IFF_UP, state == DeviceState.UP);
            return null;
        });
    }

    @Override
    public int mtu() throws IOException {
        return configure("get MTU", () -> Syscalls.mtu(name.value()));
    }

    @Override
    public void setMtu(int mtu) throws IOException {
        Checks.mtuInRange(name.value(), mtu);
        configure("set MTU " + mtu, false,
                errno -> errno == EINVAL ? "the kernel refused MTU " + mtu + " for this device (Linux allows 68 and up)" : null,
                () -> {
                    Checks.mtuKeepsIpv6(name.value(), mtu, listAddresses());
                    Syscalls.setMtu(name.value(), mtu);
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
                        Checks.ipv6FitsMtu(name.value(), request, Syscalls.mtu(name.value()));
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

    @Override
    public void addRoute(dev.tappers.Route route) throws IOException {
        dev.tappers.linux.netlink.Route kernel = RouteMapping.toNetlink(route, index);
        configure("add route " + route, true, RouteMapping::addHint, () -> RouteMapping.add(kernel));
    }

    /** Removes the route matching the destination and table, and the gateway and metric where given. */
    @Override
    public void removeRoute(dev.tappers.Route route) throws IOException {
        dev.tappers.linux.netlink.Route kernel = RouteMapping.toNetlink(route, index);
        configure("remove route " + route, true, RouteMapping::removeHint, () -> RouteMapping.remove(kernel));
    }

    @Override
    public java.util.Set<dev.tappers.LinkFlag> flags() throws IOException {
        return configure("get link flags", () -> LinkFlagBits.fromIff(Syscalls.interfaceFlags(name.value())));
    }

    @Override
    public void setFlag(dev.tappers.LinkFlag flag, boolean on) throws IOException {
        int bit = LinkFlagBits.bit(flag);
        boolean set = LinkFlagBits.bitSetFor(flag, on);
        configure("set " + flag + (on ? " on" : " off"), () -> {
            Syscalls.changeInterfaceFlags(name.value(), bit, set);
            return null;
        });
    }

    @Override
    public int txQueueLength() throws IOException {
        return configure("get transmit queue length", () -> Syscalls.txQueueLength(name.value()));
    }

    @Override
    public void setTxQueueLength(int packets) throws IOException {
        if (packets < 0) {
            throw new IllegalArgumentException("set transmit queue length on " + name + ": " + packets
                    + " packets is negative");
        }
        configure("set transmit queue length " + packets, () -> {
            Syscalls.setTxQueueLength(name.value(), packets);
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
