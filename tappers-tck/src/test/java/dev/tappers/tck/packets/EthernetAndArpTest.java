package dev.tappers.tck.packets;

import dev.tappers.MacAddress;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ethernet and ARP layouts byte by byte (IEEE 802.3 header, RFC 826 packet). */
class EthernetAndArpTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final MacAddress A = MacAddress.parse("02:00:00:00:00:0a");
    private static final MacAddress B = MacAddress.parse("02:00:00:00:00:0b");

    static Inet4Address ip(String s) throws Exception {
        return (Inet4Address) InetAddress.getByName(s);
    }

    @Test
    void ethernetLayoutAndRoundTrip() {
        EthernetFrame f = new EthernetFrame(B, A, EthernetFrame.TYPE_IPV6, new byte[] {1, 2});
        assertEquals("02000000000b" + "02000000000a" + "86dd" + "0102", HEX.formatHex(f.toBytes()));
        assertEquals(f, EthernetFrame.parse(f.toBytes()));
        ByteBuffer buffer = ByteBuffer.wrap(f.toBytes());
        assertEquals(f, EthernetFrame.parse(buffer));
        assertEquals(0, buffer.position(), "parse must not move the position");
        assertThrows(IllegalArgumentException.class, () -> EthernetFrame.parse(new byte[13]));
        assertTrue(EthernetFrame.tryParse(ByteBuffer.allocate(13)).isEmpty());
    }

    @Test
    void arpRequestLayout() throws Exception {
        ArpPacket request = ArpPacket.request(A, ip("198.18.0.1"), ip("198.18.0.2"));
        // htype 0001, ptype 0800, hlen 06, plen 04, op 0001, sha, spa c6120001, tha zeros, tpa c6120002
        assertEquals("0001080006040001" + "02000000000a" + "c6120001" + "000000000000" + "c6120002",
                HEX.formatHex(request.toBytes()));
        EthernetFrame frame = request.toFrame();
        assertEquals(EthernetFrame.BROADCAST, frame.destination());
        assertEquals(A, frame.source());
        assertEquals(EthernetFrame.TYPE_ARP, frame.etherType());
        assertEquals(request, ArpPacket.fromFrame(ByteBuffer.wrap(frame.toBytes())).orElseThrow());
    }

    @Test
    void answerSwapsSenderAndTarget() throws Exception {
        ArpPacket request = ArpPacket.request(A, ip("198.18.0.1"), ip("198.18.0.2"));
        ArpPacket reply = request.answer(B);
        assertTrue(reply.isReply());
        assertEquals(B, reply.senderMac());
        assertEquals(ip("198.18.0.2"), reply.senderIp());
        assertEquals(A, reply.targetMac());
        assertEquals(ip("198.18.0.1"), reply.targetIp());
        assertEquals(A, reply.toFrame().destination(), "a reply goes to the asker, not to everyone");
        assertEquals("0001080006040002" + "02000000000b" + "c6120002" + "02000000000a" + "c6120001",
                HEX.formatHex(reply.toBytes()));
    }

    @Test
    void arpParsingIgnoresPaddingAndRejectsOtherProtocols() throws Exception {
        byte[] padded = new byte[46]; // the payload of a minimum-size frame
        System.arraycopy(ArpPacket.request(A, ip("198.18.0.1"), ip("198.18.0.2")).toBytes(), 0, padded, 0, 28);
        assertEquals(ip("198.18.0.2"), ArpPacket.parse(padded).targetIp());
        byte[] notIpv4 = padded.clone();
        notIpv4[2] = (byte) 0x86;
        notIpv4[3] = (byte) 0xdd;
        assertThrows(IllegalArgumentException.class, () -> ArpPacket.parse(notIpv4));
        EthernetFrame ipFrame = new EthernetFrame(A, B, EthernetFrame.TYPE_IPV4, padded);
        assertTrue(ArpPacket.fromFrame(ByteBuffer.wrap(ipFrame.toBytes())).isEmpty(), "an IPv4 frame is not ARP");
    }
}
