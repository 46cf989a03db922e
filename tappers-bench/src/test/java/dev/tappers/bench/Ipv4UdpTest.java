package dev.tappers.bench;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Ipv4UdpTest {

    @Test
    void sumMatchesTheWorkedExampleOfRfc1071() {
        // RFC 1071, section 3: 00 01 f2 03 f4 f5 f6 f7 sums to dd f2.
        byte[] b = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertEquals(0xddf2, Ipv4Udp.sum(b, 0, b.length, 0));
        // An odd length pads the last byte with a zero on the right.
        assertEquals(0xddf2 - 0xf7, Ipv4Udp.sum(b, 0, 7, 0));
    }

    @Test
    void headersSayWhatThePacketIs() {
        byte[] p = Ipv4Udp.toTun(64);
        assertEquals(92, p.length);
        assertEquals(0x45, p[0] & 0xff);
        assertEquals(92, u16(p, 2));                    // total length
        assertEquals(64, p[8]);                         // TTL
        assertEquals(17, p[9]);                         // UDP
        assertArrayEquals(Ipv4Udp.PEER_ADDRESS, slice(p, 12, 4));
        assertArrayEquals(Ipv4Udp.TUN_ADDRESS, slice(p, 16, 4));
        assertEquals(40_000, u16(p, 20));
        assertEquals(9, u16(p, 22));
        assertEquals(72, u16(p, 24));                   // UDP length: header and payload
        assertEquals(63, p[28 + 63] & 0xff);
        byte[] big = Ipv4Udp.toTun(512);
        assertEquals(250, big[28 + 250] & 0xff);
        assertEquals(0, big[28 + 251] & 0xff, "the payload pattern repeats every 251 bytes");
    }

    @Test
    void bothChecksumsVerify() {
        for (int payload : new int[] {0, 1, 63, 64, 512, 1400, 1472}) {
            byte[] p = Ipv4Udp.toTun(payload);
            // A correct header sums, checksum included, to all ones.
            assertEquals(0xffff, Ipv4Udp.sum(p, 0, 20, 0), "IPv4 header checksum, payload " + payload);
            int pseudo = Ipv4Udp.sum(p, 12, 8, 0) + 17 + 8 + payload;
            assertEquals(0xffff, Ipv4Udp.sum(p, 20, 8 + payload, pseudo), "UDP checksum, payload " + payload);
        }
    }

    @Test
    void payloadOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ipv4Udp.toTun(-1));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Udp.toTun(65535 - 27));
    }

    @Test
    void classifySortsWhatTheTunDelivers() {
        byte[] data = toPeer(512);
        byte[] marker = toPeer(Ipv4Udp.END_MARKER_PAYLOAD);
        assertEquals(Ipv4Udp.Kind.DATA, classify(data, 512));
        assertEquals(Ipv4Udp.Kind.END_MARKER, classify(marker, 512));
        // A datagram of another size (a previous test's), or to another port or address, is not counted.
        assertEquals(Ipv4Udp.Kind.OTHER, classify(toPeer(64), 512));
        assertEquals(Ipv4Udp.Kind.OTHER, classify(Ipv4Udp.build(Ipv4Udp.TUN_ADDRESS, 5000, Ipv4Udp.PEER_ADDRESS, 10, 512), 512));
        assertEquals(Ipv4Udp.Kind.OTHER, classify(Ipv4Udp.toTun(512), 512));
        // ICMP (an error the kernel sent), a cut-off packet, an IPv6 packet.
        byte[] icmp = data.clone();
        icmp[9] = 1;
        assertEquals(Ipv4Udp.Kind.OTHER, classify(icmp, 512));
        assertEquals(Ipv4Udp.Kind.OTHER, Ipv4Udp.classify(ByteBuffer.wrap(data), 100, 512));
        byte[] v6 = new byte[48];
        v6[0] = 0x60;
        assertEquals(Ipv4Udp.Kind.OTHER, classify(v6, 512));
    }

    private static byte[] toPeer(int payload) {
        return Ipv4Udp.build(Ipv4Udp.TUN_ADDRESS, 5000, Ipv4Udp.PEER_ADDRESS, Ipv4Udp.DISCARD_PORT, payload);
    }

    private static Ipv4Udp.Kind classify(byte[] packet, int dataPayload) {
        ByteBuffer direct = ByteBuffer.allocateDirect(2000);
        direct.put(packet);
        return Ipv4Udp.classify(direct, packet.length, dataPayload);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static byte[] slice(byte[] b, int from, int length) {
        byte[] out = new byte[length];
        System.arraycopy(b, from, out, 0, length);
        return out;
    }
}
