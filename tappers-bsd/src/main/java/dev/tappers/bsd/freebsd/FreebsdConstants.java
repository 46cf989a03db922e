package dev.tappers.bsd.freebsd;

/** FreeBSD values that are not ioctl numbers (PLATFORMS.md section 3). */
final class FreebsdConstants {

    private FreebsdConstants() {
    }

    /** IN6_IFF_NODAD (sys/netinet6/in6_var.h, the KAME value), for in6_aliasreq.ifra_flags. */
    static final int IN6_IFF_NODAD = 0x0020;
    /** nd6 per-interface flags (sys/netinet6/nd6.h), for SIOCSIFINFO_IN6; not address flags. */
    static final int ND6_IFF_AUTO_LINKLOCAL = 0x20;
    static final int ND6_IFF_NO_DAD = 0x100;
    /** The epair(4) cloner (sys/net/if_epair.c): "epair" or "epair&lt;N&gt;" makes epair&lt;N&gt;a and epair&lt;N&gt;b. */
    static final String EPAIR_CLONER = "epair";
    static final char EPAIR_SIDE_A = 'a';
    static final char EPAIR_SIDE_B = 'b';
    /** Cloning device nodes (sys/net/if_tuntap.c). */
    static final String TUN_CLONE_NODE = "/dev/tun";
    static final String TAP_CLONE_NODE = "/dev/tap";
}
