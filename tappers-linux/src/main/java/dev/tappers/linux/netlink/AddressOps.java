package dev.tappers.linux.netlink;

import dev.tappers.AddressInfo;
import dev.tappers.AddressRequest;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.tappers.linux.netlink.NetlinkConstants.AF_INET;
import static dev.tappers.linux.netlink.NetlinkConstants.AF_INET6;
import static dev.tappers.linux.netlink.NetlinkConstants.AF_UNSPEC;
import static dev.tappers.linux.netlink.NetlinkConstants.IFA_ADDRESS;
import static dev.tappers.linux.netlink.NetlinkConstants.IFA_BROADCAST;
import static dev.tappers.linux.netlink.NetlinkConstants.IFA_FLAGS;
import static dev.tappers.linux.netlink.NetlinkConstants.IFA_F_NODAD;
import static dev.tappers.linux.netlink.NetlinkConstants.IFA_LOCAL;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_ACK;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_CREATE;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_DUMP;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_EXCL;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_REQUEST;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_DELADDR;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_GETADDR;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_NEWADDR;
import static dev.tappers.linux.netlink.NetlinkConstants.RT_SCOPE_UNIVERSE;

/**
 * IPv4 and IPv6 addresses of one interface over rtnetlink: add, remove (any prefix length) and list (the whole
 * multi-part dump).
 *
 * <p>How the kernel reads the two address attributes: IFA_LOCAL is the interface's own address and IFA_ADDRESS
 * the "peer" — the same address, or the other end on a point-to-point link. Requests send both; replies carry
 * IFA_LOCAL only when they differ from IFA_ADDRESS or for IPv4 (where both are always present).
 */
public final class AddressOps {
    private AddressOps() {
    }

    /** An address as a dump reports it, with what {@link AddressInfo} leaves out. */
    record AddressEntry(int ifindex, int flags, int scope, AddressInfo info) {
    }

    /** The IPv4 and IPv6 addresses of interface {@code ifindex}, in the kernel's order. */
    public static List<AddressInfo> list(NetlinkTransport transport, int ifindex) throws IOException {
        return list(transport, ifindex, AF_UNSPEC);
    }

    /**
     * Adds an address. IPv6 addresses skip duplicate address detection (IFA_F_NODAD): the links this library
     * makes are virtual, and DAD would only hold the address "tentative" (unusable) for a second.
     *
     * @throws NetlinkErrorException with errno EEXIST (17) when the interface already has the address
     */
    public static void add(NetlinkTransport transport, int ifindex, AddressRequest request) throws IOException {
        ByteBuffer message = encodeAdd(ifindex, request);
        Rtnetlink.request(transport, message);
    }

    /**
     * Removes the address {@code address}/{@code prefixLength}, whatever the prefix. The kernel only matches the
     * prefix when the request carries IFA_ADDRESS, and for a point-to-point address that must be the peer; so
     * the address is looked up first to learn its peer.
     *
     * @throws NetlinkErrorException with errno EADDRNOTAVAIL (99) when the interface has no such address/prefix
     */
    public static void remove(NetlinkTransport transport, int ifindex, InetAddress address, int prefixLength)
            throws IOException {
        Objects.requireNonNull(address, "address");
        checkIfindex(ifindex, "remove address");
        // Checks the prefix against the family before anything is sent.
        AddressInfo wanted = AddressInfo.of(address, prefixLength);
        Optional<InetAddress> peer = Optional.empty();
        for (AddressInfo a : list(transport, ifindex, familyOf(address))) {
            if (a.address().equals(address) && a.prefixLength() == prefixLength) {
                peer = a.destination();
                break;
            }
        }
        // When nothing matched, the request still goes out: the kernel's EADDRNOTAVAIL is the answer.
        Rtnetlink.request(transport, encodeRemove(ifindex, wanted, peer));
    }

