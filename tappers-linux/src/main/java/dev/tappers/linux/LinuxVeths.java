package dev.tappers.linux;

import dev.tappers.InterfaceName;
import dev.tappers.NetworkNamespace;
import dev.tappers.NoSuchDeviceException;
import dev.tappers.TappersException;
import dev.tappers.Veth;
import dev.tappers.VethOptions;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.linux.netlink.LinkInfo;
import dev.tappers.linux.netlink.LinkOps;
import dev.tappers.linux.netlink.NetlinkErrorException;
import dev.tappers.linux.netlink.VethRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * Creates vETH pairs through rtnetlink (RTM_NEWLINK kind "veth", the peer directly in its namespace), and opens
 * existing ones by the name of one end, finding the other through IFLA_LINK.
 */
final class LinuxVeths {
    private static final String KIND = "veth";

    private LinuxVeths() {
    }

    // ---- create -----------------------------------------------------------------------------------------------

    static Veth create(VethOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        VethRequest request = request(options); // checks the names before any system call
        LinuxNamespace peerNamespace = options.peerNamespace().map(LinuxVeths::linuxNamespace).orElse(null);
        String operation = "create " + request;
        HomeNamespace here = HomeNamespace.ofCurrentThread();
        if (peerNamespace == null || peerNamespace.inode() == here.inode()) {
            return createIn(operation, request, here, here, null);
        }
        // The descriptor stays open, under its guard, until the pair is made and found.
        return peerNamespace.withDescriptor(operation, fd ->
                createIn(operation, request.withPeerNamespace(fd), here, peerNamespace.home(), peerNamespace));
    }

    private static VethRequest request(VethOptions options) {
        VethRequest r = VethRequest.of(options.name().orElse(null), options.peerName().orElse(null));
        if (options.mtu().isPresent()) {
            r = r.withMtu(options.mtu().getAsInt());
        }
        if (options.mac().isPresent()) {
            r = r.withMac(options.mac().get());
        }
        if (options.peerMac().isPresent()) {
            r = r.withPeerMac(options.peerMac().get());
        }
        return r;
    }

    private static LinuxNamespace linuxNamespace(NetworkNamespace ns) {
        if (!(ns instanceof LinuxNamespace)) {
            throw new IllegalArgumentException("create veth pair: the peer namespace " + ns
                    + " was not made by the Linux provider");
        }
        return (LinuxNamespace) ns;
    }

    /**
     * Sends the request from the calling thread (so the first end is made in its namespace), then finds both
     * ends. When finding them fails the pair is deleted again, so no half-made pair is left behind.
     *
     * @param peerNamespace the peer's namespace when it is not the caller's, else null
     */
    private static LinuxVeth createIn(String operation, VethRequest request, HomeNamespace here, HomeNamespace peerHome,
                                      LinuxNamespace peerNamespace) throws IOException {
        boolean peerHere = peerNamespace == null;
        Set<Integer> before = request.name().isEmpty() && request.peerName().isEmpty() ? vethIndexes(listHere(operation)) : null;
        try (NetlinkSocket netlink = NetlinkSocket.open()) {
            LinkOps.createVeth(netlink, request);
        } catch (NetlinkErrorException e) {
            throw failure(operation + " [netlink]", request, e.errno(), createHint(e.errno()), e);
        } catch (SyscallException e) {
            throw failure(operation + " [" + e.syscall() + "]", request, e.errno(), null, e);
        }
        LinkInfo end = null;
        try {
            LinkInfo peer;
            if (request.name().isPresent()) {
                end = getHere(operation, request.name().get());
                peer = getIn(operation, peerHome, end.link());
            } else if (request.peerName().isPresent()) {
                peer = getIn(operation, peerHome, request.peerName().get());
                end = getHere(operation, peer.link());
            } else {
                LinkInfo[] found = findNew(operation, before, peerHere);
                end = found[0];
                peer = found[1] != null ? found[1] : getIn(operation, peerHome, end.link());
            }
            checkPair(operation, end, peer);
            return new LinuxVeth(true,
                    new LinuxVeth.Located(InterfaceName.of(end.name()), end.index(), here),
                    new LinuxVeth.Located(InterfaceName.of(peer.name()), peer.index(), peerHome));
        } catch (IOException | RuntimeException e) {
            undo(request, end, e);
            throw e;
        }
    }

