package dev.tappers.linux.netlink;

import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_MULTI;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_GETLINK;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_NEWLINK;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_SETLINK;
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

class LinkOpsTest {
    private static final int IFINDEX = 7;
    private static final int ENODEV = 19;

    private static void assertBytes(Bytes expected, ByteBuffer actual) {
        byte[] a = Bytes.toArray(actual);
        assertArrayEquals(expected.toArray(), a, () -> "expected " + Bytes.hex(expected.toArray()) + "\n but got " + Bytes.hex(a));
    }

    /** A zeroed ifinfomsg except for the index. */
    private static Bytes ifinfomsg(Bytes b, int index) {
        return b.u8(0, 0).u16(0).u32(index).u32(0).u32(0);
    }

    // ---- encoding ----

    @Test
    void veth_create_request_matches_the_layout_in_platforms_md() {
        Bytes expected = Bytes.of().header(96, 16, 0x605, 0, 0);   // RTM_NEWLINK, REQUEST|ACK|CREATE|EXCL
        ifinfomsg(expected, 0)                                      // zeroed ifinfomsg
                .attr(10, 3).cstring("veth0").zeros(2)              // IFLA_IFNAME "veth0\0"
                .attr(52, 18 | 0x8000)                              // IFLA_LINKINFO (nested)
                .attr(9, 1).cstring("veth").zeros(3)                //   IFLA_INFO_KIND "veth\0"
                .attr(36, 2 | 0x8000)                               //   IFLA_INFO_DATA (nested)
                .attr(32, 1);                                       //     VETH_INFO_PEER: ifinfomsg + attributes
        ifinfomsg(expected, 0)
                .attr(10, 3).cstring("veth1").zeros(2);             //       IFLA_IFNAME "veth1\0"
        assertBytes(expected, LinkOps.encodeCreateVeth(VethRequest.of(InterfaceName.of("veth0"), InterfaceName.of("veth1"))));
    }

    @Test
    void veth_create_with_mtu_macs_and_peer_namespace() {
        VethRequest r = VethRequest.of(InterfaceName.of("veth0"), InterfaceName.of("veth1"))
                .withMtu(1400)
                .withMac(MacAddress.parse("02:00:00:00:00:01"))
                .withPeerMac(MacAddress.parse("02:00:00:00:00:02"))
                .withPeerNamespace(9);
        Bytes expected = Bytes.of().header(144, 16, 0x605, 0, 0);
        ifinfomsg(expected, 0)
                .attr(10, 3).cstring("veth0").zeros(2)
                .attr(8, 4).u32(1400)                               // IFLA_MTU
                .attr(10, 1).u8(2, 0, 0, 0, 0, 1).zeros(2)          // IFLA_ADDRESS
                .attr(80, 18 | 0x8000)
                .attr(9, 1).cstring("veth").zeros(3)
                .attr(64, 2 | 0x8000)
                .attr(60, 1);
        ifinfomsg(expected, 0)
                .attr(10, 3).cstring("veth1").zeros(2)
                .attr(8, 4).u32(1400)
                .attr(10, 1).u8(2, 0, 0, 0, 0, 2).zeros(2)
                .attr(8, 28).u32(9);                                // IFLA_NET_NS_FD
        assertBytes(expected, LinkOps.encodeCreateVeth(r));
    }

    @Test
    void veth_with_kernel_picked_names_has_no_ifname() {
        Bytes expected = Bytes.of().header(72, 16, 0x605, 0, 0);
        ifinfomsg(expected, 0)
                .attr(40, 18 | 0x8000)
                .attr(9, 1).cstring("veth").zeros(3)
                .attr(24, 2 | 0x8000)
                .attr(20, 1);
        ifinfomsg(expected, 0);
        assertBytes(expected, LinkOps.encodeCreateVeth(VethRequest.of(null, null)));
    }

    @Test
    void up_and_down_change_only_iff_up() {
        assertBytes(Bytes.of().header(32, 19, 0x5, 0, 0).u8(0, 0).u16(0).u32(IFINDEX).u32(1).u32(1),
                LinkOps.encodeSetUp(IFINDEX, true));
        assertBytes(Bytes.of().header(32, 19, 0x5, 0, 0).u8(0, 0).u16(0).u32(IFINDEX).u32(0).u32(1),
                LinkOps.encodeSetUp(IFINDEX, false));
    }

