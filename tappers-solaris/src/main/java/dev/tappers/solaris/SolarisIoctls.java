package dev.tappers.solaris;

import static dev.tappers.posix.IoctlEncoding.SOLARIS;
import static dev.tappers.solaris.SolarisStructs.IFREQ_SIZE;
import static dev.tappers.solaris.SolarisStructs.LIFREQ_SIZE;

/**
 * Solaris/illumos ioctl request numbers from illumos-gate {@code usr/src/uts/common/sys/sockio.h}, encoded with
 * Solaris's 8-bit size field (so the 376-byte lifreq shows as 0x78); values agree with golang/sys
 * {@code unix/zerrors_solaris_amd64.go}. ioctl() takes an int on Solaris: pass
 * {@code IoctlEncoding.asCInt(request)}.
 */
final class SolarisIoctls {

    private SolarisIoctls() {
    }

    private static final int INT = 4;

    // lifreq requests
    static final long SIOCSLIFADDR = SOLARIS.iow('i', 112, LIFREQ_SIZE);
    static final long SIOCSLIFDSTADDR = SOLARIS.iow('i', 114, LIFREQ_SIZE);
    static final long SIOCSLIFFLAGS = SOLARIS.iow('i', 116, LIFREQ_SIZE);
    static final long SIOCGLIFFLAGS = SOLARIS.iowr('i', 117, LIFREQ_SIZE);
    static final long SIOCSLIFMTU = SOLARIS.iow('i', 121, LIFREQ_SIZE);
    static final long SIOCSLIFNETMASK = SOLARIS.iow('i', 126, LIFREQ_SIZE);
    /** Sets the name and ppa of a stream with "ip" pushed: lifreq{lifr_name, lifr_ppa}. */
    static final long SIOCSLIFNAME = SOLARIS.iowr('i', 129, LIFREQ_SIZE);
    static final long SIOCGLIFMUXID = SOLARIS.iowr('i', 131, LIFREQ_SIZE);
    static final long SIOCSLIFMUXID = SOLARIS.iow('i', 132, LIFREQ_SIZE);
    static final long SIOCGLIFINDEX = SOLARIS.iowr('i', 133, LIFREQ_SIZE);
    static final long SIOCSLIFSUBNET = SOLARIS.iow('i', 137, LIFREQ_SIZE);
    /** Adds a logical interface: Solaris has no IPv4 SIOCAIFADDR. */
    static final long SIOCLIFADDIF = SOLARIS.iowr('i', 111, LIFREQ_SIZE);

    // ifreq requests
    static final long SIOCSIFFLAGS = SOLARIS.iow('i', 16, IFREQ_SIZE);
    static final long SIOCGIFFLAGS = SOLARIS.iowr('i', 17, IFREQ_SIZE);
    static final long SIOCSIFMTU = SOLARIS.iow('i', 21, IFREQ_SIZE);
    static final long SIOCGIFMTU = SOLARIS.iowr('i', 22, IFREQ_SIZE);
    static final long SIOCGIFMUXID = SOLARIS.iowr('i', 88, IFREQ_SIZE);
    static final long SIOCSIFMUXID = SOLARIS.iow('i', 89, IFREQ_SIZE);
    static final long SIOCGIFINDEX = SOLARIS.iowr('i', 90, IFREQ_SIZE);

    /** _IOW('s', 54, int): issued directly on the stream (not through I_STR) to pick the tun unit. */
    static final long IF_UNITSEL = SOLARIS.iow('s', 54, INT);
}
