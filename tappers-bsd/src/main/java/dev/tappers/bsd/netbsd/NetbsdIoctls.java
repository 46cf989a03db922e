package dev.tappers.bsd.netbsd;

import static dev.tappers.bsd.netbsd.NetbsdStructs.IFALIASREQ_SIZE;
import static dev.tappers.bsd.netbsd.NetbsdStructs.IFDRV_SIZE;
import static dev.tappers.bsd.netbsd.NetbsdStructs.IFREQ_SIZE;
import static dev.tappers.bsd.netbsd.NetbsdStructs.IF_LADDRREQ_SIZE;
import static dev.tappers.bsd.netbsd.NetbsdStructs.IN6_ALIASREQ_SIZE;
import static dev.tappers.bsd.netbsd.NetbsdStructs.IN6_IFREQ_SIZE;
import static dev.tappers.posix.IoctlEncoding.BSD;

/**
 * NetBSD ioctl request numbers. Sources: {@code sys/sys/sockio.h} (rev 1.40), {@code sys/netinet6/in6_var.h},
 * {@code sys/net/if_tun.h}, {@code sys/net/if_tap.h}; values agree with golang/sys
 * {@code unix/zerrors_netbsd_amd64.go}. NetBSD has no SIOCSIFLLADDR: the MAC changes through SIOCALIFADDR.
 */
final class NetbsdIoctls {

    private NetbsdIoctls() {
    }

    private static final int INT = 4;

    static final long SIOCSIFFLAGS = BSD.iow('i', 16, IFREQ_SIZE);
    static final long SIOCGIFFLAGS = BSD.iowr('i', 17, IFREQ_SIZE);
    static final long SIOCDIFADDR = BSD.iow('i', 25, IFREQ_SIZE);
    /** _IOW('i', 26, struct ifaliasreq): ifaliasreq is still 64 bytes. */
    static final long SIOCAIFADDR = BSD.iow('i', 26, IFALIASREQ_SIZE);
    /** _IOW('i', 28, struct if_laddrreq), on an AF_LINK socket, with flags IFLR_ACTIVE. */
    static final long SIOCALIFADDR = BSD.iow('i', 28, IF_LADDRREQ_SIZE);
    static final long SIOCIFDESTROY = BSD.iow('i', 121, IFREQ_SIZE);
    /** _IOW('i', 122, struct ifreq). */
    static final long SIOCIFCREATE = BSD.iow('i', 122, IFREQ_SIZE);
    static final long SIOCSDRVSPEC = BSD.iow('i', 123, IFDRV_SIZE);
    static final long SIOCGIFMTU = BSD.iowr('i', 126, IFREQ_SIZE);
    static final long SIOCSIFMTU = BSD.iow('i', 127, IFREQ_SIZE);
    /** _IOWR('i', 140, struct ifreq): only in newer releases; prefer if_nametoindex(). */
    static final long SIOCGIFINDEX = BSD.iowr('i', 140, IFREQ_SIZE);
    /** _IOW('i', 107, struct in6_aliasreq); 26 is retired ("26 was OSIOCAIFADDR_IN6"). */
    static final long SIOCAIFADDR_IN6 = BSD.iow('i', 107, IN6_ALIASREQ_SIZE);
    static final long SIOCDIFADDR_IN6 = BSD.iow('i', 25, IN6_IFREQ_SIZE);

    static final long TUNGIFHEAD = BSD.ior('t', 65, INT);
    /** With int 1, packets carry the 4-byte address family, AF_INET6 = 24. */
    static final long TUNSIFHEAD = BSD.iow('t', 66, INT);
    static final long TUNSLMODE = BSD.iow('t', 87, INT);
    static final long TUNSIFMODE = BSD.iow('t', 88, INT);
    /** _IOR('e', 0, struct ifreq): the name of a tap made by opening the cloning /dev/tap. */
    static final long TAPGIFNAME = BSD.ior('e', 0, IFREQ_SIZE);
}
