package dev.tappers.bsd.openbsd;

/** Sizes and offsets of the OpenBSD structs the provider fills (amd64; PLATFORMS.md section 5). */
final class OpenbsdStructs {

    private OpenbsdStructs() {
    }

    /** IFNAMSIZ (sys/net/if.h). */
    static final int IFNAMSIZ = 16;
    static final int SOCKADDR_SIZE = 16;
    static final int SOCKADDR_IN6_SIZE = 28;

    /** struct ifreq (sys/net/if.h); SIOCSIFPAIR reads ifr_index from the union. */
    static final int IFREQ_UNION = IFNAMSIZ;
    static final int IFREQ_INDEX = IFREQ_UNION;
    static final int IFREQ_SIZE = IFNAMSIZ + 16;
    /** struct ifaliasreq (sys/net/if.h): name, addr (a union with int align), broadaddr, mask. */
    static final int IFALIASREQ_SIZE = IFNAMSIZ + 3 * SOCKADDR_SIZE;

    /** struct in6_aliasreq (sys/netinet6/in6_var.h rev 1.81): KAME layout with a 64-bit time_t. */
    static final int IN6_ALIASREQ_ADDR = IFNAMSIZ;
    static final int IN6_ALIASREQ_DSTADDR = IN6_ALIASREQ_ADDR + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_PREFIXMASK = IN6_ALIASREQ_DSTADDR + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_FLAGS = IN6_ALIASREQ_PREFIXMASK + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_LIFETIME = IN6_ALIASREQ_FLAGS + 4;
    static final int IN6_ALIASREQ_SIZE = IN6_ALIASREQ_LIFETIME + 8 + 8 + 4 + 4;

    /** struct in6_ifreq: the union still holds icmp6_ifstat, 34 u64. */
    static final int IN6_IFREQ_SIZE = IFNAMSIZ + 34 * 8;

    /** struct tuninfo (sys/net/if_tun.h): u32 mtu; u16 type; u16 flags; u32 baudrate. */
    static final int TUNINFO_MTU = 0;
    static final int TUNINFO_TYPE = TUNINFO_MTU + 4;
    static final int TUNINFO_FLAGS = TUNINFO_TYPE + 2;
    static final int TUNINFO_BAUDRATE = TUNINFO_FLAGS + 2;
    static final int TUNINFO_SIZE = TUNINFO_BAUDRATE + 4;
}
