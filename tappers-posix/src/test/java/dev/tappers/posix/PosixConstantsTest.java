package dev.tappers.posix;

import dev.tappers.OsFamily;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every value against PLATFORMS.md section 0. */
class PosixConstantsTest {

    @Test
    void afInet6PerSystem() {
        assertEquals(10, PosixConstants.of(OsFamily.LINUX).afInet6());
        assertEquals(30, PosixConstants.of(OsFamily.MACOS).afInet6());
        assertEquals(28, PosixConstants.of(OsFamily.FREEBSD).afInet6());
        assertEquals(28, PosixConstants.of(OsFamily.DRAGONFLY).afInet6());
        assertEquals(24, PosixConstants.of(OsFamily.OPENBSD).afInet6());
        assertEquals(24, PosixConstants.of(OsFamily.NETBSD).afInet6());
        assertEquals(26, PosixConstants.of(OsFamily.SOLARIS).afInet6());
        assertEquals(24, PosixConstants.of(OsFamily.AIX).afInet6());
    }

    @Test
    void afLinkPerSystem() {
        assertEquals(OptionalInt.empty(), PosixConstants.of(OsFamily.LINUX).afLink());
        for (OsFamily os : new OsFamily[] {OsFamily.MACOS, OsFamily.FREEBSD, OsFamily.DRAGONFLY, OsFamily.OPENBSD,
                OsFamily.NETBSD, OsFamily.AIX}) {
            assertEquals(OptionalInt.of(18), PosixConstants.of(os).afLink(), os.toString());
        }
        assertEquals(OptionalInt.of(25), PosixConstants.of(OsFamily.SOLARIS).afLink());
    }

    @Test
    void iffMulticastPerSystem() {
        assertEquals(0x1000, PosixConstants.of(OsFamily.LINUX).iffMulticast());
        assertEquals(0x8000, PosixConstants.of(OsFamily.MACOS).iffMulticast());
        assertEquals(0x8000, PosixConstants.of(OsFamily.FREEBSD).iffMulticast());
        assertEquals(0x8000, PosixConstants.of(OsFamily.DRAGONFLY).iffMulticast());
        assertEquals(0x8000, PosixConstants.of(OsFamily.OPENBSD).iffMulticast());
        assertEquals(0x8000, PosixConstants.of(OsFamily.NETBSD).iffMulticast());
        assertEquals(0x800, PosixConstants.of(OsFamily.SOLARIS).iffMulticast());
        assertEquals(0x80000, PosixConstants.of(OsFamily.AIX).iffMulticast());
    }

    @Test
    void sharedValues() {
        assertEquals(2, PosixConstants.AF_INET);
        assertEquals(0x1, PosixConstants.IFF_UP);
        assertEquals(0x2, PosixConstants.IFF_BROADCAST);
        assertEquals(0x10, PosixConstants.IFF_POINTOPOINT);
        assertEquals(0x40, PosixConstants.IFF_RUNNING);
        assertEquals(0x80, PosixConstants.IFF_NOARP);
        for (PosixConstants c : PosixConstants.values()) {
            assertEquals(16, c.ifNameSize(), c.toString());
            assertEquals(2, c.afInet());
            assertEquals(c, PosixConstants.of(c.os()));
        }
    }

    @Test
    void namesAndLayouts() {
        assertEquals(15, PosixConstants.of(OsFamily.LINUX).longestInterfaceName());
        assertEquals(31, PosixConstants.of(OsFamily.SOLARIS).longestInterfaceName(), "LIFNAMSIZ 32 minus the NUL");
        assertEquals(SockaddrLayout.FAMILY_ONLY, PosixConstants.of(OsFamily.LINUX).sockaddrLayout());
        assertEquals(SockaddrLayout.FAMILY_ONLY, PosixConstants.of(OsFamily.SOLARIS).sockaddrLayout());
        assertEquals(SockaddrLayout.LENGTH_PREFIXED, PosixConstants.of(OsFamily.AIX).sockaddrLayout());
        assertEquals(SockaddrLayout.LENGTH_PREFIXED, PosixConstants.of(OsFamily.MACOS).sockaddrLayout());
        assertEquals(32, PosixConstants.of(OsFamily.SOLARIS).sockaddrIn6Size());
        assertEquals(28, PosixConstants.of(OsFamily.NETBSD).sockaddrIn6Size());
    }

    @Test
    void afForIpVersion() {
        assertEquals(2, PosixConstants.of(OsFamily.MACOS).afForIpVersion(4));
        assertEquals(30, PosixConstants.of(OsFamily.MACOS).afForIpVersion(6));
        assertThrows(IllegalArgumentException.class, () -> PosixConstants.of(OsFamily.MACOS).afForIpVersion(5));
    }

    @Test
    void nonPosixSystemsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PosixConstants.of(OsFamily.WINDOWS));
        assertThrows(IllegalArgumentException.class, () -> PosixConstants.of(OsFamily.OTHER));
    }
}
