package dev.tappers.linux.jna;

import dev.tappers.OsFamily;
import dev.tappers.posix.Errno;
import org.junit.jupiter.api.Test;

import static dev.tappers.linux.jna.LinuxConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins the numbers added for routes, multi-queue devices, ownership, link settings and enumeration to
 * shared/docs/PLATFORMS.md (section 1) and the UAPI headers, and re-derives the TUN ioctls from the generic _IOC
 * layout.
 */
class Issue3ConstantsTest {
    /** Generic _IOC (asm-generic/ioctl.h): dir << 30 | size << 16 | type << 8 | nr. */
    private static long iow(char type, int nr, int size) {
        return (1L << 30) | ((long) size << 16) | ((long) type << 8) | nr;
    }

    @Test
    void tunIoctlsMatchPlatformsMd() {
        assertEquals(0x400454CCL, TUNSETOWNER);
        assertEquals(0x400454CEL, TUNSETGROUP);
        assertEquals(0x400454D9L, TUNSETQUEUE);
    }

    @Test
    void tunIoctlsFollowTheGenericIocLayout() {
        assertEquals(iow('T', 204, 4), TUNSETOWNER);
        assertEquals(iow('T', 206, 4), TUNSETGROUP);
        assertEquals(iow('T', 217, 4), TUNSETQUEUE);
    }

    @Test
    void queueFlagsMatchIfTunH() {
        assertEquals(0x0100, IFF_MULTI_QUEUE);
        assertEquals(0x0200, IFF_ATTACH_QUEUE);
        assertEquals(0x0400, IFF_DETACH_QUEUE);
        assertEquals(256, MAX_TAP_QUEUES);
    }

    @Test
    void txQueueIoctlsMatchSockiosH() {
        assertEquals(0x8942, SIOCGIFTXQLEN);
        assertEquals(0x8943, SIOCSIFTXQLEN);
        assertEquals(SIOCSIFTXQLEN - 1, SIOCGIFTXQLEN, "the get request is the number before the set one");
    }

    @Test
    void linkFlagsMatchIfH() {
        assertEquals(1 << 7, IFF_NOARP);
        assertEquals(1 << 8, IFF_PROMISC);
        assertEquals(1 << 12, IFF_MULTICAST);
        assertEquals(0x80, IFF_NOARP, "PLATFORMS.md section 0");
        assertEquals(0x1000, IFF_MULTICAST, "PLATFORMS.md section 0");
    }

    @Test
    void linkTypesMatchIfArpH() {
        assertEquals(772, ARPHRD_LOOPBACK);
        assertEquals(65534, ARPHRD_NONE);
    }

    @Test
    void errnosAgreeWithThePosixTable() {
        assertEquals(Errno.number(OsFamily.LINUX, "ESRCH"), ESRCH);
        assertEquals(Errno.number(OsFamily.LINUX, "ENETDOWN"), ENETDOWN);
        assertEquals(Errno.number(OsFamily.LINUX, "ENETUNREACH"), ENETUNREACH);
    }
}
