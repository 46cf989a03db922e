package dev.tappers.linux.offload;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InternetChecksumTest {
    @Test
    void rfc1071Example() {
        // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to 0xddf2 (folded), checksum 0x220d.
        ByteBuffer b = ByteBuffer.wrap(new byte[] {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5,
                (byte) 0xf6, (byte) 0xf7});
        assertEquals(0xddf2, InternetChecksum.fold(InternetChecksum.sum(b, 0, 8)));
        assertEquals(0x220d, InternetChecksum.finish(InternetChecksum.sum(b, 0, 8)));
    }

    @Test
    void agreesWithTheSlowSumForEveryOrderOffsetAndLength() {
        Random random = new Random(1071);
        for (int i = 0; i < 3000; i++) {
            int length = random.nextInt(i < 2000 ? 40 : 2000);
            int from = random.nextInt(9);
            byte[] data = Packets.randomBytes(random, from + length + random.nextInt(9));
            int expected = Packets.checksum(data, from, length, 0);
            ByteBuffer heap = ByteBuffer.wrap(data).order(random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            ByteBuffer direct = ByteBuffer.allocateDirect(data.length).order(heap.order()).put(data);
            assertEquals(expected, finishSlowStyle(InternetChecksum.sum(heap, from, length)), "heap " + heap.order());
            assertEquals(expected, finishSlowStyle(InternetChecksum.sum(direct, from, length)), "direct " + heap.order());
        }
    }

    /** The slow sum maps an all-zero sum to 0xFFFF; fold never returns 0 for a nonzero sum, so compare so. */
    private static int finishSlowStyle(long sum) {
        return ~InternetChecksum.fold(sum) & 0xFFFF;
    }
}
