package dev.tappers.posix;

import dev.tappers.OsFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AfPacketHeaderTest {

    private static final HexFormat HEX = HexFormat.of();
    /** First bytes of an IPv4 header (version 4, IHL 5) and an IPv6 header (version 6, traffic class 0). */
    private static final byte IPV4 = 0x45;
    private static final byte IPV6 = 0x60;

    @ParameterizedTest
    @CsvSource({"MACOS, 0000001e", "FREEBSD, 0000001c", "DRAGONFLY, 0000001c", "OPENBSD, 00000018",
            "NETBSD, 00000018"})
    void framesUseEachSystemsAfInet6(OsFamily os, String ipv6Header) {
        AfPacketHeader h = AfPacketHeader.forOs(os);
        assertEquals("00000002", HEX.formatHex(h.frame(4)));
        assertEquals(ipv6Header, HEX.formatHex(h.frame(6)));
        assertEquals(ipv6Header, HEX.formatHex(h.frameFor(ByteBuffer.wrap(new byte[] {IPV6, 0, 0, 0}))));
        assertEquals("00000002", HEX.formatHex(h.frameFor(ByteBuffer.wrap(new byte[] {IPV4, 0, 0, 0}))));
    }

    @ParameterizedTest
    @CsvSource({"MACOS", "FREEBSD", "DRAGONFLY", "OPENBSD", "NETBSD"})
    void parseAcceptsMatchingFamilies(OsFamily os) throws Exception {
        AfPacketHeader h = AfPacketHeader.forOs(os);
        assertEquals(4, h.parse(received(h.frame(4), IPV4)));
        assertEquals(6, h.parse(received(h.frame(6), IPV6)));
    }

    @ParameterizedTest
    @CsvSource({"MACOS", "FREEBSD", "DRAGONFLY", "OPENBSD", "NETBSD"})
    void parseRejectsAFamilyThatDisagreesWithThePacket(OsFamily os) {
        AfPacketHeader h = AfPacketHeader.forOs(os);
        ProtocolException e = assertThrows(ProtocolException.class, () -> h.parse(received(h.frame(4), IPV6)));
        assertTrue(e.getMessage().contains("version nibble is 6"), e.getMessage());
        assertThrows(ProtocolException.class, () -> h.parse(received(h.frame(6), IPV4)));
    }

    @ParameterizedTest
    @CsvSource({"MACOS", "FREEBSD", "DRAGONFLY", "OPENBSD", "NETBSD"})
    void parseRejectsLinuxAfInet6(OsFamily os) {
        AfPacketHeader h = AfPacketHeader.forOs(os);
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> h.parse(received(new byte[] {0, 0, 0, 10}, IPV6)));
        assertTrue(e.getMessage().contains("family 10"), e.getMessage());
    }

    @Test
    void versionIsTheHighNibble() {
        assertEquals(4, AfPacketHeader.ipVersion((byte) 0x45));
        assertEquals(6, AfPacketHeader.ipVersion((byte) 0x6f));
        // Low nibble 6 with high nibble 4 is IPv4 with IHL 6, not IPv6.
        assertEquals(4, AfPacketHeader.ipVersion((byte) 0x46));
        assertEquals("00000002", HEX.formatHex(AfPacketHeader.forOs(OsFamily.MACOS)
                .frameFor(ByteBuffer.wrap(new byte[] {0x46}))));
    }

    @Test
    void parseLeavesThePositionAndReadsFromIt() throws Exception {
        AfPacketHeader h = AfPacketHeader.forOs(OsFamily.OPENBSD);
        ByteBuffer b = ByteBuffer.allocate(12);
        b.position(3);
        b.put(h.frame(6)).put(IPV6);
        b.position(3);
        assertEquals(6, h.parse(b));
        assertEquals(3, b.position());
    }

    @Test
    void shortOrBadInputIsRejected() {
        AfPacketHeader h = AfPacketHeader.forOs(OsFamily.MACOS);
        assertThrows(ProtocolException.class, () -> h.parse(ByteBuffer.wrap(h.frame(4))));
        assertThrows(IllegalArgumentException.class, () -> h.frameFor(ByteBuffer.allocate(0)));
        assertThrows(IllegalArgumentException.class, () -> h.frameFor(ByteBuffer.wrap(new byte[] {0x50})));
        assertThrows(IllegalArgumentException.class, () -> h.frame(5));
    }

    @Test
    void systemsWithoutTheHeaderAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AfPacketHeader.forOs(OsFamily.LINUX));
        assertThrows(IllegalArgumentException.class, () -> AfPacketHeader.forOs(OsFamily.SOLARIS));
        assertThrows(IllegalArgumentException.class, () -> AfPacketHeader.forOs(OsFamily.AIX));
        assertThrows(IllegalArgumentException.class, () -> AfPacketHeader.forOs(OsFamily.WINDOWS));
    }

    private static ByteBuffer received(byte[] header, byte first) {
        return ByteBuffer.allocate(header.length + 20).put(header).put(first).flip();
    }
}
