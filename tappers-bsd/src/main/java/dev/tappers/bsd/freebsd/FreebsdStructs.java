package dev.tappers.bsd.freebsd;

/**
 * Sizes and offsets of the FreeBSD structs the provider fills (LP64; PLATFORMS.md section 3). Offsets are built
 * from the sizes of the fields before them, so a wrong field size fails the tests against PLATFORMS.md.
 */
final class FreebsdStructs {

    private FreebsdStructs() {
    }

    /** IFNAMSIZ (sys/net/if.h). */
    static final int IFNAMSIZ = 16;
    /** struct sockaddr and sockaddr_in6 (sys/sys/socket.h, sys/netinet6/in6.h). */
    static final int SOCKADDR_SIZE = 16;
    static final int SOCKADDR_IN6_SIZE = 28;

    /** struct ifreq (sys/net/if.h): name and a 16-byte union; ifr_flags is ifru_flags[0], ifr_flagshigh [1]. */
    static final int IFREQ_UNION = IFNAMSIZ;
    static final int IFREQ_FLAGSHIGH = IFREQ_UNION + 2;
    static final int IFREQ_SIZE = IFNAMSIZ + 16;

    /** struct ifaliasreq (sys/net/if.h): name, addr, broadaddr, mask, int ifra_vhid (0 = none). */
    static final int IFALIASREQ_ADDR = IFNAMSIZ;
    static final int IFALIASREQ_BROADADDR = IFALIASREQ_ADDR + SOCKADDR_SIZE;
    static final int IFALIASREQ_MASK = IFALIASREQ_BROADADDR + SOCKADDR_SIZE;
    static final int IFALIASREQ_VHID = IFALIASREQ_MASK + SOCKADDR_SIZE;
    static final int IFALIASREQ_SIZE = IFALIASREQ_VHID + 4;
    /** struct oifaliasreq: the FreeBSD 9 layout without ifra_vhid, taken by OSIOCAIFADDR. */
    static final int OIFALIASREQ_SIZE = IFALIASREQ_VHID;

    /** struct in6_addrlifetime (sys/netinet6/in6_var.h): two 8-byte time_t, then u32 vltime and pltime. */
    static final int IN6_ADDRLIFETIME_SIZE = 8 + 8 + 4 + 4;

    /**
     * struct in6_aliasreq (sys/netinet6/in6_var.h): name, addr, dstaddr, prefixmask, int flags, lifetime,
     * int ifra_vhid; padded to 136 because the time_t members align the struct to 8.
     */
    static final int IN6_ALIASREQ_ADDR = IFNAMSIZ;
    static final int IN6_ALIASREQ_DSTADDR = IN6_ALIASREQ_ADDR + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_PREFIXMASK = IN6_ALIASREQ_DSTADDR + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_FLAGS = IN6_ALIASREQ_PREFIXMASK + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_LIFETIME = IN6_ALIASREQ_FLAGS + 4;
    static final int IN6_ALIASREQ_VHID = IN6_ALIASREQ_LIFETIME + IN6_ADDRLIFETIME_SIZE;
    static final int IN6_ALIASREQ_SIZE = align8(IN6_ALIASREQ_VHID + 4);
    /** struct oin6_aliasreq: the pre-10 layout without ifra_vhid (OSIOCAIFADDR_IN6). */
    static final int OIN6_ALIASREQ_SIZE = IN6_ALIASREQ_VHID;

    /** struct in6_ifreq (sys/netinet6/in6_var.h): the union's largest member is icmp6_ifstat, 34 u64. */
    static final int IN6_IFREQ_SIZE = IFNAMSIZ + 34 * 8;

    /** struct in6_ndireq (sys/netinet6/nd6.h), as encoded in SIOCGIFINFO_IN6 by wireguard-go: 72 bytes. */
    static final int IN6_NDIREQ_SIZE = 72;

    /** struct ifdrv (sys/net/if.h): name, unsigned long ifd_cmd, size_t ifd_len, void *ifd_data. */
    static final int IFDRV_CMD = IFNAMSIZ;
    static final int IFDRV_LEN = IFDRV_CMD + 8;
    static final int IFDRV_DATA = IFDRV_LEN + 8;
    static final int IFDRV_SIZE = IFDRV_DATA + 8;

    /** struct tuninfo (sys/net/if_tun.h): int baudrate; short mtu; u_char type; u_char dummy. */
    static final int TUNINFO_SIZE = 4 + 2 + 1 + 1;

    private static int align8(int n) {
        return (n + 7) & ~7;
    }
}
