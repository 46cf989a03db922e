package dev.tappers.bsd.dragonfly;

import static dev.tappers.bsd.dragonfly.DragonflyStructs.IFALIASREQ_SIZE;
import static dev.tappers.bsd.dragonfly.DragonflyStructs.IFDRV_SIZE;
import static dev.tappers.bsd.dragonfly.DragonflyStructs.IFREQ_SIZE;
import static dev.tappers.bsd.dragonfly.DragonflyStructs.IN6_ALIASREQ_SIZE;
import static dev.tappers.bsd.dragonfly.DragonflyStructs.IN6_IFREQ_SIZE;
import static dev.tappers.bsd.dragonfly.DragonflyStructs.TUNINFO_SIZE;
import static dev.tappers.posix.IoctlEncoding.BSD;

/**
 * DragonFly ioctl request numbers. Sources: {@code sys/sys/sockio.h}, {@code sys/netinet6/in6_var.h},
 * {@code sys/net/tun/if_tun.h}, {@code sys/net/tap/if_tap.h}; values agree with golang/sys
 * {@code unix/zerrors_dragonfly_amd64.go}.
 */
final class DragonflyIoctls {

    private DragonflyIoctls() {
    }

    private static final int INT = 4;

    static final long SIOCSIFFLAGS = BSD.iow('i', 16, IFREQ_SIZE);
    static final long SIOCGIFFLAGS = BSD.iowr('i', 17, IFREQ_SIZE);
    static final long SIOCDIFADDR = BSD.iow('i', 25, IFREQ_SIZE);
    /** _IOW('i', 26, struct ifaliasreq): 64 bytes, no vhid. */
    static final long SIOCAIFADDR = BSD.iow('i', 26, IFALIASREQ_SIZE);
    static final long SIOCGIFINDEX = BSD.iowr('i', 32, IFREQ_SIZE);
    static final long SIOCSIFNAME = BSD.iow('i', 40, IFREQ_SIZE);
    static final long SIOCGIFMTU = BSD.iowr('i', 51, IFREQ_SIZE);
    static final long SIOCSIFMTU = BSD.iow('i', 52, IFREQ_SIZE);
    static final long SIOCSIFLLADDR = BSD.iow('i', 60, IFREQ_SIZE);
    static final long SIOCIFDESTROY = BSD.iow('i', 121, IFREQ_SIZE);
    static final long SIOCIFCREATE = BSD.iowr('i', 122, IFREQ_SIZE);
    static final long SIOCSDRVSPEC = BSD.iow('i', 123, IFDRV_SIZE);
    static final long SIOCIFCREATE2 = BSD.iowr('i', 124, IFREQ_SIZE);
    static final long SIOCAIFADDR_IN6 = BSD.iow('i', 26, IN6_ALIASREQ_SIZE);
    static final long SIOCDIFADDR_IN6 = BSD.iow('i', 25, IN6_IFREQ_SIZE);

    static final long TUNSIFINFO = BSD.iow('t', 91, TUNINFO_SIZE);
    static final long TUNSLMODE = BSD.iow('t', 93, INT);
    static final long TUNSIFMODE = BSD.iow('t', 94, INT);
    static final long TUNSIFPID = BSD.io('t', 95);
    /** With int 1, packets carry the 4-byte address family, AF_INET6 = 28. */
    static final long TUNSIFHEAD = BSD.iow('t', 96, INT);
    static final long TUNGIFHEAD = BSD.ior('t', 97, INT);
    /**
     * _IOR('t', 93, struct ifreq), seen only in a newer revision of sys/net/tap/if_tap.h (release not pinned):
     * on ENOTTY fall back to fdevname().
     */
    static final long TAPGIFNAME = BSD.ior('t', 93, IFREQ_SIZE);
}