    @Test
    void mtu_rename_mac_namespace_and_delete() {
        assertBytes(ifinfomsg(Bytes.of().header(40, 19, 0x5, 0, 0), IFINDEX).attr(8, 4).u32(1280),
                LinkOps.encodeSetMtu(IFINDEX, 1280));
        assertBytes(ifinfomsg(Bytes.of().header(44, 19, 0x5, 0, 0), IFINDEX).attr(9, 3).cstring("tap1").zeros(3),
                LinkOps.encodeRename(IFINDEX, InterfaceName.of("tap1")));
        assertBytes(ifinfomsg(Bytes.of().header(44, 19, 0x5, 0, 0), IFINDEX).attr(10, 1).u8(2, 0, 0x5e, 0x10, 0, 1).zeros(2),
                LinkOps.encodeSetMac(IFINDEX, MacAddress.parse("02:00:5e:10:00:01")));
        assertBytes(ifinfomsg(Bytes.of().header(40, 19, 0x5, 0, 0), IFINDEX).attr(8, 28).u32(12),
                LinkOps.encodeMoveToNamespace(IFINDEX, 12));
        assertBytes(ifinfomsg(Bytes.of().header(32, 17, 0x5, 0, 0), IFINDEX),
                LinkOps.encodeDelete(IFINDEX));
        assertBytes(ifinfomsg(Bytes.of().header(32, 18, 0x301, 0, 0), 0), LinkOps.encodeDump());
        assertBytes(ifinfomsg(Bytes.of().header(44, 18, 0x5, 0, 0), 0).attr(9, 3).cstring("tun0").zeros(3),
                LinkOps.encodeGet(InterfaceName.of("tun0")));
    }

