package dev.tappers.examples;

/**
 * Test-side packet building and an independent checksum check: the ones' complement sum of 16-bit words is
 * congruent to their plain sum modulo 65535, so data carrying a correct checksum has a word sum that is a
 * non-zero multiple of 65535. No code is shared with {@link InternetChecksum}.
 */
final class Packets {
    private Packets() {
    }

    static long wordSum(byte[] b, int offset, int length) {
        long total = 0;
        for (int i = 0; i < length; i++) {
            int v = b[offset + i] & 0xFF;
            total += (i % 2 == 0) ? (long) v * 256 : v;
        }
        return total;
    }

    static boolean checksumHolds(byte[] b, int offset, int length) {
        long total = wordSum(b, offset, length);
        return total != 0 && total % 0xFFFF == 0;
    }

    /** The value to put in a zeroed checksum field, computed by the modulo route. */
    static int checksumFor(byte[] b, int offset, int length) {
        long r = wordSum(b, offset, length) % 0xFFFF;
        int onesSum = r == 0 ? 0xFFFF : (int) r;
        return 0xFFFF - onesSum;
    }

    /**
     * An IPv4 ICMP echo request with correct checksums: {@code options} bytes of IP options (a multiple of 4) and
     * {@code data} bytes of payload 0x00, 0x01, ...
     */
    static byte[] echoRequest(String src, String dst, int id, int seq, int options, int data) {
        int ihl = 20 + options;
        int total = ihl + 8 + data;
        byte[] p = new byte[total];
        p[0] = (byte) (0x40 | (ihl / 4));
        p[2] = (byte) (total >> 8);
        p[3] = (byte) total;
        p[4] = 0x12;            // identification
        p[5] = 0x34;
        p[6] = 0x40;            // don't fragment
        p[8] = 17;              // TTL as it left the sender
        p[9] = 1;               // ICMP
        put(p, 12, src);
        put(p, 16, dst);
        for (int i = 20; i < ihl; i++) {
            p[i] = 1;           // NOP options
        }
        p[ihl] = 8;             // echo request, code 0
        p[ihl + 4] = (byte) (id >> 8);
        p[ihl + 5] = (byte) id;
        p[ihl + 6] = (byte) (seq >> 8);
        p[ihl + 7] = (byte) seq;
        for (int i = 0; i < data; i++) {
            p[ihl + 8 + i] = (byte) i;
        }
        int icmp = checksumFor(p, ihl, total - ihl);
        p[ihl + 2] = (byte) (icmp >> 8);
        p[ihl + 3] = (byte) icmp;
        int ip = checksumFor(p, 0, ihl);
        p[10] = (byte) (ip >> 8);
        p[11] = (byte) ip;
        return p;
    }

    private static void put(byte[] p, int offset, String dotted) {
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < 4; i++) {
            p[offset + i] = (byte) Integer.parseInt(parts[i]);
        }
    }
}
