package dev.tappers.aix;

import static dev.tappers.aix.AixStructs.IFALIASREQ_SIZE;
import static dev.tappers.aix.AixStructs.IFREQ_SIZE;
import static dev.tappers.posix.IoctlEncoding.AIX;

/**
 * AIX interface ioctl request numbers, from AIX {@code sys/ioctl.h} with its 7-bit size field; values agree with
 * golang/sys {@code unix/zerrors_aix_ppc64.go} and rust-lang/libc {@code src/unix/aix/mod.rs}. Note the MTU
 * requests: 88 and 86, not the BSD 52 and 51. ioctl() takes an int on AIX: pass
 * {@code IoctlEncoding.asCInt(request)}.
 */
final class AixIoctls {

    private AixIoctls() {
    }

    static final long SIOCSIFADDR = AIX.iow('i', 12, IFREQ_SIZE);
    static final long SIOCSIFFLAGS = AIX.iow('i', 16, IFREQ_SIZE);
    static final long SIOCGIFFLAGS = AIX.iowr('i', 17, IFREQ_SIZE);
    static final long SIOCSIFNETMASK = AIX.iow('i', 22, IFREQ_SIZE);
    static final long SIOCDIFADDR = AIX.iow('i', 25, IFREQ_SIZE);
    static final long SIOCAIFADDR = AIX.iow('i', 26, IFALIASREQ_SIZE);
    static final long SIOCGIFMTU = AIX.iowr('i', 86, IFREQ_SIZE);
    static final long SIOCSIFMTU = AIX.iow('i', 88, IFREQ_SIZE);
}
