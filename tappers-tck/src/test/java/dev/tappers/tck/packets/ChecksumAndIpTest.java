package dev.tappers.tck.packets;

import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checksums and IP codecs against worked examples: RFC 1071's, the well-known IPv4 header whose checksum is
 * 0xb861 (moved to documentation addresses and re-summed by hand), and UDP/ICMP sums worked out by hand (word by
 * word, shown in the comments).
 */
class ChecksumAndIpTest {
    private static final HexFormat HEX = HexFormat.of();

    static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void rfc1071Example() {
        // RFC 1071 section 3: 0001 + f203 + f4f5 + f6f7 = 2ddf0, folded ddf2, complemented 220d.
        assertEquals(0x220d, InternetChecksum.of(HEX.parseHex("0001f203f4f5f6f7")));
    }

    @Test
    void oddLengthIsPaddedWithZero() {
        // ab + 00 padding: sum ab00, complement 54ff.
        assertEquals(0x54ff, InternetChecksum.of(new byte[] {(byte) 0xab}));
    }

    @Test
    void checksumOfDataWithItsChecksumIsZero() {
        byte[] header = HEX.parseHex("45000073000040004011" + "0000" + "c0000201c00002c7");
        header[10] = (byte) 0xb5;
        header[11] = (byte) 0xb1;
        assertEquals(0, InternetChecksum.of(header));
    }

    @Test
    void ipv4HeaderChecksumOfTheClassicExampleMovedToDocumentationAddresses() throws Exception {
        // The textbook header 4500 0073 0000 4000 4011 [b861] c0a8 0001 c0a8 00c7, with its private addresses
        // replaced by 192.0.2.1 and 192.0.2.199; the checksum b5b1 was summed by hand (one's complement of the
        // one's-complement sum of the ten 16-bit words), not by the code under test.
        byte[] payload = new byte[0x73 - 20];
        Ipv4Packet p = new Ipv4Packet((Inet4Address) ip("192.0.2.1"), (Inet4Address) ip("192.0.2.199"),
                Ipv4Packet.PROTOCOL_UDP, 0x40, payload);
        byte[] bytes = p.toBytes();
        assertEquals("45000073000040004011b5b1c0000201c00002c7", HEX.formatHex(bytes, 0, 20));
        assertTrue(Ipv4Packet.headerChecksumValid(bytes));
        bytes[15] ^= 1;
        assertFalse(Ipv4Packet.headerChecksumValid(bytes));
    }

    @Test
    void ipv4RoundTripAndPaddingIsIgnored() throws Exception {
        Ipv4Packet p = new Ipv4Packet((Inet4Address) ip("198.18.0.1"), (Inet4Address) ip("198.18.0.2"), 17, 64,
                new byte[] {1, 2, 3});
        byte[] bytes = p.toBytes();
        byte[] padded = new byte[bytes.length + 10]; // Ethernet pads short frames; the total length says where IP ends
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        assertEquals(p, Ipv4Packet.parse(padded));
        assertEquals(p, Ipv4Packet.parse(ByteBuffer.wrap(bytes)));
    }

    @Test
    void ipv4ParseReadsOptionsAndRejectsNonsense() throws Exception {
        // IHL 6: one 4-byte option (NOP x4) before the payload.
        byte[] withOption = HEX.parseHex("46000019000040004011" + "0000" + "c6120001c6120002" + "01010101" + "aa");
        Ipv4Packet p = Ipv4Packet.parse(withOption);
        assertArrayEquals(new byte[] {(byte) 0xaa}, p.payload());
        assertThrows(IllegalArgumentException.class, () -> Ipv4Packet.parse(new byte[19]));
        byte[] v6 = new byte[40];
        v6[0] = 0x60;
        assertThrows(IllegalArgumentException.class, () -> Ipv4Packet.parse(v6));
        byte[] tooLong = p.toBytes();
        tooLong[3] = (byte) 0xff; // total length beyond the bytes
        assertThrows(IllegalArgumentException.class, () -> Ipv4Packet.parse(tooLong));
        assertTrue(Ipv4Packet.tryParse(tooLong).isEmpty());
    }

    @Test
    void udpOverIpv4ChecksumWorkedByHand() throws Exception {
        // Pseudo-header c000 0201 c000 0202 0011 000a, header 04d2 162e 000a 0000, data 6869:
        // sum 20791, folded 0793, complemented f86c.
        InetAddress src = ip("192.0.2.1");
        InetAddress dst = ip("192.0.2.2");
        byte[] segment = new UdpDatagram(1234, 5678, "hi".getBytes()).toBytes(src, dst);
        assertEquals("04d2162e000af86c6869", HEX.formatHex(segment));
        assertTrue(UdpDatagram.checksumValid(src, dst, segment));
        assertFalse(UdpDatagram.checksumValid(src, ip("192.0.2.3"), segment), "the pseudo-header must count");
    }

