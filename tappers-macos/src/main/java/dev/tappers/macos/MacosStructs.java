package dev.tappers.macos;

/**
 * Sizes and offsets of the xnu structs the macOS provider fills, for the LP64 ABI (arm64 and x86_64).
 * Offsets are derived from the sizes of the fields before them, so a wrong field size moves every later offset
 * and fails the tests against PLATFORMS.md section 2.
 */
final class MacosStructs {

    private MacosStructs() {
    }

    /** IFNAMSIZ: every request struct starts with the interface name (bsd/net/if.h). */
    static final int IFNAMSIZ = 16;

    /** struct sockaddr: {u8 sa_len; u8 sa_family; char sa_data[14]} (bsd/sys/socket.h). */
    static final int SOCKADDR_SIZE = 16;
    /** struct sockaddr_in6 (bsd/netinet6/in6.h). */
    static final int SOCKADDR_IN6_SIZE = 28;

    /** struct ifreq (bsd/net/if.h): name, then a 16-byte union whose ifru_flags is a short. */
    static final int IFREQ_SIZE = IFNAMSIZ + 16;
    static final int IFREQ_UNION = IFNAMSIZ;

    /** struct ifaliasreq (bsd/net/if.h): name, addr, broadaddr (dstaddr on point-to-point), mask. */
    static final int IFALIASREQ_ADDR = IFNAMSIZ;
    static final int IFALIASREQ_BROADADDR = IFALIASREQ_ADDR + SOCKADDR_SIZE;
    static final int IFALIASREQ_MASK = IFALIASREQ_BROADADDR + SOCKADDR_SIZE;
    static final int IFALIASREQ_SIZE = IFALIASREQ_MASK + SOCKADDR_SIZE;

    /** struct in6_addrlifetime (bsd/netinet6/in6_var.h): time_t expire, time_t preferred, u32 vltime, u32 pltime. */
    static final int IN6_ADDRLIFETIME_VLTIME = 16;
    static final int IN6_ADDRLIFETIME_PLTIME = 20;
    static final int IN6_ADDRLIFETIME_SIZE = 24;

    /** struct in6_aliasreq (bsd/netinet6/in6_var.h). */
    static final int IN6_ALIASREQ_ADDR = IFNAMSIZ;
    static final int IN6_ALIASREQ_DSTADDR = IN6_ALIASREQ_ADDR + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_PREFIXMASK = IN6_ALIASREQ_DSTADDR + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_FLAGS = IN6_ALIASREQ_PREFIXMASK + SOCKADDR_IN6_SIZE;
    static final int IN6_ALIASREQ_LIFETIME = IN6_ALIASREQ_FLAGS + 4;
    static final int IN6_ALIASREQ_SIZE = IN6_ALIASREQ_LIFETIME + IN6_ADDRLIFETIME_SIZE;

    /**
     * struct in6_ifreq (bsd/netinet6/in6_var.h): name, then a union whose largest member is
     * struct icmp6_ifstat, 34 u64 counters.
     */
    static final int IN6_IFREQ_ADDR = IFNAMSIZ;
    static final int IN6_IFREQ_SIZE = IFNAMSIZ + 34 * 8;

    /** struct ctl_info (bsd/sys/kern_control.h): u32 ctl_id, char ctl_name[MAX_KCTL_NAME]. */
    static final int MAX_KCTL_NAME = 96;
    static final int CTL_INFO_ID = 0;
    static final int CTL_INFO_NAME = 4;
    static final int CTL_INFO_SIZE = CTL_INFO_NAME + MAX_KCTL_NAME;

    /**
     * struct sockaddr_ctl (bsd/sys/kern_control.h): u8 sc_len, u8 sc_family, u16 ss_sysaddr, u32 sc_id,
     * u32 sc_unit, u32 sc_reserved[5].
     */
    static final int SOCKADDR_CTL_SYSADDR = 2;
    static final int SOCKADDR_CTL_ID = 4;
    static final int SOCKADDR_CTL_UNIT = 8;
    static final int SOCKADDR_CTL_RESERVED = 12;
    static final int SOCKADDR_CTL_SIZE = SOCKADDR_CTL_RESERVED + 5 * 4;

    /**
     * struct ifdrv (bsd/net/if.h, under #pragma pack(4)): name, unsigned long ifd_cmd, size_t ifd_len,
     * void *ifd_data; every field after the name is 8 bytes on LP64.
     */
    static final int IFDRV_CMD = IFNAMSIZ;
    static final int IFDRV_LEN = IFDRV_CMD + 8;
    static final int IFDRV_DATA = IFDRV_LEN + 8;
    static final int IFDRV_SIZE = IFDRV_DATA + 8;

    /** struct if_fake_request (bsd/net/if_fake_var.h): u64 iffr_reserved[4], then a 128-byte union. */
    static final int IF_FAKE_REQUEST_PEER_NAME = 4 * 8;
    static final int IF_FAKE_REQUEST_SIZE = IF_FAKE_REQUEST_PEER_NAME + 128;
}
