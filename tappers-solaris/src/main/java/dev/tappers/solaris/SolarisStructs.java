package dev.tappers.solaris;

/**
 * Sizes and offsets of the Solaris/illumos structs the provider fills (LP64; PLATFORMS.md section 7).
 * Sources: illumos-gate {@code usr/src/uts/common/net/if.h} (lifreq, ifreq) and {@code sys/stropts.h}
 * (strioctl); golang/sys {@code unix/ztypes_solaris_amd64.go} gives lifreq as name[32], lifru1[4], type u32,
 * and a 336-byte union.
 */
final class SolarisStructs {

    private SolarisStructs() {
    }

    /** IFNAMSIZ (net/if.h), for the 32-byte ifreq. */
    static final int IFNAMSIZ = 16;
    static final int IFREQ_SIZE = IFNAMSIZ + 16;

    /** LIFNAMSIZ (net/if.h): names hold at most 31 bytes; the kernel writes a NUL into the last one. */
    static final int LIFNAMSIZ = 32;

    /** struct lifreq: lifr_name, then a union holding lifr_ppa (used by SIOCSLIFNAME), then lifr_type. */
    static final int LIFREQ_PPA = LIFNAMSIZ;
    static final int LIFREQ_TYPE = LIFREQ_PPA + 4;
    /** The main union: lifr_addr (a sockaddr_storage), lifr_flags (u64), lifr_mtu, the two muxids... */
    static final int LIFREQ_UNION = LIFREQ_TYPE + 4;
    static final int LIFREQ_FLAGS = LIFREQ_UNION;
    static final int LIFREQ_MTU = LIFREQ_UNION;
    static final int LIFREQ_IP_MUXID = LIFREQ_UNION;
    static final int LIFREQ_ARP_MUXID = LIFREQ_IP_MUXID + 4;
    static final int LIFREQ_UNION_SIZE = 336;
    static final int LIFREQ_SIZE = LIFREQ_UNION + LIFREQ_UNION_SIZE;

    /** struct strioctl (sys/stropts.h): int ic_cmd, ic_timout, ic_len; char *ic_dp aligned to 8 on LP64. */
    static final int STRIOCTL_CMD = 0;
    static final int STRIOCTL_TIMOUT = 4;
    static final int STRIOCTL_LEN = 8;
    static final int STRIOCTL_DP = 16;
    static final int STRIOCTL_SIZE = STRIOCTL_DP + 8;
}
