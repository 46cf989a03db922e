package dev.tappers.linux.offload;

import java.util.Arrays;

/**
 * Builds test packets byte by byte and checks them, independently of the code under test: its own checksum
 * (a plain loop over 16-bit words of a byte array), its own field offsets from the RFCs.
 */
final class Packets {
    static final int TCP = 6;
    static final int UDP = 17;
    static final int HOPOPTS = 0;
    static final int ROUTING = 43;
    static final int DSTOPTS = 60;
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    static final int CWR = 0x80;

    private Packets() {
    }

    /** The Internet checksum of RFC 1071 the slow way: sum the words, fold, complement. */
    static int checksum(byte[] b, int from, int length, long initial) {
        long sum = initial;
        for (int i = 0; i < length; i += 2) {
            int hi = b[from + i] & 0xFF;
            int lo = i + 1 < length ? b[from + i + 1] & 0xFF : 0;
            sum += hi << 8 | lo;
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    static long u32(byte[] b, int i) {
        return (long) u16(b, i) << 16 | u16(b, i + 2);
    }

    static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    static void put32(byte[] b, int i, long v) {
        put16(b, i, (int) (v >>> 16));
        put16(b, i + 2, (int) v);
    }

    /** A description of one packet to build; fields public for brevity, defaults a plausible flow. */
    static final class Spec {
        int version = 4;
        int protocol = TCP;
        byte[] src = {(byte) 198, 18, 0, 1};
        byte[] dst = {(byte) 198, 18, 0, 2};
        int tos = 0;
        int ttl = 64;
        int id = 0x1234;
        boolean dontFragment = true;
        int flowLabel = 0x12345;
        /** IPv6 extension headers, each {type, length in 8-byte units beyond the first 8}, in order. */
        int[][] extensions = {};
        int srcPort = 40000;
        int dstPort = 5001;
        long seq = 1000;
        long ack = 5000;
        int tcpFlags = ACK;
        int window = 512;
        byte[] tcpOptions = {};
        byte[] payload = {};

        Spec v6() {
            version = 6;
            src = new byte[16];
            dst = new byte[16];
            src[0] = 0x20;
            src[1] = 0x01;
            src[2] = 0x0d;
            src[3] = (byte) 0xb8;
            src[15] = 1;
            dst = src.clone();
            dst[15] = 2;
            return this;
        }

        Spec copy() {
            Spec s = new Spec();
            s.version = version;
            s.protocol = protocol;
            s.src = src;
            s.dst = dst;
            s.tos = tos;
            s.ttl = ttl;
            s.id = id;
            s.dontFragment = dontFragment;
            s.flowLabel = flowLabel;
            s.extensions = extensions;
            s.srcPort = srcPort;
            s.dstPort = dstPort;
            s.seq = seq;
            s.ack = ack;
            s.tcpFlags = tcpFlags;
            s.window = window;
            s.tcpOptions = tcpOptions;
            s.payload = payload;
            return s;
        }

        int ipHeaderLength() {
            if (version == 4) {
                return 20;
            }
            int n = 40;
            for (int[] e : extensions) {
                n += 8 + e[1] * 8;
            }
            return n;
        }

        int l4HeaderLength() {
            return protocol == TCP ? 20 + tcpOptions.length : 8;
        }

        /** The packet with correct lengths and checksums (UDP checksum 0 sent as 0xFFFF). */
        byte[] build() {
            int ip = ipHeaderLength();
            int l4Length = l4HeaderLength() + payload.length;
            byte[] p = new byte[ip + l4Length];
            if (version == 4) {
                p[0] = 0x45;
                p[1] = (byte) tos;
                put16(p, 2, p.length);
                put16(p, 4, id & 0xFFFF);
                put16(p, 6, dontFragment ? 0x4000 : 0);
                p[8] = (byte) ttl;
                p[9] = (byte) protocol;
                System.arraycopy(src, 0, p, 12, 4);
                System.arraycopy(dst, 0, p, 16, 4);
                put16(p, 10, checksum(p, 0, 20, 0));
            } else {
                put32(p, 0, 6L << 28 | (long) (tos & 0xFF) << 20 | (flowLabel & 0xFFFFF));
                put16(p, 4, p.length - 40);
                p[7] = (byte) ttl;
                System.arraycopy(src, 0, p, 8, 16);
                System.arraycopy(dst, 0, p, 24, 16);
                int at = 40;
                int nextField = 6;
                for (int[] e : extensions) {
                    p[nextField] = (byte) e[0];
                    p[at + 1] = (byte) e[1];
                    for (int k = 2; k < 8 + e[1] * 8; k++) {
                        p[at + k] = e[0] == ROUTING && k == 3 ? 0 : (byte) (k * 7); // segments left 0
                    }
                    if (e[0] == ROUTING) {
                        p[at + 2] = 4; // a routing type; segments left (byte 3) is 0
                    }
                    nextField = at;
                    at += 8 + e[1] * 8;
                }
                p[nextField] = (byte) protocol;
            }
            int l4 = ip;
            put16(p, l4, srcPort);
            put16(p, l4 + 2, dstPort);
            if (protocol == TCP) {
                put32(p, l4 + 4, seq & 0xFFFF_FFFFL);
                put32(p, l4 + 8, ack & 0xFFFF_FFFFL);
                p[l4 + 12] = (byte) ((l4HeaderLength() / 4) << 4);
                p[l4 + 13] = (byte) tcpFlags;
                put16(p, l4 + 14, window);
                System.arraycopy(tcpOptions, 0, p, l4 + 20, tcpOptions.length);
            } else {
                put16(p, l4 + 4, l4Length);
            }
            System.arraycopy(payload, 0, p, l4 + l4HeaderLength(), payload.length);
            int field = l4 + (protocol == TCP ? 16 : 6);
            int sum = checksum(p, l4, l4Length, pseudo(p, version, protocol, l4Length));
            put16(p, field, sum == 0 && protocol == UDP ? 0xFFFF : sum);
            return p;
        }
    }

    /** The unfolded pseudo-header sum of the packet p (addresses from its IP header). */
    static long pseudo(byte[] p, int version, int protocol, int l4Length) {
        long s = 0;
        int from = version == 4 ? 12 : 8;
        int n = version == 4 ? 8 : 32;
        for (int i = 0; i < n; i += 2) {
            s += u16(p, from + i);
        }
        return s + protocol + l4Length;
    }

    /** Whether the IPv4 header checksum (if any) and the TCP/UDP checksum of a built-by-layout packet verify. */
    static boolean checksumsVerify(byte[] p, int ipHeaderLength, int protocol) {
        int version = (p[0] & 0xFF) >>> 4;
        if (version == 4 && checksum(p, 0, ipHeaderLength, 0) != 0) {
            return false;
        }
        int l4Length = p.length - ipHeaderLength;
        return checksum(p, ipHeaderLength, l4Length, pseudo(p, version, protocol, l4Length)) == 0;
    }

    static byte[] randomBytes(java.util.Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    static byte[] range(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, from, to);
    }
}
