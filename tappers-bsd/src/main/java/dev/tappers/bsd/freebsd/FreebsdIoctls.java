package dev.tappers.bsd.freebsd;

import static dev.tappers.bsd.freebsd.FreebsdStructs.IFALIASREQ_SIZE;
import static dev.tappers.bsd.freebsd.FreebsdStructs.IFDRV_SIZE;
import static dev.tappers.bsd.freebsd.FreebsdStructs.IFREQ_SIZE;
import static dev.tappers.bsd.freebsd.FreebsdStructs.IN6_ALIASREQ_SIZE;
import static dev.tappers.bsd.freebsd.FreebsdStructs.IN6_IFREQ_SIZE;
import static dev.tappers.bsd.freebsd.FreebsdStructs.IN6_NDIREQ_SIZE;
import static dev.tappers.bsd.freebsd.FreebsdStructs.OIFALIASREQ_SIZE;
import static dev.tappers.bsd.freebsd.FreebsdStructs.OIN6_ALIASREQ_SIZE;
import static dev.tappers.bsd.freebsd.FreebsdStructs.TUNINFO_SIZE;
import static dev.tappers.posix.IoctlEncoding.BSD;

/**
 * FreeBSD ioctl request numbers (13, 14, 15), each built from its definition. Sources: {@code sys/sys/sockio.h}
 * (group 'i'), {@code sys/netinet6/in6_var.h} (the _IN6 requests, issued on an AF_INET6 socket),
 * {@code sys/net/if_tun.h} and {@code sys/net/if_tap.h} (group 't'; one if_tuntap driver since FreeBSD 13).
 */
final class FreebsdIoctls {

    private FreebsdIoctls() {
    }

    private static final int INT = 4;

    static final long SIOCSIFADDR = BSD.iow('i', 12, IFREQ_SIZE);
    static final long SIOCSIFDSTADDR = BSD.iow('i', 14, IFREQ_SIZE);
    static final long SIOCSIFFLAGS = BSD.iow('i', 16, IFREQ_SIZE);
    static final long SIOCGIFFLAGS = BSD.iowr('i', 17, IFREQ_SIZE);
    static final long SIOCSIFBRDADDR = BSD.iow('i', 19, IFREQ_SIZE);
    static final long SIOCSIFNETMASK = BSD.iow('i', 22, IFREQ_SIZE);
    static final long SIOCDIFADDR = BSD.iow('i', 25, IFREQ_SIZE);
    /** _IOW('i', 43, struct ifaliasreq) with ifra_vhid: the current request; prefer it. */
    static final long SIOCAIFADDR = BSD.iow('i', 43, IFALIASREQ_SIZE);
    /** _IOW('i', 26, struct oifaliasreq): the 9.x request golang/sys still calls SIOCAIFADDR; still accepted. */
    static final long OSIOCAIFADDR = BSD.iow('i', 26, OIFALIASREQ_SIZE);
    static final long SIOCGIFINDEX = BSD.iowr('i', 32, IFREQ_SIZE);
    /** _IOW('i', 40, struct ifreq) with ifr_data pointing at the new name. */
    static final long SIOCSIFNAME = BSD.iow('i', 40, IFREQ_SIZE);
    static final long SIOCGIFMTU = BSD.iowr('i', 51, IFREQ_SIZE);
    static final long SIOCSIFMTU = BSD.iow('i', 52, IFREQ_SIZE);
    static final long SIOCSIFLLADDR = BSD.iow('i', 60, IFREQ_SIZE);
    static final long SIOCIFDESTROY = BSD.iow('i', 121, IFREQ_SIZE);
    /** _IOWR('i', 122): note 122, where macOS has SIOCIFCREATE2. */
    static final long SIOCIFCREATE = BSD.iowr('i', 122, IFREQ_SIZE);
    static final long SIOCIFCREATE2 = BSD.iowr('i', 124, IFREQ_SIZE);
    /** ifdrv is 40 bytes on LP64 (28 on i386, which this table does not cover). */
    static final long SIOCSDRVSPEC = BSD.iow('i', 123, IFDRV_SIZE);
    static final long SIOCGDRVSPEC = BSD.iowr('i', 123, IFDRV_SIZE);
    /** _IOW('i', 27, struct in6_aliasreq) with ifra_vhid (wireguard-go names this value OSIOCAIFADDR_IN6). */
    static final long SIOCAIFADDR_IN6 = BSD.iow('i', 27, IN6_ALIASREQ_SIZE);
    /** _IOW('i', 26, struct oin6_aliasreq): pre-10 compat, still accepted by in6.c. */
    static final long OSIOCAIFADDR_IN6 = BSD.iow('i', 26, OIN6_ALIASREQ_SIZE);
    static final long SIOCDIFADDR_IN6 = BSD.iow('i', 25, IN6_IFREQ_SIZE);
    static final long SIOCGIFINFO_IN6 = BSD.iowr('i', 108, IN6_NDIREQ_SIZE);
    static final long SIOCSIFINFO_IN6 = BSD.iowr('i', 109, IN6_NDIREQ_SIZE);

    static final long TUNSIFINFO = BSD.iow('t', 91, TUNINFO_SIZE);
    static final long TUNSLMODE = BSD.iow('t', 93, INT);
    /** Takes IFF_POINTOPOINT or IFF_BROADCAST, optionally with IFF_MULTICAST. */
    static final long TUNSIFMODE = BSD.iow('t', 94, INT);
    /** _IO('t', 95): makes the calling process the owner. */
    static final long TUNSIFPID = BSD.io('t', 95);
    /** With int 1, every packet carries the 4-byte address family (dev.tappers.posix.AfPacketHeader). */
    static final long TUNSIFHEAD = BSD.iow('t', 96, INT);
    static final long TUNGIFHEAD = BSD.ior('t', 97, INT);
    /** _IOR('t', 93, struct ifreq); TAPGIFNAME has the same definition. */
    static final long TUNGIFNAME = BSD.ior('t', 93, IFREQ_SIZE);
    static final long TAPGIFNAME = TUNGIFNAME;
}
