package dev.tappers.linux.netlink;

import dev.tappers.AddressInfo;
import dev.tappers.AddressRequest;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import static dev.tappers.linux.netlink.NetlinkConstants.AF_INET;
import static dev.tappers.linux.netlink.NetlinkConstants.AF_INET6;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_MULTI;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_DELADDR;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_GETADDR;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_NEWADDR;
import static dev.tappers.linux.netlink.Bytes.address;
import static dev.tappers.linux.netlink.Replies.ack;
import static dev.tappers.linux.netlink.Replies.datagram;
import static dev.tappers.linux.netlink.Replies.done;
import static dev.tappers.linux.netlink.Replies.error;
import static dev.tappers.linux.netlink.Replies.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressOpsTest {
    private static final int IFINDEX = 7;
    private static final int EEXIST = 17;
    private static final int EADDRNOTAVAIL = 99;

    private static void assertBytes(Bytes expected, ByteBuffer actual) {
        byte[] a = Bytes.toArray(actual);
        assertArrayEquals(expected.toArray(), a, () -> "expected " + Bytes.hex(expected.toArray()) + "\n but got " + Bytes.hex(a));
    }

    private static void assertBytes(Bytes expected, byte[] actual) {
        assertBytes(expected, ByteBuffer.wrap(actual));
    }

    /** A request as sent, with the sequence number the transport saw replaced by 0 for comparison. */
    private static byte[] withoutSeq(ScriptedTransport.Request r) {
        byte[] b = r.bytes().clone();
        ByteBuffer.wrap(b).order(java.nio.ByteOrder.nativeOrder()).putInt(8, 0);
        return b;
    }

    /** A dump part as the kernel sends it: ifaddrmsg (flags IFA_F_PERMANENT, scope 0) then the attributes. */
    private static byte[] newAddr(int seq, int family, int prefix, int index, Bytes attributes) {
        byte[] payload = Bytes.of().u8(family, prefix, 0x80, 0).u32(index).raw(attributes.toArray()).toArray();
        return message(RTM_NEWADDR, NLM_F_MULTI, seq, payload);
    }

    // ---- encoding: exact bytes, derived by hand from PLATFORMS.md 1.3 ----

    @Test
    void add_ipv4_with_broadcast() {
        AddressRequest r = AddressRequest.parse("192.0.2.1/24").withBroadcast((Inet4Address) address("192.0.2.255"));
        Bytes expected = Bytes.of()
                .header(48, 20, 0x605, 0, 0)            // RTM_NEWADDR, REQUEST|ACK|CREATE|EXCL
                .u8(2, 24, 0, 0).u32(IFINDEX)           // ifaddrmsg: AF_INET, /24, flags 0, scope universe
                .attr(8, 2).ip("192.0.2.1")             // IFA_LOCAL
                .attr(8, 1).ip("192.0.2.1")             // IFA_ADDRESS
                .attr(8, 4).ip("192.0.2.255");          // IFA_BROADCAST
        assertBytes(expected, AddressOps.encodeAdd(IFINDEX, r));
    }

    @Test
    void add_ipv4_point_to_point_puts_the_peer_in_ifa_address() {
        AddressRequest r = AddressRequest.parse("198.51.100.1/32").withDestination(address("198.51.100.2"));
        Bytes expected = Bytes.of()
                .header(40, 20, 0x605, 0, 0)
                .u8(2, 32, 0, 0).u32(IFINDEX)
                .attr(8, 2).ip("198.51.100.1")          // IFA_LOCAL: our end
                .attr(8, 1).ip("198.51.100.2");         // IFA_ADDRESS: the peer
        assertBytes(expected, AddressOps.encodeAdd(IFINDEX, r));
    }

    @Test
    void add_ipv6_with_nodad() {
        AddressRequest r = AddressRequest.parse("2001:db8::1/64");
        Bytes expected = Bytes.of()
                .header(72, 20, 0x605, 0, 0)
                .u8(10, 64, 0x02, 0).u32(IFINDEX)       // AF_INET6, /64, IFA_F_NODAD, scope universe
                .attr(20, 2).ip("2001:db8::1")          // IFA_LOCAL
                .attr(20, 1).ip("2001:db8::1")          // IFA_ADDRESS
                .attr(8, 8).u32(0x02);                  // IFA_FLAGS: IFA_F_NODAD
        assertBytes(expected, AddressOps.encodeAdd(IFINDEX, r));
    }

    @Test
    void add_ipv6_point_to_point_puts_the_peer_in_ifa_address() {
        AddressRequest r = AddressRequest.parse("2001:db8::1/128").withDestination(address("2001:db8::2"));
        Bytes expected = Bytes.of()
                .header(72, 20, 0x605, 0, 0)
                .u8(10, 128, 0x02, 0).u32(IFINDEX)
                .attr(20, 2).ip("2001:db8::1")
                .attr(20, 1).ip("2001:db8::2")
                .attr(8, 8).u32(0x02);
        assertBytes(expected, AddressOps.encodeAdd(IFINDEX, r));
    }

    @Test
    void remove_carries_any_prefix_length() {
        Bytes expected = Bytes.of()
                .header(64, 21, 0x5, 0, 0)              // RTM_DELADDR, REQUEST|ACK
                .u8(10, 19, 0, 0).u32(IFINDEX)          // a /19: neither /64 nor /128
                .attr(20, 2).ip("2001:db8::1")
                .attr(20, 1).ip("2001:db8::1");
        assertBytes(expected, AddressOps.encodeRemove(IFINDEX, AddressInfo.of(address("2001:db8::1"), 19), Optional.empty()));
    }

    @Test
    void dump_request_sets_the_family_filter() {
        assertBytes(Bytes.of().header(24, 22, 0x301, 0, 0).u8(10, 0, 0, 0).u32(0), AddressOps.encodeDump(AF_INET6));
        assertBytes(Bytes.of().header(24, 22, 0x301, 0, 0).u8(0, 0, 0, 0).u32(0), AddressOps.encodeDump(0));
    }

    // ---- parsing replies ----

    private static AddressOps.AddressEntry parseOne(byte[] message) throws Exception {
        NetlinkMessage m = NetlinkMessage.parseDatagram(ByteBuffer.wrap(message)).get(0);
        return AddressOps.parse(m).orElseThrow();
    }

    @Test
    void ipv4_point_to_point_reply_reports_local_and_peer() throws Exception {
        AddressOps.AddressEntry e = parseOne(newAddr(1, AF_INET, 32, IFINDEX, Bytes.of()
                .attr(8, 1).ip("198.51.100.2")          // IFA_ADDRESS: the peer
                .attr(8, 2).ip("198.51.100.1")));       // IFA_LOCAL: ours
        assertEquals(IFINDEX, e.ifindex());
        assertEquals(address("198.51.100.1"), e.info().address());
        assertEquals(32, e.info().prefixLength());
        assertEquals(Optional.of(address("198.51.100.2")), e.info().destination());
        assertTrue(e.info().broadcast().isEmpty());
    }

    @Test
    void ipv4_reply_with_equal_local_and_address_has_no_destination_and_keeps_the_broadcast() throws Exception {
        AddressOps.AddressEntry e = parseOne(newAddr(1, AF_INET, 24, IFINDEX, Bytes.of()
                .attr(8, 1).ip("192.0.2.1")
                .attr(8, 2).ip("192.0.2.1")
                .attr(8, 4).ip("192.0.2.255")
                .attr(9, 3).cstring("tun0").zeros(3)));  // IFA_LABEL, ignored
        assertEquals(new AddressInfo(address("192.0.2.1"), 24, Optional.of((Inet4Address) address("192.0.2.255")),
                Optional.empty()), e.info());
        assertEquals(0x80, e.flags(), "without IFA_FLAGS, ifa_flags counts");
    }

    @Test
    void ipv6_reply_with_only_ifa_address_and_ifa_flags_preferred() throws Exception {
        AddressOps.AddressEntry e = parseOne(newAddr(1, AF_INET6, 64, IFINDEX, Bytes.of()
                .attr(20, 1).ip("2001:db8::1")
                .attr(8, 8).u32(0x282)));               // IFA_FLAGS: NOPREFIXROUTE|PERMANENT|NODAD
        assertEquals(AddressInfo.of(address("2001:db8::1"), 64), e.info());
        assertTrue(e.info().isIpv6());
        assertEquals(0x282, e.flags());
    }

    @Test
    void ipv6_point_to_point_reply() throws Exception {
        AddressOps.AddressEntry e = parseOne(newAddr(1, AF_INET6, 128, IFINDEX, Bytes.of()
                .attr(20, 2).ip("2001:db8::1")
                .attr(20, 1).ip("2001:db8::2")));
        assertEquals(address("2001:db8::1"), e.info().address());
        assertEquals(Optional.of(address("2001:db8::2")), e.info().destination());
    }

    @Test
    void reply_with_a_wrong_sized_address_or_prefix_is_malformed() {
        assertThrows(MalformedNetlinkException.class, () -> parseOne(newAddr(1, AF_INET, 24, IFINDEX, Bytes.of()
                .attr(20, 2).ip("2001:db8::1"))));
        assertThrows(MalformedNetlinkException.class, () -> parseOne(newAddr(1, AF_INET, 33, IFINDEX, Bytes.of()
                .attr(8, 2).ip("192.0.2.1"))));
        assertThrows(MalformedNetlinkException.class, () -> parseOne(newAddr(1, AF_INET, 24, IFINDEX, Bytes.of())));
    }

    @Test
    void other_families_are_skipped() throws Exception {
        NetlinkMessage m = NetlinkMessage.parseDatagram(ByteBuffer.wrap(newAddr(1, 17, 0, IFINDEX, Bytes.of()))).get(0);
        assertTrue(AddressOps.parse(m).isEmpty());
    }

    // ---- operations over a scripted transport ----

    @Test
    void list_follows_the_dump_to_done_and_keeps_only_the_interface() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(
                datagram(newAddr(r.seq(), AF_INET, 8, 1, Bytes.of().attr(8, 2).ip("127.0.0.1").attr(8, 1).ip("127.0.0.1")),
                        newAddr(r.seq(), AF_INET, 24, IFINDEX, Bytes.of().attr(8, 2).ip("192.0.2.1").attr(8, 1).ip("192.0.2.1"))),
                datagram(newAddr(r.seq(), AF_INET, 24, IFINDEX, Bytes.of().attr(8, 2).ip("198.18.0.1").attr(8, 1).ip("198.18.0.1"))),
                datagram(newAddr(r.seq(), AF_INET6, 64, IFINDEX, Bytes.of().attr(20, 1).ip("2001:db8::1")),
                        done(r.seq()))));
        List<AddressInfo> list = AddressOps.list(t, IFINDEX);
        assertEquals(List.of(AddressInfo.of(address("192.0.2.1"), 24), AddressInfo.of(address("198.18.0.1"), 24),
                AddressInfo.of(address("2001:db8::1"), 64)), list);
        assertEquals(RTM_GETADDR, t.sent.get(0).type());
        assertEquals(3, t.receives);
    }

    @Test
    void add_sends_the_encoded_request_and_reports_eexist() throws Exception {
        AddressRequest r = AddressRequest.parse("192.0.2.1/24");
        ScriptedTransport ok = new ScriptedTransport((i, q) -> List.of(datagram(ack(q.seq(), q.type()))));
        AddressOps.add(ok, IFINDEX, r);
        assertArrayEquals(Bytes.toArray(AddressOps.encodeAdd(IFINDEX, r)), withoutSeq(ok.sent.get(0)));

        ScriptedTransport exists = new ScriptedTransport((i, q) -> List.of(datagram(error(q.seq(), -EEXIST, q.type()))));
        NetlinkErrorException e = assertThrows(NetlinkErrorException.class, () -> AddressOps.add(exists, IFINDEX, r));
        assertEquals(EEXIST, e.errno());
        assertEquals(RTM_NEWADDR, e.requestType());
    }

    @Test
    void remove_of_a_point_to_point_address_names_its_peer() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> i == 0
                ? List.of(datagram(newAddr(r.seq(), AF_INET, 32, IFINDEX, Bytes.of()
                        .attr(8, 1).ip("198.51.100.2").attr(8, 2).ip("198.51.100.1")), done(r.seq())))
                : List.of(datagram(ack(r.seq(), r.type()))));
        AddressOps.remove(t, IFINDEX, address("198.51.100.1"), 32);
        assertEquals(2, t.sent.size());
        assertEquals(AF_INET, t.sent.get(0).buffer().get(16), "the lookup dumps only the address's family");
        assertBytes(Bytes.of()
                .header(40, RTM_DELADDR, 0x5, 0, 0)
                .u8(2, 32, 0, 0).u32(IFINDEX)
                .attr(8, 2).ip("198.51.100.1")
                .attr(8, 1).ip("198.51.100.2"), withoutSeq(t.sent.get(1)));
    }

    @Test
    void remove_of_an_absent_address_reports_the_kernels_error() {
        ScriptedTransport t = new ScriptedTransport((i, r) -> i == 0
                ? List.of(datagram(newAddr(r.seq(), AF_INET, 24, IFINDEX, Bytes.of()
                        .attr(8, 2).ip("192.0.2.1").attr(8, 1).ip("192.0.2.1")), done(r.seq())))
                : List.of(datagram(error(r.seq(), -EADDRNOTAVAIL, r.type()))));
        // Same address, other prefix: not a match; the request goes out with /25 and the kernel refuses it.
        NetlinkErrorException e = assertThrows(NetlinkErrorException.class,
                () -> AddressOps.remove(t, IFINDEX, address("192.0.2.1"), 25));
        assertEquals(EADDRNOTAVAIL, e.errno());
        assertEquals(RTM_DELADDR, e.requestType());
        assertEquals(25, t.sent.get(1).buffer().get(17));
    }

    @Test
    void bad_input_is_refused_before_anything_is_sent() {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of());
        InetAddress v4 = address("192.0.2.1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressOps.remove(t, IFINDEX, v4, 33));
        assertTrue(e.getMessage().contains("33"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddressOps.remove(t, IFINDEX, address("2001:db8::1"), 129));
        e = assertThrows(IllegalArgumentException.class, () -> AddressOps.add(t, 0, AddressRequest.parse("192.0.2.1/24")));
        assertTrue(e.getMessage().contains("interface index 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddressOps.list(t, -1));
        assertFalse(t.sent.size() > 0);
    }
}
