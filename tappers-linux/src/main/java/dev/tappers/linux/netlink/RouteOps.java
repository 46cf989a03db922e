package dev.tappers.linux.netlink;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.tappers.linux.netlink.AddressOps.familyOf;
import static dev.tappers.linux.netlink.NetlinkConstants.AF_INET;
import static dev.tappers.linux.netlink.NetlinkConstants.AF_INET6;
import static dev.tappers.linux.netlink.NetlinkConstants.AF_UNSPEC;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_ACK;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_CREATE;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_DUMP;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_EXCL;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_REQUEST;
import static dev.tappers.linux.netlink.NetlinkConstants.RTA_DST;
import static dev.tappers.linux.netlink.NetlinkConstants.RTA_GATEWAY;
import static dev.tappers.linux.netlink.NetlinkConstants.RTA_OIF;
import static dev.tappers.linux.netlink.NetlinkConstants.RTA_PRIORITY;
import static dev.tappers.linux.netlink.NetlinkConstants.RTA_TABLE;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_DELROUTE;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_GETROUTE;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_NEWROUTE;
import static dev.tappers.linux.netlink.NetlinkConstants.RTN_UNICAST;
import static dev.tappers.linux.netlink.NetlinkConstants.RTPROT_STATIC;
import static dev.tappers.linux.netlink.NetlinkConstants.RT_SCOPE_LINK;
import static dev.tappers.linux.netlink.NetlinkConstants.RT_SCOPE_NOWHERE;
import static dev.tappers.linux.netlink.NetlinkConstants.RT_SCOPE_UNIVERSE;
import static dev.tappers.linux.netlink.NetlinkConstants.RT_TABLE_UNSPEC;

/** IPv4 and IPv6 unicast routes over rtnetlink: add, remove, list (the whole multi-part dump). */
public final class RouteOps {
    /** rtm_table is a u8: larger table ids go in RTA_TABLE with rtm_table = RT_TABLE_UNSPEC. */
    private static final int MAX_TABLE_IN_HEADER = 255;

    private RouteOps() {
    }

    /** A route as a dump reports it, with who made it (RTPROT_KERNEL for an address's own prefix route). */
    public record RouteEntry(Route route, int protocol, int scope) {
    }

    /** Adds a route; {@link NetlinkErrorException} with EEXIST (17) when it exists, ENETUNREACH for a bad gateway. */
    public static void add(NetlinkTransport transport, Route route) throws IOException {
        Rtnetlink.request(transport, encodeAdd(route));
    }

    /** Removes a route; {@link NetlinkErrorException} with ESRCH (3) when there is no such route. */
    public static void remove(NetlinkTransport transport, Route route) throws IOException {
        Rtnetlink.request(transport, encodeRemove(route));
    }

