package dev.tappers.macos;

/**
 * The non-ioctl constants of utun, kernel control sockets and feth (PLATFORMS.md sections 2.1 and 2.2).
 * Address families and IFF_* flags shared with other systems are in {@code dev.tappers.posix.PosixConstants}.
 */
final class MacosConstants {

    private MacosConstants() {
    }

    /** PF_SYSTEM / AF_SYSTEM (bsd/sys/socket.h). */
    static final int PF_SYSTEM = 32;
    static final int AF_SYSTEM = PF_SYSTEM;
    /** SOCK_DGRAM (bsd/sys/socket.h). */
    static final int SOCK_DGRAM = 2;
    /** SYSPROTO_CONTROL (bsd/sys/sys_domain.h): the protocol and the getsockopt level of control sockets. */
    static final int SYSPROTO_CONTROL = 2;
    /** AF_SYS_CONTROL (bsd/sys/sys_domain.h): sockaddr_ctl.ss_sysaddr. */
    static final int AF_SYS_CONTROL = 2;
    /** UTUN_CONTROL_NAME (bsd/net/if_utun.h). */
    static final String UTUN_CONTROL_NAME = "com.apple.net.utun_control";
    /** utun socket options (bsd/net/if_utun.h). */
    static final int UTUN_OPT_FLAGS = 1;
    static final int UTUN_OPT_IFNAME = 2;
    static final int UTUN_OPT_MAX_PENDING_PACKETS = 16;
    /** The name prefix of utun interfaces; sc_unit N+1 makes utunN (if_utun.c, utun_ctl_connect). */
    static final String UTUN_PREFIX = "utun";

    /** FAKE_ETHER_NAME (bsd/net/if_fake.c): the cloner of feth pairs. */
    static final String FAKE_ETHER_NAME = "feth";
    /** ifdrv.ifd_cmd values (bsd/net/if_fake_var.h). */
    static final int IF_FAKE_S_CMD_SET_PEER = 1;
    static final int IF_FAKE_S_CMD_SET_MEDIA = 2;
    static final int IF_FAKE_S_CMD_SET_DEQUEUE_STALL = 3;
    static final int IF_FAKE_G_CMD_GET_PEER = 1;

    /** AF_NDRV (bsd/sys/socket.h): raw frames out of a feth end. */
    static final int AF_NDRV = 27;
    /** IN6_IFF_NODAD (bsd/netinet6/in6_var.h), for in6_aliasreq.ifra_flags. */
    static final int IN6_IFF_NODAD = 0x0020;
    /** ND6_INFINITE_LIFETIME (bsd/netinet6/nd6.h), for vltime and pltime. */
    static final int ND6_INFINITE_LIFETIME = 0xFFFF_FFFF;

    /**
     * The sockaddr_ctl.sc_unit that creates {@code utun<number>}: one more than the number, since unit 0 asks
     * the kernel to pick the first free one.
     */
    static int utunUnit(int number) {
        if (number < 0 || number == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("utun unit: number " + number + " is outside 0-" + (Integer.MAX_VALUE - 1));
        }
        return number + 1;
    }
}
