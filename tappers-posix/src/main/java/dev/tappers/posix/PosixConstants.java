package dev.tappers.posix;

import dev.tappers.OsFamily;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Address families, interface-name sizes and interface flags of each POSIX system: the values that differ
 * between systems and that every provider needs for sockaddrs, packet headers and name checks.
 *
 * <p>Source for every column: PLATFORMS.md section 0, which took them from the Linux UAPI headers (compiled) and
 * golang/sys @e8c1c32 {@code unix/zerrors_{darwin_arm64,freebsd_amd64,dragonfly_amd64,openbsd_amd64,
 * netbsd_amd64,solaris_amd64,aix_ppc64}.go}. Solaris LIFNAMSIZ: illumos-gate {@code usr/src/uts/common/net/if.h}.
 * Solaris sockaddr_in6 size: golang/sys {@code unix/ztypes_solaris_amd64.go} (SizeofSockaddrInet6 = 0x20;
 * illumos {@code netinet/in.h} ends the struct with {@code uint32_t __sin6_src_id}).
 */
public enum PosixConstants {
    // AF_LINK -1: the system has none.
    //        os                AF_INET6 AF_LINK   IFNAMSIZ longest name IFF_MULTICAST layout                          sockaddr_in6
    LINUX(OsFamily.LINUX,         10,    -1,       16,      15,          0x1000,  SockaddrLayout.FAMILY_ONLY,      28),
    MACOS(OsFamily.MACOS,         30,    18,       16,      15,          0x8000,  SockaddrLayout.LENGTH_PREFIXED,  28),
    FREEBSD(OsFamily.FREEBSD,     28,    18,       16,      15,          0x8000,  SockaddrLayout.LENGTH_PREFIXED,  28),
    DRAGONFLY(OsFamily.DRAGONFLY, 28,    18,       16,      15,          0x8000,  SockaddrLayout.LENGTH_PREFIXED,  28),
    OPENBSD(OsFamily.OPENBSD,     24,    18,       16,      15,          0x8000,  SockaddrLayout.LENGTH_PREFIXED,  28),
    NETBSD(OsFamily.NETBSD,       24,    18,       16,      15,          0x8000,  SockaddrLayout.LENGTH_PREFIXED,  28),
    // Solaris names interfaces through lifreq: LIFNAMSIZ 32, and the kernel keeps the last byte for the NUL.
    SOLARIS(OsFamily.SOLARIS,     26,    25,       16,      31,          0x0800,  SockaddrLayout.FAMILY_ONLY,      32),
    AIX(OsFamily.AIX,             24,    18,       16,      15,          0x80000, SockaddrLayout.LENGTH_PREFIXED,  28);

    /** AF_INET is 2 on every system (and on Windows). */
    public static final int AF_INET = 2;
    /** The interface flags below have the same bits on every POSIX system in this table. */
    public static final int IFF_UP = 0x1;
    public static final int IFF_BROADCAST = 0x2;
    public static final int IFF_POINTOPOINT = 0x10;
    public static final int IFF_RUNNING = 0x40;
    public static final int IFF_NOARP = 0x80;
    /** sockaddr_in is 16 bytes everywhere. */
    public static final int SOCKADDR_IN_SIZE = 16;

    private final OsFamily os;
    private final int afInet6;
    private final int afLink;
    private final int ifNameSize;
    private final int longestInterfaceName;
    private final int iffMulticast;
    private final SockaddrLayout sockaddrLayout;
    private final int sockaddrIn6Size;

    PosixConstants(OsFamily os, int afInet6, int afLink, int ifNameSize, int longestInterfaceName,
                   int iffMulticast, SockaddrLayout sockaddrLayout, int sockaddrIn6Size) {
        this.os = os;
        this.afInet6 = afInet6;
        this.afLink = afLink;
        this.ifNameSize = ifNameSize;
        this.longestInterfaceName = longestInterfaceName;
        this.iffMulticast = iffMulticast;
        this.sockaddrLayout = sockaddrLayout;
        this.sockaddrIn6Size = sockaddrIn6Size;
    }

    /**
     * The table for {@code os}.
     *
     * @throws IllegalArgumentException for Windows and OTHER, which are not POSIX systems
     */
    public static PosixConstants of(OsFamily os) {
        Objects.requireNonNull(os, "os");
        for (PosixConstants c : values()) {
            if (c.os == os) {
                return c;
            }
        }
        throw new IllegalArgumentException("POSIX constants: os " + os + " is not a POSIX system in the table");
    }

    public OsFamily os() {
        return os;
    }

    public int afInet() {
        return AF_INET;
    }

    public int afInet6() {
        return afInet6;
    }

    /** AF_LINK, the family of link-layer sockaddrs (sockaddr_dl); Linux has none (it uses AF_PACKET). */
    public OptionalInt afLink() {
        return afLink < 0 ? OptionalInt.empty() : OptionalInt.of(afLink);
    }

    /** The address family for IP {@code version} 4 or 6. */
    public int afForIpVersion(int version) {
        if (version == 4) {
            return AF_INET;
        }
        if (version == 6) {
            return afInet6;
        }
        throw new IllegalArgumentException("address family for IP version: version " + version + " is not 4 or 6");
    }

    /** IFNAMSIZ: the size of {@code ifr_name}, NUL included. */
    public int ifNameSize() {
        return ifNameSize;
    }

    /** The longest interface name the system accepts, in bytes, without the NUL. */
    public int longestInterfaceName() {
        return longestInterfaceName;
    }

    public int iffMulticast() {
        return iffMulticast;
    }

    public SockaddrLayout sockaddrLayout() {
        return sockaddrLayout;
    }

    /** sizeof(struct sockaddr_in6): 28, or 32 on Solaris/illumos. */
    public int sockaddrIn6Size() {
        return sockaddrIn6Size;
    }
}
