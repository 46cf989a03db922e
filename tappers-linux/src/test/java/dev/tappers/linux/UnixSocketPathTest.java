package dev.tappers.linux;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnixSocketPathTest {
    @Test
    void aPathOf107BytesFitsAndOneOf108DoesNot() {
        String fits = "/tmp/" + "a".repeat(UnixSocketPath.MAX_BYTES - 5);
        assertEquals(107, UnixSocketPath.MAX_BYTES);
        assertArrayEquals(fits.getBytes(StandardCharsets.UTF_8), UnixSocketPath.encode("test", Path.of(fits)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnixSocketPath.encode("receive TUN", Path.of(fits + "b")));
        assertTrue(e.getMessage().startsWith("receive TUN: the socket path"), e.getMessage());
        assertTrue(e.getMessage().contains("108 bytes") && e.getMessage().contains("at most 107"), e.getMessage());
    }

    @Test
    void multiByteCharactersCountAsTheirBytes() {
        Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "file names are not UTF-8 in this JVM");
        // 36 three-byte characters: 36 characters, 108 bytes.
        String path = "/" + "\u20ac".repeat(36);
        assertThrows(IllegalArgumentException.class, () -> UnixSocketPath.encode("test", Path.of(path)));
    }

    @Test
    void anEmptyOrMissingPathIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> UnixSocketPath.encode("test", Path.of("")));
        NullPointerException e = assertThrows(NullPointerException.class, () -> UnixSocketPath.encode("test", null));
        assertEquals("socketPath", e.getMessage());
    }
}
