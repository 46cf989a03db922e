package dev.tappers.bench;

import java.nio.ByteBuffer;

/**
 * The benchmark's packets: IPv4 + UDP, built once, and the check that tells a receive-test packet apart from
 * the kernel's own traffic on the TUN (ICMP errors, IPv6 router solicitations).
 *
 * <p>Both directions use the same two addresses of 198.18.0.0/15 (RFC 2544, benchmarking): the TUN has
 * {@link #TUN_ADDRESS}, and {@link #PEER_ADDRESS} is the far end that the TUN's /24 route reaches.
 * The C reference builds byte-for-byte the same packets.
 */
final class Ipv4Udp {
    /** IPv4 header without options (20) plus UDP header (8). */
    static final int HEADER_BYTES = 28;
    static final int IPV4_HEADER_BYTES = 20;

    /** 198.18.100.1: the TUN's address (/24). */
    static final byte[] TUN_ADDRESS = {(byte) 198, 18, 100, 1};
    /** 198.18.100.2: the far end, through the TUN. */
    static final byte[] PEER_ADDRESS = {(byte) 198, 18, 100, 2};
    static final String TUN_CIDR = "198.18.100.1/24";
    static final String PEER_TEXT = "198.18.100.2";

    /** The discard port (RFC 863); nothing listens on it here, so the kernel drops what arrives. */
    static final int DISCARD_PORT = 9;
    /** Source port of the packets the send test writes. */
    static final int SEND_SOURCE_PORT = 40_000;
    /** The receive test ends when a packet with this payload length arrives. */
    static final int END_MARKER_PAYLOAD = 1;

    static final int IPPROTO_UDP = 17;

    /** What a packet read from the TUN during the receive test is. */
    enum Kind { DATA, END_MARKER, OTHER }

    private Ipv4Udp() {
    }

    /**
     * One IPv4/UDP packet from {@code src}:{@code srcPort} to {@code dst}:{@code dstPort} with {@code payloadLength}
     * bytes of payload (the byte at payload offset i is i mod 251), both checksums computed.
     */
    static byte[] build(byte[] src, int srcPort, byte[] dst, int dstPort, int payloadLength) {
        if (payloadLength < 0 || payloadLength > 65535 - HEADER_BYTES) {
            throw new IllegalArgumentException("build packet: payload length " + payloadLength + " is out of range 0-"
                    + (65535 - HEADER_BYTES));
        }
        int total = HEADER_BYTES + payloadLength;
        byte[] p = new byte[total];
        p[0] = 0x45;                       // version 4, header length 5 words
        put16(p, 2, total);
        p[6] = 0x40;                       // don't fragment
        p[8] = 64;                         // TTL
        p[9] = IPPROTO_UDP;
        System.arraycopy(src, 0, p, 12, 4);
        System.arraycopy(dst, 0, p, 16, 4);
        put16(p, 10, ~sum(p, 0, IPV4_HEADER_BYTES, 0) & 0xffff);

        int udp = IPV4_HEADER_BYTES;
        put16(p, udp, srcPort);
        put16(p, udp + 2, dstPort);
        put16(p, udp + 4, 8 + payloadLength);
        for (int i = 0; i < payloadLength; i++) {
            p[HEADER_BYTES + i] = (byte) (i % 251);
        }
        // RFC 768: the UDP checksum covers a pseudo-header (addresses, protocol, UDP length) and the datagram.
        int pseudo = sum(p, 12, 8, 0) + IPPROTO_UDP + 8 + payloadLength;
        int udpSum = ~sum(p, udp, 8 + payloadLength, pseudo) & 0xffff;
        put16(p, udp + 6, udpSum == 0 ? 0xffff : udpSum); // 0 would mean "no checksum"
        return p;
    }

    /** The send test's packet: from the peer to the TUN's discard port. */
    static byte[] toTun(int payloadLength) {
        return build(PEER_ADDRESS, SEND_SOURCE_PORT, TUN_ADDRESS, DISCARD_PORT, payloadLength);
    }

    /**
     * The 16-bit one's complement sum (RFC 1071) of {@code length} bytes from {@code offset}, added to {@code initial},
     * folded to 16 bits but not inverted.
     */
    static int sum(byte[] b, int offset, int length, int initial) {
        long s = initial;
        int i = offset;
        int end = offset + length;
        for (; i + 1 < end; i += 2) {
            s += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if (i < end) {
            s += (b[i] & 0xff) << 8;
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    /**
     * Sorts a packet of {@code length} bytes at the start of {@code packet} (absolute reads: the buffer's position
     * does not matter): a UDP datagram to the peer's discard port is {@link Kind#DATA} when its payload is
     * {@code dataPayload} bytes and {@link Kind#END_MARKER} when it is {@value #END_MARKER_PAYLOAD} byte; anything
     * else is {@link Kind#OTHER}.
     */
    static Kind classify(ByteBuffer packet, int length, int dataPayload) {
        if (length < HEADER_BYTES || (packet.get(0) & 0xff) != 0x45 || packet.get(9) != IPPROTO_UDP
                || packet.get(16) != PEER_ADDRESS[0] || packet.get(17) != PEER_ADDRESS[1]
                || packet.get(18) != PEER_ADDRESS[2] || packet.get(19) != PEER_ADDRESS[3]
                || get16(packet, IPV4_HEADER_BYTES + 2) != DISCARD_PORT) {
            return Kind.OTHER;
        }
        int payload = get16(packet, IPV4_HEADER_BYTES + 4) - 8;
        if (payload != length - HEADER_BYTES) {
            return Kind.OTHER;
        }
        if (payload == dataPayload) {
            return Kind.DATA;
        }
        return payload == END_MARKER_PAYLOAD ? Kind.END_MARKER : Kind.OTHER;
    }

    private static int get16(ByteBuffer b, int at) {
        return ((b.get(at) & 0xff) << 8) | (b.get(at + 1) & 0xff);
    }

    private static void put16(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
    }
}
