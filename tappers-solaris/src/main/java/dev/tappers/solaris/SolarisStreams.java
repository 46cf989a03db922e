package dev.tappers.solaris;

/**
 * STREAMS ioctls and the tuntap driver's own commands (PLATFORMS.md section 7). These are not _IOC-encoded.
 * Sources: rust-lang/libc {@code src/unix/solarish/mod.rs} (STR = 'S' &lt;&lt; 8, from illumos sys/stropts.h);
 * TUNNEWPPA/TUNSETPPA from kaizawa/tuntap {@code if_tun.h} as quoted by QEMU {@code net/tap-solaris.c} and cjdns.
 */
final class SolarisStreams {

    private SolarisStreams() {
    }

    /** The STREAMS ioctl group (sys/stropts.h). */
    private static final int STR = 'S' << 8;

    static final int I_PUSH = STR | 2;
    static final int I_POP = STR | 3;
    static final int I_STR = STR | 8;
    static final int I_LINK = STR | 12;
    static final int I_UNLINK = STR | 13;
    static final int I_PLINK = STR | 22;
    static final int I_PUNLINK = STR | 23;

    /** The tuntap driver's group: ('T' &lt;&lt; 16) | n, sent through I_STR. */
    private static final int TUN = 'T' << 16;

    /** Allocates a ppa (unit); pass -1 for "any" and read the unit from the return value. */
    static final int TUNNEWPPA = TUN | 1;
    static final int TUNSETPPA = TUN | 2;

    /** Device nodes and STREAMS modules of the creation sequence (QEMU tap_alloc, OpenVPN tun.c). */
    static final String TUN_NODE = "/dev/tun";
    static final String TAP_NODE = "/dev/tap";
    static final String UDP_NODE = "/dev/udp";
    static final String UDP6_NODE = "/dev/udp6";
    static final String IP_MODULE = "ip";
    static final String ARP_MODULE = "arp";
}
