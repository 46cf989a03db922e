package dev.tappers.cli;

import dev.tappers.tck.packets.IcmpEcho;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's responder, checked with the TCK's packet codec (independent code) as the oracle. */
class EchoResponderTest {
    private static final Inet4Address TUN = v4("198.18.0.1");
    private static final Inet4Address HOST = v4("198.18.0.2");
    private static final Inet4Address CLIENT = v4("198.51.100.2");
    private static final int OWN = ByteBuffer.wrap(TUN.getAddress()).getInt();

    private static Inet4Address v4(String literal) {
        try {
            return (Inet4Address) InetAddress.getByName(literal); // a literal: no lookup
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The packet in a direct buffer, as the responder gets it from the TUN; returns the answer kind. */
    private static int answer(byte[] packet, ByteBuffer[] out) {
        ByteBuffer b = ByteBuffer.allocateDirect(packet.length + 16);
        b.put(packet).flip();
        int kind = EchoResponder.answer(b, OWN);
        out[0] = b;
        return kind;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    @Test
    void icmpEchoRequestBecomesAValidReply() {
        IcmpEcho request = IcmpEcho.request(0x1234, 7, "ping data".getBytes());
        byte[] packet = new Ipv4Packet(CLIENT, HOST, Ipv4Packet.PROTOCOL_ICMP, 63, request.toBytes()).toBytes();
        ByteBuffer[] out = new ByteBuffer[1];
        assertEquals(EchoResponder.ICMP, answer(packet, out));
        byte[] reply = bytes(out[0]);
        assertTrue(Ipv4Packet.headerChecksumValid(reply));
        Ipv4Packet ip = Ipv4Packet.parse(reply);
        assertEquals(HOST, ip.source());
        assertEquals(CLIENT, ip.destination());
        assertTrue(IcmpEcho.checksumValid(ip.payload()));
        assertEquals(request.reply(), IcmpEcho.parse(ip.payload()));
    }

    @Test
    void udpEchoSwapsAddressesAndPortsAndKeepsTheChecksumValid() {
        byte[] payload = "echo me, please".getBytes(); // odd length: the checksum's padding case
        byte[] packet = Ipv4Packet.udp(CLIENT, HOST, new UdpDatagram(40000, 7, payload)).toBytes();
        ByteBuffer[] out = new ByteBuffer[1];
        assertEquals(EchoResponder.UDP, answer(packet, out));
        Ipv4Packet ip = Ipv4Packet.parse(bytes(out[0]));
        assertTrue(Ipv4Packet.headerChecksumValid(bytes(out[0])));
        assertEquals(HOST, ip.source());
        assertEquals(CLIENT, ip.destination());
        assertTrue(UdpDatagram.checksumValid(HOST, CLIENT, ip.payload()));
        UdpDatagram udp = UdpDatagram.parse(ip.payload());
        assertEquals(7, udp.sourcePort());
        assertEquals(40000, udp.destinationPort());
        assertArrayEquals(payload, udp.payload());
    }

    @Test
    void everythingElseIsLeftAlone() {
        byte[][] others = {
            Ipv4Packet.udp(CLIENT, HOST, new UdpDatagram(40000, 9, new byte[4])).toBytes(), // not the echo port
            Ipv4Packet.udp(CLIENT, TUN, new UdpDatagram(40000, 7, new byte[4])).toBytes(), // the TUN's own address
            Ipv4Packet.udp(CLIENT, v4("203.0.113.9"), new UdpDatagram(40000, 7, new byte[4])).toBytes(), // elsewhere
            new Ipv4Packet(CLIENT, HOST, Ipv4Packet.PROTOCOL_ICMP, 64,
                    IcmpEcho.request(1, 1, new byte[0]).reply().toBytes()).toBytes(), // a reply, not a request
            new Ipv4Packet(CLIENT, HOST, 6, 64, new byte[20]).toBytes(), // TCP
            {0x60, 0, 0, 0, 0, 0, 17, 64}, // IPv6, cut short
            {0x45, 0}, // too short for IPv4
        };
        for (byte[] packet : others) {
            ByteBuffer[] out = new ByteBuffer[1];
            assertEquals(0, answer(packet, out), Arrays.toString(packet));
            assertArrayEquals(packet, bytes(out[0]));
        }
    }

    @Test
    void aTruncatedOrFragmentedPacketIsNotAnswered() {
        byte[] packet = Ipv4Packet.udp(CLIENT, HOST, new UdpDatagram(40000, 7, new byte[8])).toBytes();
        ByteBuffer[] out = new ByteBuffer[1];
        assertEquals(0, answer(Arrays.copyOf(packet, packet.length - 1), out)); // total length disagrees
        byte[] fragment = packet.clone();
        fragment[6] = 0x20; // more fragments
        assertEquals(0, answer(fragment, out));
    }

    @Test
    void internetChecksumOfTheRfc1071Example() {
        // RFC 1071, section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2, so the checksum is its complement 220d.
        ByteBuffer b = ByteBuffer.wrap(new byte[] {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5,
            (byte) 0xf6, (byte) 0xf7});
        assertEquals(0x220d, InternetChecksum.of(b, 0, 8));
    }
}
