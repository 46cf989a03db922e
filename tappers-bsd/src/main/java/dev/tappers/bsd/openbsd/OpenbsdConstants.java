package dev.tappers.bsd.openbsd;

/**
 * OpenBSD values that are not ioctl numbers (PLATFORMS.md section 5).
 *
 * <p>There is deliberately no IN6_IFF_NODAD here: OpenBSD's in6_var.h defines none and leaves 0x20
 * unassigned, so setting the KAME value in ifra_flags would set an unknown bit.
 */
final class OpenbsdConstants {

    private OpenbsdConstants() {
    }

    /** The pair(4) cloner (sys/net/if_pair.c): two pairN interfaces linked with SIOCSIFPAIR. */
    static final String PAIR_CLONER = "pair";
    /** Device node prefixes; opening /dev/tunN or /dev/tapN creates the interface (sys/net/if_tun.c). */
    static final String TUN_NODE_PREFIX = "/dev/tun";
    static final String TAP_NODE_PREFIX = "/dev/tap";
}
