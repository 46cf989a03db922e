package dev.tappers.windows;

/** Windows values the provider needs beyond structs and control codes (PLATFORMS.md sections 0 and 9.3). */
final class WindowsConstants {

    private WindowsConstants() {
    }

    /** AF_INET and AF_INET6 (ws2def.h): 23 on Windows, not Linux's 10 nor any BSD's. */
    static final int AF_INET = 2;
    static final int AF_INET6 = 23;

    /** NL_DAD_STATE (nldef.h): InitializeUnicastIpAddressEntry leaves 0; set 4 to skip DAD on a tunnel. */
    static final int IP_DAD_STATE_INVALID = 0;
    static final int IP_DAD_STATE_PREFERRED = 4;
    /** IpPrefixOriginUnchanged / IpSuffixOriginUnchanged (nldef.h), InitializeUnicastIpAddressEntry's defaults. */
    static final int IP_PREFIX_ORIGIN_UNCHANGED = 16;
    static final int IP_SUFFIX_ORIGIN_UNCHANGED = 16;
    /** An infinite valid or preferred lifetime. */
    static final int INFINITE_LIFETIME = 0xFFFF_FFFF;

    /**
     * The SitePrefixLength to write back before SetIpInterfaceEntry, or the read value when it is in range:
     * GetIpInterfaceEntry can return one out of range, and SetIpInterfaceEntry then fails with
     * ERROR_INVALID_PARAMETER (the wireguard-windows workaround: 0 above 32 for IPv4, 128 above 128 for IPv6).
     */
    static int sitePrefixLengthToSet(int family, int read) {
        if (family == AF_INET) {
            return read < 0 || read > 32 ? 0 : read;
        }
        if (family == AF_INET6) {
            return read < 0 || read > 128 ? 128 : read;
        }
        throw new IllegalArgumentException("set interface entry: family " + family + " is neither AF_INET (2) nor "
                + "AF_INET6 (23)");
    }
}
