package dev.tappers.linux.jna;

import org.junit.jupiter.api.Test;

import static dev.tappers.linux.jna.LinuxConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins every number in {@link LinuxConstants} to the value a C compiler printed from the Linux UAPI headers
 * (shared/docs/PLATFORMS.md, section 1), and re-derives the TUN ioctls from the generic _IOC layout so a typo in
 * either place shows.
 */
class LinuxConstantsTest {
    /** Generic _IOC (asm-generic/ioctl.h): dir << 30 | size << 16 | type << 8 | nr. */
    private static long ioc(int dir, char type, int nr, int size) {
        return ((long) dir << 30) | ((long) size << 16) | ((long) type << 8) | nr;
    }

    private static final int WRITE = 1;
    private static final int READ = 2;
    private static final int SIZEOF_INT = 4;

    @Test
    void tunIoctlsMatchTheCompiledValues() {
        assertEquals(0x400454CAL, TUNSETIFF);
        assertEquals(0x400454CBL, TUNSETPERSIST);
        assertEquals(0x800454D2L, TUNGETIFF);
        assertEquals(0x000054E3L, TUNGETDEVNETNS);
    }

    @Test
    void tunIoctlsFollowTheGenericIocLayout() {
        assertEquals(ioc(WRITE, 'T', 202, SIZEOF_INT), TUNSETIFF);
        assertEquals(ioc(WRITE, 'T', 203, SIZEOF_INT), TUNSETPERSIST);
        assertEquals(ioc(READ, 'T', 210, SIZEOF_INT), TUNGETIFF);
        assertEquals(ioc(0, 'T', 227, 0), TUNGETDEVNETNS);
    }

    @Test
    void socketIoctlsMatchSockiosH() {
        assertEquals(0x8913, SIOCGIFFLAGS);
        assertEquals(0x8914, SIOCSIFFLAGS);
        assertEquals(0x8921, SIOCGIFMTU);
        assertEquals(0x8922, SIOCSIFMTU);
        assertEquals(0x8924, SIOCSIFHWADDR);
        assertEquals(0x8927, SIOCGIFHWADDR);
        assertEquals(0x8933, SIOCGIFINDEX);
    }

    @Test
    void tunFlagsMatchIfTunH() {
        assertEquals(0x0001, IFF_TUN);
        assertEquals(0x0002, IFF_TAP);
        assertEquals(0x0800, IFF_PERSIST);
        assertEquals(0x1000, IFF_NO_PI);
        assertEquals(0x8000, IFF_TUN_EXCL & 0xFFFF);
    }

    @Test
    void structSizesAreTheLp64Ones() {
        assertEquals(40, IFREQ_SIZE);
        assertEquals(16, IFREQ_UNION_OFFSET);
        assertEquals(16, IFNAMSIZ);
        assertEquals(12, SOCKADDR_NL_SIZE);
        assertEquals(8, POLLFD_SIZE);
        assertEquals(16, IOVEC_SIZE);
    }

    @Test
    void socketConstantsMatchTheHeaders() {
        assertEquals(16, AF_NETLINK);
        assertEquals(0, NETLINK_ROUTE);
        assertEquals(3, SOCK_RAW);
        assertEquals(0x80000, SOCK_CLOEXEC);
        assertEquals(1, ARPHRD_ETHER);
    }
}
