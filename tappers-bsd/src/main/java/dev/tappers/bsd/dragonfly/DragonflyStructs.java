package dev.tappers.bsd.dragonfly;

/**
 * Sizes of the DragonFly structs the provider fills (x86_64; PLATFORMS.md section 4). DragonFly kept the KAME
 * and 4.4BSD layouts: no ifra_vhid in either alias request.
 */
final class DragonflyStructs {

    private DragonflyStructs() {
    }

    /** IFNAMSIZ (sys/net/if.h). */
    static final int IFNAMSIZ = 16;
    static final int SOCKADDR_SIZE = 16;
    static final int SOCKADDR_IN6_SIZE = 28;

    /** struct ifreq (sys/net/if.h). */
    static final int IFREQ_SIZE = IFNAMSIZ + 16;
    /** struct ifaliasreq (sys/net/if.h): name, addr, broadaddr, mask. */
    static final int IFALIASREQ_SIZE = IFNAMSIZ + 3 * SOCKADDR_SIZE;

    /** struct in6_aliasreq (sys/netinet6/in6_var.h, 2008 revision): KAME layout, time_t is 8 bytes. */
    static final int IN6_ALIASREQ_ADDR = IFNAMSIZ;
    static final int IN6_ALIASREQ_DSTADDR = IN6_ALIASREQ_ADDR + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_PREFIXMASK = IN6_ALIASREQ_DSTADDR + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_FLAGS = IN6_ALIASREQ_PREFIXMASK + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_LIFETIME = IN6_ALIASREQ_FLAGS + 4;
    static final int IN6_ALIASREQ_SIZE = IN6_ALIASREQ_LIFETIME + 8 + 8 + 4 + 4;

    /** struct in6_ifreq: the union's largest member is icmp6_ifstat, 34 u64. */
    static final int IN6_IFREQ_SIZE = IFNAMSIZ + 34 * 8;

    /** struct ifdrv (sys/net/if.h) on LP64. */
    static final int IFDRV_SIZE = IFNAMSIZ + 8 + 8 + 8;

    /** struct tuninfo (sys/net/tun/if_tun.h): int baudrate; short mtu; u_char type; u_char dummy. */
    static final int TUNINFO_SIZE = 8;
}
