package dev.tappers.tck.packets;

/**
 * The Internet checksum of RFC 1071: the ones' complement of the ones' complement sum of 16-bit big-endian
 * words, an odd last byte padded with zero. IPv4 headers, ICMP, and UDP (with a pseudo-header) all use it.
 */
public final class InternetChecksum {
    private InternetChecksum() {
    }

    /** Adds {@code length} bytes of {@code data} from {@code offset} to a running 32-bit sum, without folding. */
    public static long sum(long running, byte[] data, int offset, int length) {
        long s = running;
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            s += ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
        }
        if (i < end) {
            s += (data[i] & 0xFF) << 8;
        }
        return s;
    }

    /** Folds a running sum to 16 bits and complements it: the value to store in a checksum field. */
    public static int finish(long sum) {
        long s = sum;
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) (~s & 0xFFFF);
    }

    /** The checksum of {@code length} bytes of {@code data} from {@code offset}. */
    public static int of(byte[] data, int offset, int length) {
        return finish(sum(0, data, offset, length));
    }

    /** The checksum of all of {@code data}. */
    public static int of(byte[] data) {
        return of(data, 0, data.length);
    }
}