    /**
     * The unicast routes of every table, for {@code family} (AF_INET, AF_INET6, or AF_UNSPEC for both). Local,
     * broadcast, multicast and other non-unicast entries, and multipath routes, are left out.
     */
    public static List<RouteEntry> list(NetlinkTransport transport, int family) throws IOException {
        if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6) {
            throw new IllegalArgumentException("list routes: family " + family + " is not AF_UNSPEC, AF_INET or AF_INET6");
        }
        List<RouteEntry> routes = new ArrayList<>();
        for (NetlinkMessage m : Rtnetlink.dump(transport, encodeDump(family))) {
            parse(m).ifPresent(routes::add);
        }
        return Collections.unmodifiableList(routes);
    }

    /**
     * RTM_NEWROUTE, REQUEST|ACK|CREATE|EXCL, rtmsg{family, dst_len, table, RTPROT_STATIC, scope UNIVERSE with a
     * gateway or LINK without, RTN_UNICAST}, then RTA_DST, [RTA_GATEWAY], [RTA_OIF], [RTA_PRIORITY], [RTA_TABLE].
     */
    static ByteBuffer encodeAdd(Route route) {
        Objects.requireNonNull(route, "route");
        int scope = route.gateway().isPresent() ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
        return encode(RTM_NEWROUTE, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, route, RTPROT_STATIC, scope);
    }

    /**
     * RTM_DELROUTE, REQUEST|ACK, the same body with protocol 0 and scope RT_SCOPE_NOWHERE: the kernel then
     * matches routes of any protocol and scope, and checks only the fields given.
     */
    static ByteBuffer encodeRemove(Route route) {
        Objects.requireNonNull(route, "route");
        return encode(RTM_DELROUTE, NLM_F_REQUEST | NLM_F_ACK, route, 0, RT_SCOPE_NOWHERE);
    }

    private static ByteBuffer encode(int type, int flags, Route route, int protocol, int scope) {
        boolean bigTable = Integer.compareUnsigned(route.table(), MAX_TABLE_IN_HEADER) > 0;
        NetlinkMessageWriter w = NetlinkMessageWriter.create(type, flags)
                .rtmsg(new RtMsg(familyOf(route.destination()), route.prefixLength(), 0, 0,
                        bigTable ? RT_TABLE_UNSPEC : route.table(), protocol, scope, RTN_UNICAST, 0))
                .address(RTA_DST, route.destination());
        route.gateway().ifPresent(g -> w.address(RTA_GATEWAY, g));
        if (route.outputInterface() > 0) {
            w.u32(RTA_OIF, route.outputInterface());
        }
        if (route.metric() != 0) {
            w.u32(RTA_PRIORITY, route.metric());
        }
        if (bigTable) {
            w.u32(RTA_TABLE, route.table());
        }
        return w.finish();
    }

    /** RTM_GETROUTE, REQUEST|DUMP, rtmsg{family}. */
    static ByteBuffer encodeDump(int family) {
        return NetlinkMessageWriter.create(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP)
                .rtmsg(new RtMsg(family, 0, 0, 0, 0, 0, 0, 0, 0))
                .finish();
    }

    /**
     * Reads one RTM_NEWROUTE; other types, families, non-unicast and multipath routes give empty. The table is
     * RTA_TABLE when present (it holds ids above 255), else rtm_table; a missing RTA_DST is the default route.
     */
    static Optional<RouteEntry> parse(NetlinkMessage m) throws MalformedNetlinkException {
        if (m.type() != RTM_NEWROUTE) {
            return Optional.empty();
        }
        RtMsg h = RtMsg.readFrom(m);
        if ((h.family() != AF_INET && h.family() != AF_INET6) || h.type() != RTN_UNICAST) {
            return Optional.empty();
        }
        NetlinkAttributes attrs = m.attributes(RtMsg.SIZE);
        NetlinkAttribute dst = attrs.find(RTA_DST).orElse(null);
        InetAddress destination = dst != null ? dst.address(h.family()) : unspecified(h.family());
        NetlinkAttribute gw = attrs.find(RTA_GATEWAY).orElse(null);
        Optional<InetAddress> gateway = gw != null ? Optional.of(gw.address(h.family())) : Optional.empty();
        NetlinkAttribute oif = attrs.find(RTA_OIF).orElse(null);
        int outputInterface = oif != null ? oif.u32() : 0;
        if (outputInterface == 0 && gateway.isEmpty()) {
            // A multipath route keeps its next hops in RTA_MULTIPATH, which this class does not model.
            return Optional.empty();
        }
        NetlinkAttribute priority = attrs.find(RTA_PRIORITY).orElse(null);
        NetlinkAttribute table = attrs.find(RTA_TABLE).orElse(null);
        try {
            Route route = new Route(destination, h.dstLength(), gateway, outputInterface,
                    priority != null ? priority.u32() : 0, table != null ? table.u32() : h.table());
            return Optional.of(new RouteEntry(route, h.protocol(), h.scope()));
        } catch (IllegalArgumentException e) {
            throw new MalformedNetlinkException("RTM_NEWROUTE: " + e.getMessage());
        }
    }

    private static InetAddress unspecified(int family) {
        try {
            return InetAddress.getByAddress(new byte[family == AF_INET6 ? 16 : 4]);
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4- or 16-byte address is always valid", e);
        }
    }
}
