package dev.tappers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterfaceNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"tun0", "tap-1", "a", "veth_peer.10", "br0@x", "tappers0123456"})
    void acceptsOrdinaryNames(String name) {
        assertEquals(name, InterfaceName.of(name).value());
        assertNull(InterfaceName.problemWith(name));
    }

    @Test
    void fifteenBytesIsTheLimit() {
        String fifteen = "a".repeat(15);
        assertEquals(fifteen, InterfaceName.of(fifteen).toString());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InterfaceName.of("a".repeat(16)));
        assertTrue(e.getMessage().contains("\"" + "a".repeat(16) + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("16 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("limit is 15"), e.getMessage());
    }

    @Test
    void lengthIsCountedInUtf8BytesNotChars() {
        // 'ü' is two bytes in UTF-8: 7 of them plus one ASCII letter is 15 bytes, 8 of them is 16.
        String fits = "ü".repeat(7) + "x";
        assertEquals(8, fits.length());
        assertEquals(15, InterfaceName.of(fits).toBytes().length);

        String tooLong = "ü".repeat(8);
        assertEquals(8, tooLong.length());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InterfaceName.of(tooLong));
        assertTrue(e.getMessage().contains("16 bytes"), e.getMessage());

        // A 4-byte code point (two chars): 4 of them are 16 bytes in 8 chars.
        String emoji = "\uD83D\uDE00".repeat(4);
        assertThrows(IllegalArgumentException.class, () -> InterfaceName.of(emoji));
    }

    @Test
    void emptyIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InterfaceName.of(""));
        assertTrue(e.getMessage().startsWith("interface name \"\""), e.getMessage());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tun/0", "tun 0", "tun:0", "tun%d", "tun\t0", "tun\n"})
    void forbiddenCharactersAreRejectedWithTheirPosition(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InterfaceName.of(name));
        String m = e.getMessage();
        assertTrue(m.startsWith("interface name \""), m);
        assertTrue(m.contains("at index 3"), m);
        assertTrue(m.contains("not allowed"), m);
    }

    @Test
    void nulIsRejectedAndPrintedVisibly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InterfaceName.of("tun\0x"));
        String m = e.getMessage();
        assertTrue(m.contains("tun\\u0000x"), m);
        assertTrue(m.contains("contains NUL at index 3"), m);
        assertTrue(m.indexOf('\0') < 0, "the message itself must not carry a NUL: " + m);
    }

    @Test
    void slashSpaceColonPercentAreNamedInTheMessage() {
        assertTrue(InterfaceName.problemWith("a/b").contains("'/'"));
        assertTrue(InterfaceName.problemWith("a b").contains("a space"));
        assertTrue(InterfaceName.problemWith("a:b").contains("':'"));
        assertTrue(InterfaceName.problemWith("a%b").contains("'%'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void dotAndDotDotAreRejected(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InterfaceName.of(name));
        assertTrue(e.getMessage().contains("\"" + name + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("may not be"), e.getMessage());
    }

    @Test
    void dotsInsideANameAreFine() {
        assertEquals("...", InterfaceName.of("...").value());
        assertEquals("eth0.100", InterfaceName.of("eth0.100").value());
    }

    @Test
    void nullIsRejected() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> InterfaceName.of(null));
        assertEquals("interface name", e.getMessage());
    }

    @Test
    void valueSemantics() {
        InterfaceName a = InterfaceName.of("tun0");
        assertEquals(a, InterfaceName.of("tun0"));
        assertEquals(a.hashCode(), InterfaceName.of("tun0").hashCode());
        assertNotEquals(a, InterfaceName.of("tun1"));
        assertNotEquals(a, "tun0");
        assertTrue(a.compareTo(InterfaceName.of("tun1")) < 0);
        assertArrayEquals("tun0".getBytes(StandardCharsets.US_ASCII), a.toBytes());
        // toBytes hands out a copy
        a.toBytes()[0] = 'x';
        assertEquals("tun0", a.value());
    }
}
