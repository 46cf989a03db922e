package dev.tappers.posix;

/** How a system lays out the start of a {@code struct sockaddr}. */
public enum SockaddrLayout {
    /**
     * 4.4BSD style: {@code u8 sa_len; u8 sa_family}. macOS, FreeBSD, OpenBSD, NetBSD, DragonFly and AIX
     * (golang/sys {@code unix/ztypes_aix_ppc64.go}: RawSockaddrInet4/6 start with {@code Len uint8; Family uint8}).
     */
    LENGTH_PREFIXED,
    /** {@code u16 sa_family} in host byte order, no length byte: Linux and Solaris/illumos. */
    FAMILY_ONLY
}
