package dev.tappers.macos;

import static dev.tappers.posix.IoctlEncoding.BSD;
import static dev.tappers.macos.MacosStructs.CTL_INFO_SIZE;
import static dev.tappers.macos.MacosStructs.IFALIASREQ_SIZE;
import static dev.tappers.macos.MacosStructs.IFDRV_SIZE;
import static dev.tappers.macos.MacosStructs.IFREQ_SIZE;
import static dev.tappers.macos.MacosStructs.IN6_ALIASREQ_SIZE;
import static dev.tappers.macos.MacosStructs.IN6_IFREQ_SIZE;

/**
 * macOS ioctl request numbers, each built from its xnu definition. Sources: {@code bsd/sys/sockio.h} (group 'i'),
 * {@code bsd/netinet6/in6_var.h} (the _IN6 requests, issued on an AF_INET6 socket) and
 * {@code bsd/sys/kern_control.h} (CTLIOCGINFO). macOS has no SIOCGIFINDEX: use if_nametoindex().
 */
final class MacosIoctls {

    private MacosIoctls() {
    }

    /** _IOW('i', 12, struct ifreq). */
    static final long SIOCSIFADDR = BSD.iow('i', 12, IFREQ_SIZE);
    /** _IOW('i', 14, struct ifreq). */
    static final long SIOCSIFDSTADDR = BSD.iow('i', 14, IFREQ_SIZE);
    /** _IOW('i', 16, struct ifreq). */
    static final long SIOCSIFFLAGS = BSD.iow('i', 16, IFREQ_SIZE);
    /** _IOWR('i', 17, struct ifreq). */
    static final long SIOCGIFFLAGS = BSD.iowr('i', 17, IFREQ_SIZE);
    /** _IOW('i', 22, struct ifreq). */
    static final long SIOCSIFNETMASK = BSD.iow('i', 22, IFREQ_SIZE);
    /** _IOW('i', 25, struct ifreq). */
    static final long SIOCDIFADDR = BSD.iow('i', 25, IFREQ_SIZE);
    /** _IOW('i', 26, struct ifaliasreq). */
    static final long SIOCAIFADDR = BSD.iow('i', 26, IFALIASREQ_SIZE);
    /** _IOWR('i', 51, struct ifreq). */
    static final long SIOCGIFMTU = BSD.iowr('i', 51, IFREQ_SIZE);
    /** _IOW('i', 52, struct ifreq). */
    static final long SIOCSIFMTU = BSD.iow('i', 52, IFREQ_SIZE);
    /** _IOW('i', 60, struct ifreq): feth accepts it. */
    static final long SIOCSIFLLADDR = BSD.iow('i', 60, IFREQ_SIZE);
    /** _IOWR('i', 120, struct ifreq): create a cloned interface such as feth0. */
    static final long SIOCIFCREATE = BSD.iowr('i', 120, IFREQ_SIZE);
    /** _IOW('i', 121, struct ifreq). */
    static final long SIOCIFDESTROY = BSD.iow('i', 121, IFREQ_SIZE);
    /** _IOWR('i', 122, struct ifreq). */
    static final long SIOCIFCREATE2 = BSD.iowr('i', 122, IFREQ_SIZE);
    /** _IOW('i', 123, struct ifdrv): pairs two feth interfaces (IF_FAKE_S_CMD_SET_PEER); needs root. */
    static final long SIOCSDRVSPEC = BSD.iow('i', 123, IFDRV_SIZE);
    /** _IOWR('i', 123, struct ifdrv). */
    static final long SIOCGDRVSPEC = BSD.iowr('i', 123, IFDRV_SIZE);
    /** _IOW('i', 26, struct in6_aliasreq). */
    static final long SIOCAIFADDR_IN6 = BSD.iow('i', 26, IN6_ALIASREQ_SIZE);
    /** _IOW('i', 25, struct in6_ifreq). */
    static final long SIOCDIFADDR_IN6 = BSD.iow('i', 25, IN6_IFREQ_SIZE);
    /** _IOWR('N', 3, struct ctl_info): resolves the utun control name to its id. */
    static final long CTLIOCGINFO = BSD.iowr('N', 3, CTL_INFO_SIZE);
}