    /**
     * The new pair when the kernel picked both names: the vETH links that were not there before. With both ends
     * here they are two links pointing at each other; the kernel registers the peer first
     * (drivers/net/veth.c, veth_newlink), so the first end is the one with the higher index. With the peer in
     * another namespace there is one new link here.
     *
     * @return the first end, and the peer when it is here (else null)
     */
    private static LinkInfo[] findNew(String operation, Set<Integer> before, boolean peerHere) throws IOException {
        List<LinkInfo> fresh = new ArrayList<>();
        for (LinkInfo l : listHere(operation)) {
            if (isVeth(l) && !before.contains(l.index())) {
                fresh.add(l);
            }
        }
        if (!peerHere && fresh.size() == 1) {
            return new LinkInfo[] {fresh.get(0), null};
        }
        if (peerHere && fresh.size() == 2 && fresh.get(0).link() == fresh.get(1).index()
                && fresh.get(1).link() == fresh.get(0).index()) {
            LinkInfo a = fresh.get(0);
            LinkInfo b = fresh.get(1);
            return a.index() > b.index() ? new LinkInfo[] {a, b} : new LinkInfo[] {b, a};
        }
        throw new IOException(operation + ": cannot tell the new pair apart: another vETH pair appeared at the same time "
                + fresh + "; name the ends (VethOptions.named) to avoid this");
    }

    private static void checkPair(String operation, LinkInfo end, LinkInfo peer) throws IOException {
        if (!isVeth(end) || !isVeth(peer) || end.link() != peer.index() || peer.link() != end.index()) {
            throw new IOException(operation + ": the links found are not one pair: " + end + " / " + peer);
        }
    }

