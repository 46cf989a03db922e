package dev.tappers.posix;

import org.junit.jupiter.api.Test;

import static dev.tappers.posix.IoctlEncoding.AIX;
import static dev.tappers.posix.IoctlEncoding.BSD;
import static dev.tappers.posix.IoctlEncoding.LINUX_GENERIC;
import static dev.tappers.posix.IoctlEncoding.SOLARIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recomputes request numbers PLATFORMS.md prints from their (direction, group, number, struct size). */
class IoctlEncodingTest {

    @Test
    void bsdRequestsFromPlatformsMd() {
        // macOS (section 2)
        assertEquals(0xC0644E03L, BSD.iowr('N', 3, 100), "CTLIOCGINFO, ctl_info 100 bytes");
        assertEquals(0xC020697AL, BSD.iowr('i', 122, 32), "macOS SIOCIFCREATE2");
        assertEquals(0x8028697BL, BSD.iow('i', 123, 40), "SIOCSDRVSPEC, ifdrv 40 bytes");
        assertEquals(0xC028697BL, BSD.iowr('i', 123, 40), "SIOCGDRVSPEC");
        assertEquals(0x8080691AL, BSD.iow('i', 26, 128), "macOS SIOCAIFADDR_IN6, in6_aliasreq 128");
        assertEquals(0x81206919L, BSD.iow('i', 25, 288), "SIOCDIFADDR_IN6, in6_ifreq 288");
        assertEquals(0xC0206933L, BSD.iowr('i', 51, 32), "SIOCGIFMTU");
        // FreeBSD (section 3)
        assertEquals(0x8044692BL, BSD.iow('i', 43, 68), "FreeBSD SIOCAIFADDR, ifaliasreq 68");
        assertEquals(0x8088691BL, BSD.iow('i', 27, 136), "FreeBSD SIOCAIFADDR_IN6, in6_aliasreq 136");
        assertEquals(0x8008745BL, BSD.iow('t', 91, 8), "FreeBSD TUNSIFINFO");
        assertEquals(0x4020745DL, BSD.ior('t', 93, 32), "TUNGIFNAME");
        assertEquals(0x2000745FL, BSD.io('t', 95), "TUNSIFPID");
        assertEquals(0x80047460L, BSD.iow('t', 96, 4), "TUNSIFHEAD");
        assertEquals(0xC048696CL, BSD.iowr('i', 108, 72), "SIOCGIFINFO_IN6, in6_ndireq 72");
        // OpenBSD (section 5)
        assertEquals(0x800C745BL, BSD.iow('t', 91, 12), "OpenBSD TUNSIFINFO, tuninfo 12");
        assertEquals(0x802069B0L, BSD.iow('i', 176, 32), "SIOCSIFPAIR");
        assertEquals(0xC02069B1L, BSD.iowr('i', 177, 32), "SIOCGIFPAIR");
        assertEquals(0x8020691FL, BSD.iow('i', 31, 32), "OpenBSD SIOCSIFLLADDR");
        // NetBSD (section 6): ifreq 144 bytes
        assertEquals(0x40906500L, BSD.ior('e', 0, 144), "NetBSD TAPGIFNAME");
        assertEquals(0x8080696BL, BSD.iow('i', 107, 128), "NetBSD SIOCAIFADDR_IN6");
        assertEquals(0x8090697AL, BSD.iow('i', 122, 144), "NetBSD SIOCIFCREATE");
        assertEquals(0xC090697EL, BSD.iowr('i', 126, 144), "NetBSD SIOCGIFMTU");
        assertEquals(0x8118691CL, BSD.iow('i', 28, 280), "NetBSD SIOCALIFADDR, if_laddrreq 280");
        assertEquals(0xC090698CL, BSD.iowr('i', 140, 144), "NetBSD SIOCGIFINDEX");
        assertEquals(0x80047442L, BSD.iow('t', 66, 4), "NetBSD TUNSIFHEAD");
    }

    @Test
    void solarisKeepsOnlyTheLowEightBitsOfTheSize() {
        assertEquals(0xC0786981L, SOLARIS.iowr('i', 129, 376), "SIOCSLIFNAME, lifreq 376 = 0x178 -> 0x78");
        assertEquals(0x80047336L, SOLARIS.iow('s', 54, 4), "IF_UNITSEL");
        assertEquals(0xC020695AL, SOLARIS.iowr('i', 90, 32), "SIOCGIFINDEX");
        assertEquals(0x78, SOLARIS.iowr('i', 0, 376) >>> 16 & 0x1fff);
        // The same struct under BSD rules keeps all 13 bits.
        assertEquals(0x178, BSD.iowr('i', 0, 376) >>> 16 & 0x1fff);
    }

    @Test
    void aixUsesASevenBitSize() {
        assertEquals(0x80286910L, AIX.iow('i', 16, 40), "AIX SIOCSIFFLAGS, ifreq 40");
        assertEquals(0xC0286911L, AIX.iowr('i', 17, 40), "AIX SIOCGIFFLAGS");
        assertEquals(0x8040691AL, AIX.iow('i', 26, 64), "AIX SIOCAIFADDR");
        assertEquals(0x8028690CL, AIX.iow('i', 12, 40), "AIX SIOCSIFADDR");
        assertEquals(0x00, AIX.iow('i', 0, 128) >>> 16 & 0xff, "128 does not fit in IOCPARM_MASK 0x7f");
    }

    @Test
    void linuxGenericPutsWriteInBit30() {
        assertEquals(0x400454CAL, LINUX_GENERIC.iow('T', 202, 4), "TUNSETIFF");
        assertEquals(0x800454D2L, LINUX_GENERIC.ior('T', 210, 4), "TUNGETIFF");
        assertEquals(0x000054E3L, LINUX_GENERIC.io('T', 227), "TUNGETDEVNETNS");
        assertEquals(0x400454D9L, LINUX_GENERIC.iow('T', 217, 4), "TUNSETQUEUE");
    }

    @Test
    void resultIsZeroExtendedNotSignExtended() {
        long request = BSD.iowr('N', 3, 100);
        assertTrue(request > 0, "a long above 2^31, not a negative int");
        assertEquals(0x00000000C0644E03L, request);
        assertEquals(-1067168253, IoctlEncoding.asCInt(request), "Solaris/AIX int view, as golang prints it");
        assertEquals("0xC0644E03", IoctlEncoding.hex(request));
    }

    @Test
    void voidRequestsIgnoreTheSize() {
        assertEquals(BSD.io('t', 95), BSD.encode(IoctlDirection.NONE, 't', 95, 1234));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BSD.iow('i', 256, 4));
        assertThrows(IllegalArgumentException.class, () -> BSD.iow('i', -1, 4));
        assertThrows(IllegalArgumentException.class, () -> BSD.iow('\u0100', 1, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BSD.iow('i', 1, -4));
        assertTrue(e.getMessage().contains("size -4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IoctlEncoding.asCInt(0x1_0000_0000L));
    }
}
