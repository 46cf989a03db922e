package dev.tappers.aix;

/**
 * Sizes of the AIX structs the provider fills (64-bit; PLATFORMS.md section 8). The ifreq size comes from the
 * request numbers golang/sys {@code unix/zerrors_aix_ppc64.go} lists (SIOCSIFFLAGS 0x80286910 encodes 0x28).
 */
final class AixStructs {

    private AixStructs() {
    }

    /** IFNAMSIZ (net/if.h). */
    static final int IFNAMSIZ = 16;
    static final int SOCKADDR_SIZE = 16;
    /** struct ifreq: name and a 24-byte union on 64-bit AIX. */
    static final int IFREQ_SIZE = IFNAMSIZ + 24;
    /** struct ifaliasreq: name, addr, broadaddr (dstaddr), mask. */
    static final int IFALIASREQ_SIZE = IFNAMSIZ + 3 * SOCKADDR_SIZE;
}
