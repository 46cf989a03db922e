package dev.tappers.linux.netlink;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import static dev.tappers.linux.netlink.NetlinkConstants.RTM_GETLINK;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_NEWLINK;
import static dev.tappers.linux.netlink.Replies.ack;
import static dev.tappers.linux.netlink.Replies.datagram;
import static dev.tappers.linux.netlink.Replies.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TunLinkOpsTest {
    /** IFLA_IFNAME "tun0", IFLA_LINKINFO{IFLA_INFO_KIND kind, [IFLA_INFO_DATA{IFLA_TUN_TYPE 1, IFLA_TUN_PI pi}]}. */
    private static byte[] newLink(int seq, String kind, Integer pi) {
        Bytes data = Bytes.of().attr(5, 3).u8(1).zeros(3);                       // IFLA_TUN_TYPE u8 1 (IFF_TUN)
        if (pi != null) {
            data.attr(5, TunLinkOps.IFLA_TUN_PI).u8(pi).zeros(3);
        }
        byte[] dataBytes = data.toArray();
        int kindLength = 4 + kind.length() + 1;
        int kindPadded = (kindLength + 3) & ~3;
        Bytes linkInfo = Bytes.of().attr(kindLength, 1).cstring(kind).zeros(kindPadded - kindLength)
                .attr(4 + dataBytes.length, 2 | 0x8000).raw(dataBytes);
        byte[] linkInfoBytes = linkInfo.toArray();
        Bytes attrs = Bytes.of().attr(9, 3).cstring("tun0").zeros(3)
                .attr(4 + linkInfoBytes.length, 18 | 0x8000).raw(linkInfoBytes);
        byte[] payload = Bytes.of().u8(0, 0).u16(65534).u32(9).u32(0x1090).u32(0).raw(attrs.toArray()).toArray();
        return message(RTM_NEWLINK, 0, seq, payload);
    }

    private static Optional<Boolean> parse(byte[] link) throws Exception {
        return TunLinkOps.packetInformation(NetlinkMessage.parseDatagram(ByteBuffer.wrap(link)).get(0));
    }

    @Test
    void readsPacketInformationFromTheTunLinkData() throws Exception {
        assertEquals(Optional.of(true), parse(newLink(1, "tun", 1)));
        assertEquals(Optional.of(false), parse(newLink(1, "tun", 0)));
    }

    @Test
    void saysNothingWhenTheKernelDoesNot() throws Exception {
        assertEquals(Optional.empty(), parse(newLink(1, "tun", null)), "no IFLA_TUN_PI (before Linux 4.15)");
        assertEquals(Optional.empty(), parse(newLink(1, "veth", 1)), "not a TUN/TAP link");
    }

    @Test
    void asksForTheLinkByIndex() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(
                datagram(newLink(r.seq(), "tun", 1)), datagram(ack(r.seq(), r.type()))));
        assertEquals(Optional.of(true), TunLinkOps.packetInformation(t, 9));
        assertEquals(RTM_GETLINK, t.sent.get(0).type());
    }
}