    /** Deletes a pair made by a request whose ends could not be found, so nothing half-made stays. */
    private static void undo(VethRequest request, LinkInfo end, Exception failure) {
        try (NetlinkSocket netlink = NetlinkSocket.open()) {
            if (end != null) {
                LinkOps.delete(netlink, end.index());
            } else if (request.name().isPresent()) {
                LinkOps.delete(netlink, LinkOps.get(netlink, request.name().get()).index());
            }
            // With no name to go by the pair cannot be told from others: the failure says so.
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static String createHint(int errno) {
        switch (errno) {
            case EEXIST:
                return "an interface by one of these names exists already (here, or in the peer's namespace)";
            case EOPNOTSUPP:
                return "the kernel has no veth driver (CONFIG_VETH, module veth)";
            default:
                return null;
        }
    }

    // ---- open -------------------------------------------------------------------------------------------------

    /**
     * Opens the pair that the interface {@code name} of the caller's namespace is one end of. The end's
     * IFLA_LINK_NETNSID says where to look: absent, the peer is here, at the end's IFLA_LINK index; present, it
     * is in another namespace, looked for in every namespace open in this process (a vETH at that index pointing
     * back). When it is in none of them the open fails, saying so; when it seems to be in several (indexes
     * repeat across namespaces) it fails too, rather than guess. (The id itself could name the namespace through
     * RTM_GETNSID; matching the index is enough for the namespaces this process holds.)
     */
    static Veth open(InterfaceName name) throws IOException {
        Objects.requireNonNull(name, "name");
        String operation = "open veth pair";
        HomeNamespace here = HomeNamespace.ofCurrentThread();
        LinkInfo end = getHere(operation, name);
        if (!isVeth(end)) {
            throw new NoSuchDeviceException(operation, name.value(), ENODEV, "ENODEV", Syscalls.strerror(ENODEV),
                    "the interface is " + end.kind().map(k -> "of kind " + k).orElse("not a virtual one")
                            + ", not one end of a veth pair");
        }
        List<LinuxVeth.Located> candidates = new ArrayList<>();
        if (end.linkNetnsId().isEmpty()) {
            peerIn(operation, here, end).ifPresent(candidates::add);
        } else {
            Set<Long> looked = new HashSet<>();
            looked.add(here.inode());
            for (LinuxNamespace ns : LinuxNamespaces.openNamespaces()) {
                if (looked.add(ns.inode())) {
                    peerIn(operation, ns.home(), end).ifPresent(candidates::add);
                }
            }
        }
        if (candidates.size() != 1) {
            throw new TappersException(operation, name.value(), ENODEV, "ENODEV", Syscalls.strerror(ENODEV),
                    candidates.isEmpty() && end.linkNetnsId().isEmpty()
                            ? "its peer (index " + end.link() + " in this namespace) is not a vETH pointing back at it"
                            : candidates.isEmpty()
                            ? "its peer (index " + end.link() + " in network namespace id " + end.linkNetnsId().getAsInt()
                            + ") is in a network namespace this process has not opened: open that one with"
                            + " NetworkNamespace.open(name) first"
                            : "its peer index " + end.link() + " names a vETH pointing back at it in several namespaces: "
                            + candidates);
        }
        return new LinuxVeth(false, new LinuxVeth.Located(name, end.index(), here), candidates.get(0));
    }

    /** The peer of {@code end} if it is in {@code home}'s namespace: a vETH at end's IFLA_LINK pointing back. */
    private static Optional<LinuxVeth.Located> peerIn(String operation, HomeNamespace home, LinkInfo end) throws IOException {
        LinkInfo peer;
        try {
            peer = home.call(() -> {
                try (NetlinkSocket netlink = NetlinkSocket.open()) {
                    return LinkOps.get(netlink, end.link());
                }
            });
        } catch (NetlinkErrorException e) {
            if (e.errno() == ENODEV) {
                return Optional.empty();
            }
            throw failure(operation + " [netlink]", end.name(), e.errno(), null, e);
        } catch (SyscallException e) {
            throw failure(operation + " [" + e.syscall() + "]", end.name(), e.errno(), null, e);
        }
        if (isVeth(peer) && peer.link() == end.index()) {
            return Optional.of(new LinuxVeth.Located(InterfaceName.of(peer.name()), peer.index(), home));
        }
        return Optional.empty();
    }

    // ---- netlink, in the caller's namespace or another ----------------------------------------------------------

    private static boolean isVeth(LinkInfo link) {
        return link.kind().filter(KIND::equals).isPresent();
    }

    private static List<LinkInfo> listHere(String operation) throws IOException {
        try (NetlinkSocket netlink = NetlinkSocket.open()) {
            return LinkOps.list(netlink);
        } catch (NetlinkErrorException e) {
            throw failure(operation + " [netlink]", (String) null, e.errno(), null, e);
        } catch (SyscallException e) {
            throw failure(operation + " [" + e.syscall() + "]", (String) null, e.errno(), null, e);
        }
    }

    private static Set<Integer> vethIndexes(List<LinkInfo> links) {
        Set<Integer> out = new HashSet<>();
        for (LinkInfo l : links) {
            if (isVeth(l)) {
                out.add(l.index());
            }
        }
        return out;
    }

    private static LinkInfo getHere(String operation, InterfaceName name) throws IOException {
        return get(operation, name.value(), netlink -> LinkOps.get(netlink, name));
    }

    private static LinkInfo getHere(String operation, int index) throws IOException {
        return get(operation, "index " + index, netlink -> LinkOps.get(netlink, index));
    }

    private static LinkInfo getIn(String operation, HomeNamespace home, InterfaceName name) throws IOException {
        return home.call(() -> getHere(operation, name));
    }

    private static LinkInfo getIn(String operation, HomeNamespace home, int index) throws IOException {
        return home.call(() -> getHere(operation, index));
    }

    @FunctionalInterface
    private interface Query {
        LinkInfo ask(NetlinkSocket netlink) throws IOException;
    }

    private static LinkInfo get(String operation, String what, Query query) throws IOException {
        try (NetlinkSocket netlink = NetlinkSocket.open()) {
            return query.ask(netlink);
        } catch (NetlinkErrorException e) {
            throw failure(operation + " [netlink]", what, e.errno(),
                    e.errno() == ENODEV ? "no interface by that name in this network namespace" : null, e);
        } catch (SyscallException e) {
            throw failure(operation + " [" + e.syscall() + "]", what, e.errno(), null, e);
        }
    }

    private static TappersException failure(String operation, VethRequest request, int errno, String hint, Exception cause) {
        return failure(operation, request.name().map(InterfaceName::value).orElse(null), errno, hint, cause);
    }

    private static TappersException failure(String operation, String iface, int errno, String hint, Exception cause) {
        TappersException t = LinuxErrors.device(operation, iface, errno, hint);
        t.initCause(cause);
        return t;
    }
}
