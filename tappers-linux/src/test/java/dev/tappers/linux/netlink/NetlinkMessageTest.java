package dev.tappers.linux.netlink;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import static dev.tappers.linux.netlink.NetlinkConstants.AF_INET;
import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_DONE;
import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_ERROR;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_MULTI;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_NEWADDR;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_NEWLINK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetlinkMessageTest {

    private static ByteBuffer wrap(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
    }

    private static List<NetlinkMessage> parse(Bytes b) throws MalformedNetlinkException {
        return NetlinkMessage.parseDatagram(wrap(b.toArray()));
    }

    @Test
    void walks_every_message_of_a_datagram_at_aligned_offsets() throws Exception {
        // The first message is 21 bytes long (unaligned) and padded to 24; the last has no padding at all.
        Bytes d = Bytes.of()
                .header(21, RTM_NEWLINK, NLM_F_MULTI, 7, 99).u8(1, 2, 3, 4, 5).zeros(3)
                .header(20, NLMSG_ERROR, 0, 8, 99).u32(-17)
                .header(17, NLMSG_DONE, NLM_F_MULTI, 9, 99).u8(0x55);
        List<NetlinkMessage> ms = parse(d);
        assertEquals(3, ms.size());
        NetlinkMessage first = ms.get(0);
        assertEquals(RTM_NEWLINK, first.type());
        assertEquals(NLM_F_MULTI, first.flags());
        assertTrue(first.isMultipart());
        assertEquals(7, first.sequence());
        assertEquals(99, first.portId());
        assertEquals(5, first.payload().remaining());
        assertEquals(5, first.payload().get(4));
        assertEquals(-17, ms.get(1).errorCode());
        assertFalse(ms.get(1).isMultipart());
        assertEquals(9, ms.get(2).sequence());
        assertEquals(1, ms.get(2).payload().remaining());
    }

    @Test
    void payload_is_read_only() throws Exception {
        NetlinkMessage m = parse(Bytes.of().header(20, RTM_NEWLINK, 0, 1, 0).u32(5)).get(0);
        assertTrue(m.payload().isReadOnly());
    }

    @Test
    void done_without_payload_has_error_code_zero() throws Exception {
        NetlinkMessage m = parse(Bytes.of().header(16, NLMSG_DONE, NLM_F_MULTI, 1, 0)).get(0);
        assertEquals(0, m.errorCode());
    }

    @Test
    void error_message_shorter_than_its_error_code_is_malformed() throws Exception {
        NetlinkMessage m = parse(Bytes.of().header(18, NLMSG_ERROR, 0, 1, 0).u16(0).zeros(2)).get(0);
        assertThrows(MalformedNetlinkException.class, m::errorCode);
    }

    @Test
    void message_length_below_the_header_is_rejected() {
        MalformedNetlinkException e = assertThrows(MalformedNetlinkException.class,
                () -> parse(Bytes.of().header(12, RTM_NEWLINK, 0, 1, 0)));
        assertTrue(e.getMessage().contains("nlmsg_len 12"), e.getMessage());
        // A zero length would otherwise loop forever.
        assertThrows(MalformedNetlinkException.class, () -> parse(Bytes.of().header(0, RTM_NEWLINK, 0, 1, 0)));
    }

    @Test
    void message_longer_than_the_datagram_is_rejected() {
        assertThrows(MalformedNetlinkException.class,
                () -> parse(Bytes.of().header(40, RTM_NEWLINK, 0, 1, 0).zeros(8)));
        // nlmsg_len is unsigned: 0xFFFFFFFF must not pass as -1.
        assertThrows(MalformedNetlinkException.class,
                () -> parse(Bytes.of().header(-1, RTM_NEWLINK, 0, 1, 0)));
    }

    @Test
    void trailing_bytes_too_short_for_a_header_are_rejected() {
        assertThrows(MalformedNetlinkException.class,
                () -> parse(Bytes.of().header(16, NLMSG_DONE, 0, 1, 0).zeros(8)));
    }

    @Test
    void attributes_after_a_fixed_header_including_nested_ones() throws Exception {
        Bytes d = Bytes.of().header(16 + 8 + 8 + 24, RTM_NEWADDR, 0, 1, 0)
                .u8(AF_INET, 24, 0, 0).u32(3)               // ifaddrmsg
                .attr(8, 2).ip("192.0.2.1")                 // IFA_LOCAL
                .attr(24, 18 | 0x8000)                      // a nested attribute
                .attr(9, 1).cstring("veth").zeros(3)
                .attr(8, 2).u32(42);
        NetlinkMessage m = parse(d).get(0);
        NetlinkAttributes attrs = m.attributes(IfAddrMsg.SIZE);
        assertEquals(2, attrs.size());
        assertEquals(Bytes.address("192.0.2.1"), attrs.find(2).orElseThrow().address(AF_INET));
        NetlinkAttribute nest = attrs.find(18).orElseThrow();
        assertTrue(nest.isMarkedNested());
        assertEquals(18, nest.type());
        NetlinkAttributes inner = nest.nested();
        assertEquals("veth", inner.find(1).orElseThrow().string());
        assertEquals(42, inner.find(2).orElseThrow().u32());
        assertFalse(attrs.has(3));
    }

    @Test
    void typed_getters_check_the_payload_size() throws Exception {
        Bytes d = Bytes.of().header(16 + 8, RTM_NEWLINK, 0, 1, 0).attr(6, 4).u16(1500).zeros(2);
        NetlinkAttribute mtu = parse(d).get(0).attributes(0).find(4).orElseThrow();
        assertEquals(1500, mtu.u16());
        MalformedNetlinkException e = assertThrows(MalformedNetlinkException.class, mtu::u32);
        assertTrue(e.getMessage().contains("attribute type 4"), e.getMessage());
        assertThrows(MalformedNetlinkException.class, mtu::u8);
        assertThrows(MalformedNetlinkException.class, () -> mtu.address(AF_INET));
    }

    @Test
    void attribute_shorter_than_its_header_is_rejected() throws Exception {
        NetlinkMessage m = parse(Bytes.of().header(16 + 8, RTM_NEWLINK, 0, 1, 0).attr(2, 3).zeros(4)).get(0);
        MalformedNetlinkException e = assertThrows(MalformedNetlinkException.class, () -> m.attributes(0));
        assertTrue(e.getMessage().contains("declares length 2"), e.getMessage());
        // Length 0 would otherwise never advance.
        NetlinkMessage zero = parse(Bytes.of().header(16 + 8, RTM_NEWLINK, 0, 1, 0).attr(0, 3).zeros(4)).get(0);
        assertThrows(MalformedNetlinkException.class, () -> zero.attributes(0));
    }

    @Test
    void attribute_running_past_its_message_is_rejected() throws Exception {
        // Claims 12 bytes, but only 8 remain in the message (more follow in the datagram: they must not be read).
        Bytes d = Bytes.of().header(16 + 8, RTM_NEWLINK, 0, 1, 0).attr(12, 3).u32(1)
                .header(16, NLMSG_DONE, 0, 1, 0);
        NetlinkMessage m = parse(d).get(0);
        assertThrows(MalformedNetlinkException.class, () -> m.attributes(0));
    }

    @Test
    void nested_attribute_with_a_bad_child_is_rejected() throws Exception {
        Bytes d = Bytes.of().header(16 + 12, RTM_NEWLINK, 0, 1, 0).attr(12, 18).attr(20, 1).u32(0);
        NetlinkAttribute nest = parse(d).get(0).attributes(0).find(18).orElseThrow();
        assertThrows(MalformedNetlinkException.class, nest::nested);
    }

    @Test
    void stray_bytes_after_the_last_attribute_are_rejected() throws Exception {
        // A 3-byte tail inside the message: not an attribute, not padding of one.
        Bytes d = Bytes.of().header(16 + 8 + 3, RTM_NEWLINK, 0, 1, 0).attr(8, 3).u32(1).zeros(3).zeros(1);
        NetlinkMessage m = parse(d).get(0);
        assertThrows(MalformedNetlinkException.class, () -> m.attributes(0));
    }

    @Test
    void payload_shorter_than_the_fixed_header_is_rejected() throws Exception {
        NetlinkMessage m = parse(Bytes.of().header(16 + 4, RTM_NEWLINK, 0, 1, 0).u32(0)).get(0);
        assertThrows(MalformedNetlinkException.class, () -> m.attributes(IfInfoMsg.SIZE));
        assertThrows(MalformedNetlinkException.class, () -> IfInfoMsg.readFrom(m));
    }

    @Test
    void string_stops_at_the_first_nul_and_tolerates_a_missing_one() throws Exception {
        Bytes d = Bytes.of().header(16 + 12 + 8, RTM_NEWLINK, 0, 1, 0)
                .attr(10, 3).cstring("tun0").u8(0x7A).zeros(2)
                .attr(7, 4).u8('a', 'b', 'c').zeros(1);
        NetlinkAttributes a = parse(d).get(0).attributes(0);
        assertEquals("tun0", a.find(3).orElseThrow().string());
        assertEquals("abc", a.find(4).orElseThrow().string());
    }
}
