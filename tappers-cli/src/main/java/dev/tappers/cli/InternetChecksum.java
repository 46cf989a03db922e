package dev.tappers.cli;

import java.nio.ByteBuffer;

/** The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit words. */
final class InternetChecksum {
    private InternetChecksum() {
    }

    /** Over {@code length} bytes of {@code b} from absolute index {@code offset}; an odd last byte is padded with 0. */
    static int of(ByteBuffer b, int offset, int length) {
        long sum = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 1 < end; i += 2) {
            sum += b.getShort(i) & 0xFFFF;
        }
        if (i < end) {
            sum += (b.get(i) & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }
}