    @Test
    void udpOverIpv6ChecksumWorkedByHand() throws Exception {
        // Pseudo-header 2001 0db8 ... 0001, 2001 0db8 ... 0002, 0000 000a, 0000 0011 sums to 5b90; the
        // datagram 04d2 162e 000a 0000 6869 to 8373; together df03, complemented 20fc.
        InetAddress src = ip("2001:db8::1");
        InetAddress dst = ip("2001:db8::2");
        byte[] segment = new UdpDatagram(1234, 5678, "hi".getBytes()).toBytes(src, dst);
        assertEquals("04d2162e000a20fc6869", HEX.formatHex(segment));
        assertTrue(UdpDatagram.checksumValid(src, dst, segment));
    }

    @Test
    void udpZeroChecksumMeansNoneOnlyOverIpv4() throws Exception {
        byte[] segment = HEX.parseHex("04d2162e000a00006869");
        assertTrue(UdpDatagram.checksumValid(ip("192.0.2.1"), ip("192.0.2.2"), segment));
        assertFalse(UdpDatagram.checksumValid(ip("2001:db8::1"), ip("2001:db8::2"), segment));
    }

    @Test
    void udpParseHonoursTheLengthField() {
        UdpDatagram d = UdpDatagram.parse(HEX.parseHex("04d2162e000af86c6869" + "0000"));
        assertEquals(1234, d.sourcePort());
        assertEquals(5678, d.destinationPort());
        assertArrayEquals("hi".getBytes(), d.payload());
        assertThrows(IllegalArgumentException.class, () -> UdpDatagram.parse(HEX.parseHex("04d2162e0010f86c6869")));
        assertThrows(IllegalArgumentException.class, () -> new UdpDatagram(70000, 1, new byte[0]));
    }

    @Test
    void ipv6RoundTripAndUdp() throws Exception {
        Inet6Address src = (Inet6Address) ip("2001:db8:1::1");
        Inet6Address dst = (Inet6Address) ip("2001:db8:1::2");
        UdpDatagram udp = new UdpDatagram(40001, 53, new byte[] {9, 8, 7});
        Ipv6Packet p = Ipv6Packet.udp(src, dst, udp);
        byte[] bytes = p.toBytes();
        assertEquals("6000000000" + "0b" + "1140", HEX.formatHex(bytes, 0, 8));
        Ipv6Packet back = Ipv6Packet.parse(bytes);
        assertEquals(p, back);
        assertEquals(udp, back.udp().orElseThrow());
        assertTrue(UdpDatagram.checksumValid(src, dst, back.payload()));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Packet.parse(new Ipv4Packet((Inet4Address) ip("198.18.0.1"),
                (Inet4Address) ip("198.18.0.2"), 17, 64, new byte[30]).toBytes()));
    }

    @Test
    void ipv6ParseKeepsIpv4MappedAddressesAsIpv6() {
        byte[] bytes = new byte[40];
        bytes[0] = 0x60;
        bytes[8 + 10] = (byte) 0xff;
        bytes[8 + 11] = (byte) 0xff;
        assertEquals(Inet6Address.class, Ipv6Packet.parse(bytes).source().getClass());
    }

    @Test
    void icmpEchoChecksumWorkedByHand() {
        // 0800 0000 1234 0001 6162 6364: sum defb, complemented 2104.
        IcmpEcho request = IcmpEcho.request(0x1234, 1, "abcd".getBytes());
        assertEquals("080021041234000161626364", HEX.formatHex(request.toBytes()));
        assertTrue(IcmpEcho.checksumValid(request.toBytes()));
        assertEquals(request, IcmpEcho.parse(request.toBytes()));
        // The reply differs only in the type: 0000 instead of 0800, so its checksum is 2104 + 0800 = 2904.
        assertEquals("000029041234000161626364", HEX.formatHex(request.reply().toBytes()));
    }

    @Test
    void icmpReplyToAPacketSwapsAddresses() throws Exception {
        Inet4Address a = (Inet4Address) ip("198.18.0.1");
        Inet4Address b = (Inet4Address) ip("198.18.0.2");
        Ipv4Packet ping = new Ipv4Packet(a, b, Ipv4Packet.PROTOCOL_ICMP, 64, IcmpEcho.request(7, 3, new byte[] {1}).toBytes());
        Ipv4Packet pong = IcmpEcho.replyTo(ping).orElseThrow();
        assertEquals(b, pong.source());
        assertEquals(a, pong.destination());
        assertEquals(IcmpEcho.request(7, 3, new byte[] {1}).reply(), IcmpEcho.from(pong).orElseThrow());
        assertTrue(IcmpEcho.replyTo(pong).isEmpty(), "a reply is not answered");
        assertThrows(IllegalArgumentException.class, () -> IcmpEcho.parse(HEX.parseHex("0300fcff00000000")));
    }
}
