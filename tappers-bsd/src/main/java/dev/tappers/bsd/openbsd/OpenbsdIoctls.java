package dev.tappers.bsd.openbsd;

import static dev.tappers.bsd.openbsd.OpenbsdStructs.IFALIASREQ_SIZE;
import static dev.tappers.bsd.openbsd.OpenbsdStructs.IFREQ_SIZE;
import static dev.tappers.bsd.openbsd.OpenbsdStructs.IN6_ALIASREQ_SIZE;
import static dev.tappers.bsd.openbsd.OpenbsdStructs.IN6_IFREQ_SIZE;
import static dev.tappers.bsd.openbsd.OpenbsdStructs.TUNINFO_SIZE;
import static dev.tappers.posix.IoctlEncoding.BSD;

/**
 * OpenBSD ioctl request numbers. Sources: {@code sys/sys/sockio.h} (rev 1.84), {@code sys/netinet6/in6_var.h}
 * (rev 1.81), {@code sys/net/if_tun.h}; values agree with golang/sys {@code unix/zerrors_openbsd_amd64.go}.
 * Several numbers differ from FreeBSD's: SIOCIFCREATE is _IOW, the MTU requests are 126/127, SIOCSIFLLADDR is
 * 31, and 't' 93-95 mean other things. There is no SIOCGIFINDEX (use if_nametoindex) and no TUNSIFHEAD: tun
 * always frames packets with the address family.
 */
final class OpenbsdIoctls {

    private OpenbsdIoctls() {
    }

    private static final int INT = 4;

    static final long SIOCSIFFLAGS = BSD.iow('i', 16, IFREQ_SIZE);
    static final long SIOCGIFFLAGS = BSD.iowr('i', 17, IFREQ_SIZE);
    static final long SIOCDIFADDR = BSD.iow('i', 25, IFREQ_SIZE);
    static final long SIOCAIFADDR = BSD.iow('i', 26, IFALIASREQ_SIZE);
    static final long SIOCSIFLLADDR = BSD.iow('i', 31, IFREQ_SIZE);
    static final long SIOCIFDESTROY = BSD.iow('i', 121, IFREQ_SIZE);
    /** _IOW('i', 122, struct ifreq): _IOW here, where FreeBSD's is _IOWR. */
    static final long SIOCIFCREATE = BSD.iow('i', 122, IFREQ_SIZE);
    static final long SIOCGIFMTU = BSD.iowr('i', 126, IFREQ_SIZE);
    static final long SIOCSIFMTU = BSD.iow('i', 127, IFREQ_SIZE);
    /** _IOW('i', 176, struct ifreq) with ifr_index = the peer's ifindex; needs root (sys/net/if_pair.c). */
    static final long SIOCSIFPAIR = BSD.iow('i', 176, IFREQ_SIZE);
    static final long SIOCGIFPAIR = BSD.iowr('i', 177, IFREQ_SIZE);
    static final long SIOCAIFADDR_IN6 = BSD.iow('i', 26, IN6_ALIASREQ_SIZE);
    static final long SIOCDIFADDR_IN6 = BSD.iow('i', 25, IN6_IFREQ_SIZE);

    static final long TUNSIFINFO = BSD.iow('t', 91, TUNINFO_SIZE);
    static final long TUNGIFINFO = BSD.ior('t', 92, TUNINFO_SIZE);
    static final long TUNSIFMODE = BSD.iow('t', 93, INT);
    static final long TUNSDEBUG = BSD.iow('t', 94, INT);
    static final long TUNGDEBUG = BSD.ior('t', 95, INT);
}
