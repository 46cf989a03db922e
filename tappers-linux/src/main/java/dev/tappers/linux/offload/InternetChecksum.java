package dev.tappers.linux.offload;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The Internet checksum (RFC 1071): the ones'-complement sum of 16-bit big-endian words. Sums are kept unfolded
 * in a {@code long} while they are added up and folded to 16 bits at the end, so partial sums of several ranges
 * (pseudo-header, header, payload) simply add.
 *
 * <p>Reads the buffer with absolute {@code getLong} in the buffer's own byte order and corrects at the end: the
 * ones'-complement sum of byte-swapped words is the byte-swapped sum (RFC 1071, section 2(B)), so a
 * little-endian buffer costs one swap, not a copy. Callers check bounds; this class reads only [from, from+length).
 */
final class InternetChecksum {
    private InternetChecksum() {
    }

    /** The unfolded sum of the bytes [from, from + length) as big-endian 16-bit words, an odd last byte padded with 0. */
    static long sum(ByteBuffer b, int from, int length) {
        long wide = 0;
        int i = from;
        int end = from + length;
        // 8 bytes at a time, each 64-bit word split into two 32-bit halves so no carry is lost.
        for (; end - i >= 8; i += 8) {
            long v = b.getLong(i);
            wide += (v >>> 32) + (v & 0xFFFF_FFFFL);
        }
        if (b.order() == ByteOrder.LITTLE_ENDIAN) {
            wide = swap16(fold(wide));
        }
        long tail = 0;
        for (; end - i >= 2; i += 2) {
            tail += (b.get(i) & 0xFF) << 8 | (b.get(i + 1) & 0xFF);
        }
        if (i < end) {
            tail += (b.get(i) & 0xFF) << 8;
        }
        return wide + tail;
    }

    /** Folds an unfolded sum to 16 bits with end-around carry (never 0 unless every word was 0). */
    static int fold(long sum) {
        long s = (sum & 0xFFFF_FFFFL) + (sum >>> 32);
        s = (s & 0xFFFF) + (s >>> 16);
        s = (s & 0xFFFF) + (s >>> 16);
        s = (s & 0xFFFF) + (s >>> 16);
        return (int) s;
    }

    /** The checksum to store: the complement of the folded sum. */
    static int finish(long sum) {
        return ~fold(sum) & 0xFFFF;
    }

    /** The pseudo-header sum of RFC 768/793 (IPv4) or RFC 8200 section 8.1 (IPv6), unfolded. */
    static long pseudoHeader(ByteBuffer b, int ipStart, boolean ipv6, int protocol, int l4Length) {
        long s = ipv6 ? sum(b, ipStart + 8, 32) : sum(b, ipStart + 12, 8);
        return s + protocol + (l4Length & 0xFFFF) + (l4Length >>> 16);
    }

    private static long swap16(int v) {
        return (v & 0xFF) << 8 | (v >>> 8) & 0xFF;
    }
}
