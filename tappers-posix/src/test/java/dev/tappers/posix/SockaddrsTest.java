package dev.tappers.posix;

import dev.tappers.OsFamily;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SockaddrsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static Inet4Address v4(String s) throws Exception {
        return (Inet4Address) InetAddress.getByName(s);
    }

    private static Inet6Address v6(String s) throws Exception {
        return (Inet6Address) InetAddress.getByName(s);
    }

    @Test
    void bsdSockaddrInHasLengthByteThenFamilyByte() throws Exception {
        byte[] sa = Sockaddrs.forOs(OsFamily.MACOS).inet4(v4("192.0.2.1"), 8080);
        assertEquals("1002" + "1f90" + "c0000201" + "0000000000000000", HEX.formatHex(sa));
    }

    @Test
    void linuxSockaddrInHasAHostOrderU16Family() throws Exception {
        assertEquals("0200" + "0035" + "c6336401" + "0000000000000000",
                HEX.formatHex(Sockaddrs.forOs(OsFamily.LINUX, ByteOrder.LITTLE_ENDIAN).inet4(v4("198.51.100.1"), 53)));
        // Solaris on SPARC is big-endian: the family's bytes swap, the port's do not.
        assertEquals("0002" + "0035" + "c6336401" + "0000000000000000",
                HEX.formatHex(Sockaddrs.forOs(OsFamily.SOLARIS, ByteOrder.BIG_ENDIAN).inet4(v4("198.51.100.1"), 53)));
    }

    @Test
    void sockaddrIn6UsesEachSystemsAfInet6() throws Exception {
        String rest = "0000" + "00000000" + "20010db8000000000000000000000001";
        assertEquals("1c1e" + rest + "00000000", HEX.formatHex(Sockaddrs.forOs(OsFamily.MACOS).inet6(v6("2001:db8::1"), 0, 0)));
        assertEquals("1c1c" + rest + "00000000", HEX.formatHex(Sockaddrs.forOs(OsFamily.FREEBSD).inet6(v6("2001:db8::1"), 0, 0)));
        assertEquals("1c1c" + rest + "00000000", HEX.formatHex(Sockaddrs.forOs(OsFamily.DRAGONFLY).inet6(v6("2001:db8::1"), 0, 0)));
        assertEquals("1c18" + rest + "00000000", HEX.formatHex(Sockaddrs.forOs(OsFamily.OPENBSD).inet6(v6("2001:db8::1"), 0, 0)));
        assertEquals("1c18" + rest + "00000000", HEX.formatHex(Sockaddrs.forOs(OsFamily.NETBSD).inet6(v6("2001:db8::1"), 0, 0)));
        assertEquals("1c18" + rest + "00000000", HEX.formatHex(Sockaddrs.forOs(OsFamily.AIX).inet6(v6("2001:db8::1"), 0, 0)));
        assertEquals("0a00" + rest + "00000000",
                HEX.formatHex(Sockaddrs.forOs(OsFamily.LINUX, ByteOrder.LITTLE_ENDIAN).inet6(v6("2001:db8::1"), 0, 0)));
        // Solaris: 32 bytes, the last u32 is __sin6_src_id.
        assertEquals("1a00" + rest + "00000000" + "00000000",
                HEX.formatHex(Sockaddrs.forOs(OsFamily.SOLARIS, ByteOrder.LITTLE_ENDIAN).inet6(v6("2001:db8::1"), 0, 0)));
    }

    @Test
    void portIsBigEndianAndScopeIdIsHostOrder() throws Exception {
        byte[] sa = Sockaddrs.forOs(OsFamily.LINUX, ByteOrder.LITTLE_ENDIAN).inet6(v6("fe80::1"), 0x1234, 7);
        assertEquals(28, sa.length);
        assertEquals("1234", HEX.formatHex(sa, 2, 4));
        assertEquals("07000000", HEX.formatHex(sa, 24, 28));
        byte[] be = Sockaddrs.forOs(OsFamily.AIX, ByteOrder.BIG_ENDIAN).inet6(v6("fe80::1"), 0x1234, 7);
        assertEquals("00000007", HEX.formatHex(be, 24, 28));
    }

    @Test
    void netmasksCarryFamilyLengthAndMaskBits() {
        Sockaddrs mac = Sockaddrs.forOs(OsFamily.MACOS);
        assertEquals("10020000ffffff000000000000000000", HEX.formatHex(mac.netmask(4, 24)));
        assertEquals("1002" + "0000" + "fffffffe" + "0000000000000000", HEX.formatHex(mac.netmask(4, 31)));
        assertEquals("1c1e" + "0000" + "00000000" + "ffffffffffffffff0000000000000000" + "00000000",
                HEX.formatHex(mac.netmask(6, 64)));
        assertEquals("1c1e" + "0000" + "00000000" + "ffffffffffffffffffffffffffffff80" + "00000000",
                HEX.formatHex(mac.netmask(6, 121)));
        assertEquals("10020000000000000000000000000000", HEX.formatHex(mac.netmask(4, 0)));
        assertThrows(IllegalArgumentException.class, () -> mac.netmask(4, 33));
        assertThrows(IllegalArgumentException.class, () -> mac.netmask(6, -1));
        assertThrows(IllegalArgumentException.class, () -> mac.netmask(5, 8));
    }

    @Test
    void decodeRoundTripsOnEverySystem() throws Exception {
        for (PosixConstants c : PosixConstants.values()) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                Sockaddrs s = Sockaddrs.forOs(c.os(), order);
                byte[] a4 = s.inet4(v4("203.0.113.9"), 443);
                assertEquals(2, s.family(a4, 0));
                assertEquals(v4("203.0.113.9"), s.address(a4, 0));
                assertEquals(443, s.port(a4, 0));
                byte[] a6 = s.inet6(v6("2001:db8::42"), 65535, 3);
                assertEquals(c.sockaddrIn6Size(), a6.length);
                assertEquals(c.afInet6(), s.family(a6, 0));
                Inet6Address back = (Inet6Address) s.address(a6, 0);
                assertArrayEquals(v6("2001:db8::42").getAddress(), back.getAddress());
                assertEquals(3, back.getScopeId(), c + " " + order);
                assertEquals(65535, s.port(a6, 0));
            }
        }
    }

    @Test
    void decodeFindsTheSockaddrAtAnOffset() throws Exception {
        Sockaddrs s = Sockaddrs.forOs(OsFamily.FREEBSD);
        byte[] buf = new byte[16 + 16];
        System.arraycopy(s.inet4(v4("198.18.0.1"), 0), 0, buf, 16, 16);
        assertEquals(v4("198.18.0.1"), s.address(buf, 16));
    }

    @Test
    void decodeRejectsAnotherSystemsAfInet6() throws Exception {
        byte[] linux = Sockaddrs.forOs(OsFamily.MACOS).inet6(v6("2001:db8::1"), 0, 0);
        linux[1] = 10;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sockaddrs.forOs(OsFamily.MACOS).address(linux, 0));
        assertTrue(e.getMessage().contains("family 10"), e.getMessage());
    }

    @Test
    void decodeRejectsShortInput() throws Exception {
        byte[] sa = Sockaddrs.forOs(OsFamily.OPENBSD).inet6(v6("2001:db8::1"), 0, 0);
        byte[] cut = java.util.Arrays.copyOf(sa, 20);
        assertThrows(IllegalArgumentException.class, () -> Sockaddrs.forOs(OsFamily.OPENBSD).address(cut, 0));
        assertThrows(IllegalArgumentException.class, () -> Sockaddrs.forOs(OsFamily.OPENBSD).family(new byte[1], 0));
    }

    @Test
    void badArguments() throws Exception {
        Sockaddrs s = Sockaddrs.forOs(OsFamily.NETBSD);
        assertThrows(IllegalArgumentException.class, () -> s.inet4(v4("192.0.2.1"), 65536));
        assertThrows(IllegalArgumentException.class, () -> s.inet6(v6("2001:db8::1"), -1, 0));
        assertThrows(IllegalArgumentException.class, () -> Sockaddrs.forOs(OsFamily.WINDOWS));
        assertEquals(16, s.of(v4("192.0.2.1")).length);
        assertEquals(28, s.of(v6("2001:db8::1")).length);
    }
}
