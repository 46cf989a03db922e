package dev.tappers.linux.netlink;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import static dev.tappers.linux.netlink.Bytes.address;
import static dev.tappers.linux.netlink.NetlinkConstants.AF_INET;
import static dev.tappers.linux.netlink.NetlinkConstants.AF_INET6;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_MULTI;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_NEWROUTE;
import static dev.tappers.linux.netlink.Replies.datagram;
import static dev.tappers.linux.netlink.Replies.done;
import static dev.tappers.linux.netlink.Replies.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteOpsTest {
    private static final int IFINDEX = 7;

    private static void assertBytes(Bytes expected, ByteBuffer actual) {
        byte[] a = Bytes.toArray(actual);
        assertArrayEquals(expected.toArray(), a, () -> "expected " + Bytes.hex(expected.toArray()) + "\n but got " + Bytes.hex(a));
    }

    // ---- encoding ----

    @Test
    void add_ipv4_route_through_a_device() {
        Bytes expected = Bytes.of()
                .header(44, 24, 0x605, 0, 0)                   // RTM_NEWROUTE, REQUEST|ACK|CREATE|EXCL
                .u8(2, 24, 0, 0, 254, 4, 253, 1).u32(0)        // rtmsg: main table, static, scope link, unicast
                .attr(8, 1).ip("203.0.113.0")                  // RTA_DST
                .attr(8, 4).u32(IFINDEX);                      // RTA_OIF
        assertBytes(expected, RouteOps.encodeAdd(Route.through(address("203.0.113.0"), 24, IFINDEX)));
    }

    @Test
    void add_ipv6_route_via_gateway_with_metric_in_a_table_above_255() {
        Route r = Route.through(address("2001:db8:1::"), 48, IFINDEX)
                .withGateway(address("2001:db8::fe")).withMetric(100).withTable(1000);
        Bytes expected = Bytes.of()
                .header(92, 24, 0x605, 0, 0)
                .u8(10, 48, 0, 0, 0, 4, 0, 1).u32(0)           // rtm_table UNSPEC: the id is in RTA_TABLE; scope universe
                .attr(20, 1).ip("2001:db8:1::")                // RTA_DST
                .attr(20, 5).ip("2001:db8::fe")                // RTA_GATEWAY
                .attr(8, 4).u32(IFINDEX)                       // RTA_OIF
                .attr(8, 6).u32(100)                           // RTA_PRIORITY
                .attr(8, 15).u32(1000);                        // RTA_TABLE
        assertBytes(expected, RouteOps.encodeAdd(r));
    }

    @Test
    void remove_matches_any_protocol_and_scope() {
        Bytes expected = Bytes.of()
                .header(44, 25, 0x5, 0, 0)                     // RTM_DELROUTE, REQUEST|ACK
                .u8(2, 24, 0, 0, 254, 0, 255, 1).u32(0)        // protocol 0, RT_SCOPE_NOWHERE
                .attr(8, 1).ip("203.0.113.0")
                .attr(8, 4).u32(IFINDEX);
        assertBytes(expected, RouteOps.encodeRemove(Route.through(address("203.0.113.0"), 24, IFINDEX)));
    }

    @Test
    void dump_request_sets_the_family() {
        assertBytes(Bytes.of().header(28, 26, 0x301, 0, 0).u8(10, 0, 0, 0, 0, 0, 0, 0).u32(0),
                RouteOps.encodeDump(AF_INET6));
    }

    @Test
    void bad_routes_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> Route.through(address("203.0.113.0"), 33, IFINDEX));
        assertThrows(IllegalArgumentException.class, () -> Route.through(address("2001:db8::"), 129, IFINDEX));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Route.through(address("203.0.113.0"), 24, IFINDEX).withGateway(address("2001:db8::1")));
        assertTrue(e.getMessage().contains("gateway"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Route.through(address("203.0.113.7"), 24, IFINDEX));
        assertThrows(IllegalArgumentException.class, () -> Route.through(address("203.0.113.0"), 24, 0));
        assertThrows(IllegalArgumentException.class, () -> Route.through(address("203.0.113.0"), 24, IFINDEX).withTable(0));
        assertThrows(IllegalArgumentException.class, () -> RouteOps.list(new ScriptedTransport((i, r) -> List.of()), 17));
    }

    // ---- parsing ----

    private static byte[] newRoute(int seq, int family, int dstLen, int table, int protocol, int scope, int type,
                                   Bytes attributes) {
        byte[] payload = Bytes.of().u8(family, dstLen, 0, 0, table, protocol, scope, type).u32(0)
                .raw(attributes.toArray()).toArray();
        return message(RTM_NEWROUTE, NLM_F_MULTI, seq, payload);
    }

    private static Optional<RouteOps.RouteEntry> parseOne(byte[] m) throws Exception {
        return RouteOps.parse(NetlinkMessage.parseDatagram(ByteBuffer.wrap(m)).get(0));
    }

    @Test
    void parses_a_route_with_its_table_from_rta_table() throws Exception {
        RouteOps.RouteEntry e = parseOne(newRoute(1, AF_INET, 24, 252, 4, 253, 1, Bytes.of()
                .attr(8, 15).u32(1000)
                .attr(8, 1).ip("203.0.113.0")
                .attr(8, 6).u32(50)
                .attr(8, 4).u32(IFINDEX))).orElseThrow();
        assertEquals(Route.through(address("203.0.113.0"), 24, IFINDEX).withMetric(50).withTable(1000), e.route());
        assertEquals(4, e.protocol());
        assertEquals(253, e.scope());
    }

    @Test
    void default_route_has_no_rta_dst() throws Exception {
        RouteOps.RouteEntry e = parseOne(newRoute(1, AF_INET6, 0, 254, 3, 0, 1, Bytes.of()
                .attr(8, 15).u32(254)
                .attr(20, 5).ip("2001:db8::1")
                .attr(8, 4).u32(IFINDEX))).orElseThrow();
        assertEquals(address("::"), e.route().destination());
        assertEquals(0, e.route().prefixLength());
        assertEquals(Optional.of(address("2001:db8::1")), e.route().gateway());
    }

    @Test
    void non_unicast_and_multipath_routes_are_left_out() throws Exception {
        assertTrue(parseOne(newRoute(1, AF_INET, 32, 255, 2, 254, 2, Bytes.of()     // RTN_LOCAL
                .attr(8, 1).ip("192.0.2.1").attr(8, 4).u32(IFINDEX))).isEmpty());
        assertTrue(parseOne(newRoute(1, AF_INET, 24, 254, 4, 0, 1, Bytes.of()       // next hops in RTA_MULTIPATH
                .attr(8, 1).ip("203.0.113.0").attr(4, 9))).isEmpty());
    }

    @Test
    void route_with_a_wrong_sized_gateway_is_malformed() {
        assertThrows(MalformedNetlinkException.class, () -> parseOne(newRoute(1, AF_INET, 24, 254, 4, 0, 1, Bytes.of()
                .attr(8, 1).ip("203.0.113.0").attr(20, 5).ip("2001:db8::1"))));
    }

    @Test
    void list_follows_the_dump_and_keeps_unicast_routes() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(
                datagram(newRoute(r.seq(), AF_INET, 24, 254, 2, 253, 1, Bytes.of()
                        .attr(8, 15).u32(254).attr(8, 1).ip("198.18.0.0").attr(8, 4).u32(IFINDEX))),
                datagram(newRoute(r.seq(), AF_INET, 32, 255, 2, 254, 2, Bytes.of()
                        .attr(8, 15).u32(255).attr(8, 1).ip("198.18.0.1").attr(8, 4).u32(IFINDEX))),
                datagram(newRoute(r.seq(), AF_INET, 24, 254, 4, 253, 1, Bytes.of()
                        .attr(8, 15).u32(254).attr(8, 1).ip("203.0.113.0").attr(8, 4).u32(IFINDEX)), done(r.seq()))));
        List<RouteOps.RouteEntry> routes = RouteOps.list(t, AF_INET);
        assertEquals(List.of(Route.through(address("198.18.0.0"), 24, IFINDEX), Route.through(address("203.0.113.0"), 24, IFINDEX)),
                routes.stream().map(RouteOps.RouteEntry::route).toList());
        assertEquals(List.of(2, 4), routes.stream().map(RouteOps.RouteEntry::protocol).toList());
        assertEquals(3, t.receives);
    }
}
