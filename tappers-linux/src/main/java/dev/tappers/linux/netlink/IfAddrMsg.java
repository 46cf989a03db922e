package dev.tappers.linux.netlink;

import java.nio.ByteBuffer;

/**
 * {@code struct ifaddrmsg} ({@code <linux/if_addr.h>}), the fixed header of RTM_*ADDR messages, 8 bytes:
 * u8 ifa_family @0, u8 ifa_prefixlen @1, u8 ifa_flags @2, u8 ifa_scope @3, u32 ifa_index @4.
 *
 * @param flags the low 8 bits of the IFA_F_* flags; the full set travels in IFA_FLAGS
 */
record IfAddrMsg(int family, int prefixLength, int flags, int scope, int index) {
    static final int SIZE = 8;

    void writeTo(ByteBuffer b) {
        b.put((byte) family).put((byte) prefixLength).put((byte) flags).put((byte) scope).putInt(index);
    }

    static IfAddrMsg readFrom(NetlinkMessage m) throws MalformedNetlinkException {
        ByteBuffer p = m.payload();
        m.requirePayload(SIZE, "struct ifaddrmsg");
        return new IfAddrMsg(p.get(0) & 0xFF, p.get(1) & 0xFF, p.get(2) & 0xFF, p.get(3) & 0xFF, p.getInt(4));
    }
}
