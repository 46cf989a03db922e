package dev.tappers.bsd.netbsd;

/** NetBSD values that are not ioctl numbers (PLATFORMS.md section 6). */
final class NetbsdConstants {

    private NetbsdConstants() {
    }

    /** IFLR_ACTIVE (sys/net/if.h): make the link-layer address added by SIOCALIFADDR the active one. */
    static final int IFLR_ACTIVE = 0x4000;
    /** IN6_IFF_NODAD (sys/netinet6/in6_var.h). */
    static final int IN6_IFF_NODAD = 0x20;
    /** The cloning tap node: each open makes the next tapN (sys/net/if_tap.c). */
    static final String TAP_CLONE_NODE = "/dev/tap";
}