    static List<AddressInfo> list(NetlinkTransport transport, int ifindex, int family) throws IOException {
        checkIfindex(ifindex, "list addresses");
        List<AddressInfo> result = new ArrayList<>();
        for (NetlinkMessage m : Rtnetlink.dump(transport, encodeDump(family))) {
            Optional<AddressEntry> e = parse(m);
            // The kernel ignores ifa_index in a dump request (unless strict checking is on): filter here.
            if (e.isPresent() && e.get().ifindex() == ifindex) {
                result.add(e.get().info());
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * RTM_NEWADDR, REQUEST|ACK|CREATE|EXCL: ifaddrmsg, IFA_LOCAL = the address, IFA_ADDRESS = the address or the
     * point-to-point peer, IFA_BROADCAST when set; for IPv6 also IFA_F_NODAD in ifa_flags and IFA_FLAGS.
     */
    static ByteBuffer encodeAdd(int ifindex, AddressRequest request) {
        Objects.requireNonNull(request, "address request");
        checkIfindex(ifindex, "add address " + request);
        boolean v6 = request.isIpv6();
        int flags = v6 ? IFA_F_NODAD : 0;
        NetlinkMessageWriter w = NetlinkMessageWriter.create(RTM_NEWADDR,
                        NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL)
                .ifaddrmsg(new IfAddrMsg(familyOf(request.address()), request.prefixLength(), flags,
                        RT_SCOPE_UNIVERSE, ifindex))
                .address(IFA_LOCAL, request.address())
                .address(IFA_ADDRESS, request.destination().orElse(request.address()));
        request.broadcast().ifPresent(b -> w.address(IFA_BROADCAST, b));
        if (v6) {
            // ifa_flags keeps the low 8 bits for kernels before 3.14; IFA_FLAGS is what newer ones read.
            w.u32(IFA_FLAGS, flags);
        }
        return w.finish();
    }

    /**
     * RTM_DELADDR, REQUEST|ACK: ifaddrmsg with the prefix, IFA_LOCAL = the address, IFA_ADDRESS = the peer if any,
     * else the address (so that the kernel checks the prefix too).
     */
    static ByteBuffer encodeRemove(int ifindex, AddressInfo address, Optional<InetAddress> peer) {
        checkIfindex(ifindex, "remove address " + address);
        return NetlinkMessageWriter.create(RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK)
                .ifaddrmsg(new IfAddrMsg(familyOf(address.address()), address.prefixLength(), 0, RT_SCOPE_UNIVERSE,
                        ifindex))
                .address(IFA_LOCAL, address.address())
                .address(IFA_ADDRESS, peer.orElse(address.address()))
                .finish();
    }

    /** RTM_GETADDR, REQUEST|DUMP, with ifa_family = {@code family} (AF_UNSPEC for both). */
    static ByteBuffer encodeDump(int family) {
        return NetlinkMessageWriter.create(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP)
                .ifaddrmsg(new IfAddrMsg(family, 0, 0, 0, 0))
                .finish();
    }

    /**
     * Reads one RTM_NEWADDR of a dump; other message types and families other than IPv4/IPv6 give empty.
     * The local address is IFA_LOCAL when present, else IFA_ADDRESS; a different IFA_ADDRESS is the
     * point-to-point peer. IFA_FLAGS (32 bits) wins over the 8-bit ifa_flags.
     */
    static Optional<AddressEntry> parse(NetlinkMessage m) throws MalformedNetlinkException {
        if (m.type() != RTM_NEWADDR) {
            return Optional.empty();
        }
        IfAddrMsg h = IfAddrMsg.readFrom(m);
        if (h.family() != AF_INET && h.family() != AF_INET6) {
            return Optional.empty();
        }
        NetlinkAttributes attrs = m.attributes(IfAddrMsg.SIZE);
        Optional<InetAddress> local = addressAttribute(attrs, IFA_LOCAL, h.family());
        Optional<InetAddress> address = addressAttribute(attrs, IFA_ADDRESS, h.family());
        InetAddress own = local.or(() -> address).orElseThrow(() -> new MalformedNetlinkException(
                "RTM_NEWADDR for ifindex " + h.index() + " has neither IFA_LOCAL nor IFA_ADDRESS"));
        Optional<InetAddress> peer = local.isPresent() ? address.filter(a -> !a.equals(own)) : Optional.empty();
        Optional<Inet4Address> broadcast = h.family() == AF_INET
                ? addressAttribute(attrs, IFA_BROADCAST, AF_INET).map(Inet4Address.class::cast)
                : Optional.empty();
        NetlinkAttribute flagsAttribute = attrs.find(IFA_FLAGS).orElse(null);
        int flags = flagsAttribute != null ? flagsAttribute.u32() : h.flags();
        int max = h.family() == AF_INET ? 32 : 128;
        if (h.prefixLength() > max) {
            throw new MalformedNetlinkException("RTM_NEWADDR " + own.getHostAddress() + " has prefix length "
                    + h.prefixLength() + ", more than " + max);
        }
        AddressInfo info = new AddressInfo(own, h.prefixLength(), broadcast, peer);
        return Optional.of(new AddressEntry(h.index(), flags, h.scope(), info));
    }

    private static Optional<InetAddress> addressAttribute(NetlinkAttributes attrs, int type, int family)
            throws MalformedNetlinkException {
        NetlinkAttribute a = attrs.find(type).orElse(null);
        return a == null ? Optional.empty() : Optional.of(a.address(family));
    }

    static int familyOf(InetAddress address) {
        return address instanceof Inet6Address ? AF_INET6 : AF_INET;
    }

    static void checkIfindex(int ifindex, String operation) {
        if (ifindex <= 0) {
            throw new IllegalArgumentException(operation + ": interface index " + ifindex + " is not positive");
        }
    }
}
