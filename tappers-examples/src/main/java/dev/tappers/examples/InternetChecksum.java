package dev.tappers.examples;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of the data taken as
 * 16-bit big-endian words, an odd last byte padded with a zero byte. IPv4 headers and ICMP both use it.
 */
final class InternetChecksum {
    private InternetChecksum() {
    }

    /** The checksum of {@code length} bytes from {@code offset}: the value to store in a zeroed checksum field. */
    static int of(byte[] data, int offset, int length) {
        long sum = 0;
        int i = offset;
        int end = offset + length;
        for (; i + 1 < end; i += 2) {
            sum += ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
        }
        if (i < end) {
            sum += (data[i] & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0) { // fold the carries back in: that is what makes it a ones' complement sum
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    /** True when data that carries its own checksum field sums correctly (its checksum over everything is 0). */
    static boolean verifies(byte[] data, int offset, int length) {
        return of(data, offset, length) == 0;
    }
}
