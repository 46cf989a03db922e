package dev.tappers.examples;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InternetChecksumTest {

    @Test
    void rfc1071Example() {
        // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2, so the checksum is 220d.
        byte[] b = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertEquals(0x220d, InternetChecksum.of(b, 0, b.length));
    }

    @Test
    void knownIpv4Header() {
        // A well-known sample header (192.168.0.1 -> 192.168.0.199, UDP, total length 115) whose checksum is b861.
        int[] words = {0x4500, 0x0073, 0x0000, 0x4000, 0x4011, 0x0000, 0xc0a8, 0x0001, 0xc0a8, 0x00c7};
        byte[] h = new byte[20];
        for (int i = 0; i < words.length; i++) {
            h[2 * i] = (byte) (words[i] >> 8);
            h[2 * i + 1] = (byte) words[i];
        }
        assertEquals(0xb861, InternetChecksum.of(h, 0, 20));
        h[10] = (byte) 0xb8;
        h[11] = 0x61;
        assertTrue(InternetChecksum.verifies(h, 0, 20));
        h[19] ^= 1;
        assertFalse(InternetChecksum.verifies(h, 0, 20));
    }

    @Test
    void oddLengthPadsWithZeroAndOffsetIsHonoured() {
        byte[] b = {(byte) 0xff, 0x01, 0x02, 0x03};
        // from offset 1: words 0102 and 0300 -> sum 0402 -> checksum fbfd
        assertEquals(0xfbfd, InternetChecksum.of(b, 1, 3));
    }

    @Test
    void agreesWithTheModuloRouteOnRandomData() {
        Random random = new Random(4711);
        for (int n = 0; n < 500; n++) {
            byte[] b = new byte[1 + random.nextInt(300)];
            random.nextBytes(b);
            assertEquals(Packets.checksumFor(b, 0, b.length), InternetChecksum.of(b, 0, b.length), "length " + b.length);
        }
    }

    @Test
    void allZeroDataHasChecksumFfff() {
        assertEquals(0xFFFF, InternetChecksum.of(new byte[8], 0, 8));
    }
}
