package dev.tappers.bsd.netbsd;

/**
 * Sizes of the NetBSD structs the provider fills (amd64; PLATFORMS.md section 6). NetBSD's ifreq is 144 bytes
 * because its union holds a sockaddr_storage, which changes every ifreq-based request number.
 */
final class NetbsdStructs {

    private NetbsdStructs() {
    }

    /** IFNAMSIZ (sys/net/if.h). */
    static final int IFNAMSIZ = 16;
    static final int SOCKADDR_SIZE = 16;
    static final int SOCKADDR_IN6_SIZE = 28;
    /** struct sockaddr_storage (sys/sys/socket.h). */
    static final int SOCKADDR_STORAGE_SIZE = 128;

    /** struct ifreq (sys/net/if.h): name and a union whose largest member is sockaddr_storage. */
    static final int IFREQ_UNION = IFNAMSIZ;
    static final int IFREQ_SIZE = IFNAMSIZ + SOCKADDR_STORAGE_SIZE;
    /** struct ifaliasreq (sys/net/if.h): still name, addr, broadaddr, mask. */
    static final int IFALIASREQ_SIZE = IFNAMSIZ + 3 * SOCKADDR_SIZE;

    /** struct in6_aliasreq (sys/netinet6/in6_var.h): KAME layout, 64-bit time_t. */
    static final int IN6_ALIASREQ_ADDR = IFNAMSIZ;
    static final int IN6_ALIASREQ_DSTADDR = IN6_ALIASREQ_ADDR + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_PREFIXMASK = IN6_ALIASREQ_DSTADDR + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_FLAGS = IN6_ALIASREQ_PREFIXMASK + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_LIFETIME = IN6_ALIASREQ_FLAGS + 4;
    static final int IN6_ALIASREQ_SIZE = IN6_ALIASREQ_LIFETIME + 8 + 8 + 4 + 4;

    /** struct in6_ifreq: the union's largest member is icmp6_ifstat, 34 u64. */
    static final int IN6_IFREQ_SIZE = IFNAMSIZ + 34 * 8;

    /**
     * struct if_laddrreq (sys/net/if.h): char iflr_name[16]; u_int flags; u_int prefixlen;
     * sockaddr_storage addr; sockaddr_storage dstaddr. SIOCALIFADDR with a sockaddr_dl in addr changes the MAC.
     */
    static final int IF_LADDRREQ_FLAGS = IFNAMSIZ;
    static final int IF_LADDRREQ_PREFIXLEN = IF_LADDRREQ_FLAGS + 4;
    static final int IF_LADDRREQ_ADDR = IF_LADDRREQ_PREFIXLEN + 4;
    static final int IF_LADDRREQ_DSTADDR = IF_LADDRREQ_ADDR + SOCKADDR_STORAGE_SIZE;
    static final int IF_LADDRREQ_SIZE = IF_LADDRREQ_DSTADDR + SOCKADDR_STORAGE_SIZE;

    /** struct ifdrv (sys/net/if.h) on LP64. */
    static final int IFDRV_SIZE = IFNAMSIZ + 8 + 8 + 8;
}