    @Test
    void bad_input_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> LinkOps.encodeSetMtu(IFINDEX, 0));
        assertThrows(IllegalArgumentException.class, () -> LinkOps.encodeSetUp(0, true));
        assertThrows(IllegalArgumentException.class, () -> LinkOps.encodeDelete(-3));
        assertThrows(IllegalArgumentException.class, () -> LinkOps.encodeMoveToNamespace(IFINDEX, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VethRequest.of(InterfaceName.of("veth0"), InterfaceName.of("veth0")));
        assertTrue(e.getMessage().contains("veth0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VethRequest.of(null, null).withMtu(-1));
        assertThrows(IllegalArgumentException.class, () -> VethRequest.of(null, null).withPeerNamespace(-1));
    }

    // ---- parsing ----

    /** An RTM_NEWLINK as the kernel sends it (nests not marked NLA_F_NESTED, as rtnetlink does). */
    private static byte[] newLink(int seq, int flags, int index, int deviceType, int ifFlags, Bytes attributes) {
        byte[] payload = Bytes.of().u8(0, 0).u16(deviceType).u32(index).u32(ifFlags).u32(0)
                .raw(attributes.toArray()).toArray();
        return message(RTM_NEWLINK, flags, seq, payload);
    }

    private static Bytes vethAttributes() {
        return Bytes.of()
                .attr(10, 3).cstring("veth0").zeros(2)
                .attr(8, 4).u32(1500)
                .attr(8, 5).u32(8)                          // IFLA_LINK: the peer
                .attr(5, 16).u8(6).zeros(3)                 // IFLA_OPERSTATE, not modelled
                .attr(10, 1).u8(2, 0, 0, 0, 0, 1).zeros(2)
                .attr(24, 18)
                .attr(9, 1).cstring("veth").zeros(3)
                .attr(8, 2).attr(4, 1);                     // IFLA_INFO_DATA{an empty attribute}
    }

    @Test
    void parses_a_veth_link() throws Exception {
        NetlinkMessage m = NetlinkMessage.parseDatagram(ByteBuffer.wrap(newLink(1, 0, 7, 1, 0x1043, vethAttributes()))).get(0);
        LinkInfo l = LinkOps.parse(m).orElseThrow();
        assertEquals(new LinkInfo(7, "veth0", 0x1043, 1500, 1, 8, Optional.of(MacAddress.parse("02:00:00:00:00:01")),
                Optional.of("veth"), OptionalInt.empty()), l);
        assertTrue(l.isUp());
    }

    @Test
    void parses_the_netnsid_of_a_veth_peer_in_another_namespace() throws Exception {
        Bytes attrs = vethAttributes().attr(8, 37).u32(-7); // IFLA_LINK_NETNSID, an s32: read with its sign
        LinkInfo l = LinkOps.parse(NetlinkMessage.parseDatagram(ByteBuffer.wrap(newLink(1, 0, 7, 1, 0x1043, attrs))).get(0))
                .orElseThrow();
        assertEquals(OptionalInt.of(-7), l.linkNetnsId());
        assertEquals(8, l.link());
        assertTrue(l.toString().contains("link-netnsid -7"), l.toString());
    }

    @Test
    void parses_a_tun_link_without_a_mac() throws Exception {
        Bytes attrs = Bytes.of().attr(9, 3).cstring("tun0").zeros(3).attr(8, 4).u32(1500)
                .attr(12, 18).attr(8, 1).cstring("tun");
        NetlinkMessage m = NetlinkMessage.parseDatagram(ByteBuffer.wrap(newLink(1, 0, 9, 65534, 0x1090, attrs))).get(0);
        LinkInfo l = LinkOps.parse(m).orElseThrow();
        assertEquals(Optional.empty(), l.mac());
        assertEquals(Optional.of("tun"), l.kind());
        assertEquals(65534, l.deviceType());
        assertFalse(l.isUp());
    }

    @Test
    void link_without_a_name_or_with_a_bad_mtu_is_malformed() throws Exception {
        NetlinkMessage noName = NetlinkMessage.parseDatagram(
                ByteBuffer.wrap(newLink(1, 0, 9, 1, 0, Bytes.of().attr(8, 4).u32(1500)))).get(0);
        assertThrows(MalformedNetlinkException.class, () -> LinkOps.parse(noName));
        NetlinkMessage shortMtu = NetlinkMessage.parseDatagram(ByteBuffer.wrap(newLink(1, 0, 9, 1, 0,
                Bytes.of().attr(9, 3).cstring("tun0").zeros(3).attr(6, 4).u16(1500).zeros(2)))).get(0);
        assertThrows(MalformedNetlinkException.class, () -> LinkOps.parse(shortMtu));
    }

    @Test
    void list_reads_the_dump_to_the_end() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(
                datagram(newLink(r.seq(), NLM_F_MULTI, 1, 772, 0x49, Bytes.of().attr(7, 3).cstring("lo").zeros(1))),
                datagram(newLink(r.seq(), NLM_F_MULTI, 7, 1, 0x1043, vethAttributes()), done(r.seq()))));
        List<LinkInfo> links = LinkOps.list(t);
        assertEquals(List.of("lo", "veth0"), links.stream().map(LinkInfo::name).toList());
        assertEquals(RTM_GETLINK, t.sent.get(0).type());
    }

    @Test
    void get_by_name_returns_the_reply_before_the_ack_and_missing_links_give_enodev() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(
                datagram(newLink(r.seq(), 0, 7, 1, 0x1043, vethAttributes())), datagram(ack(r.seq(), r.type()))));
        assertEquals(7, LinkOps.get(t, InterfaceName.of("veth0")).index());

        ScriptedTransport missing = new ScriptedTransport((i, r) -> List.of(datagram(error(r.seq(), -ENODEV, r.type()))));
        NetlinkErrorException e = assertThrows(NetlinkErrorException.class, () -> LinkOps.get(missing, 42));
        assertEquals(ENODEV, e.errno());
        assertEquals(RTM_GETLINK, e.requestType());
    }

    /** Found by NetlinkFuzzTest: a corrupt reply for another index was taken as the answer. */
    @Test
    void get_by_index_refuses_a_reply_about_another_index() {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(
                datagram(newLink(r.seq(), 0, 8, 1, 0x1043, vethAttributes())), datagram(ack(r.seq(), r.type()))));
        MalformedNetlinkException e = assertThrows(MalformedNetlinkException.class, () -> LinkOps.get(t, 7));
        assertTrue(e.getMessage().contains("ifindex 7 was answered with ifindex 8"), e.getMessage());
    }

    @Test
    void set_up_sends_setlink_and_waits_for_the_ack() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(datagram(ack(r.seq(), r.type()))));
        LinkOps.setUp(t, IFINDEX, true);
        ScriptedTransport.Request sent = t.sent.get(0);
        assertEquals(RTM_SETLINK, sent.type());
        ByteBuffer b = sent.buffer().order(ByteOrder.nativeOrder());
        assertEquals(IFINDEX, b.getInt(16 + 4));
        assertEquals(1, t.receives);
    }
}
