package dev.tappers.linux.netlink;

import java.nio.ByteBuffer;

/**
 * {@code struct ifinfomsg} ({@code <linux/rtnetlink.h>}), the fixed header of RTM_*LINK messages, 16 bytes:
 * u8 ifi_family @0, u8 pad @1, u16 ifi_type @2, i32 ifi_index @4, u32 ifi_flags @8, u32 ifi_change @12.
 *
 * @param family     an address family, AF_UNSPEC for links
 * @param deviceType ARPHRD_* in replies (1 = Ethernet, 65534 = none, as for TUN); 0 in requests
 * @param index      the interface index, 0 when the kernel picks or the name selects
 * @param flags      IFF_* interface flags
 * @param change     the mask of {@code flags} bits a request changes
 */
record IfInfoMsg(int family, int deviceType, int index, int flags, int change) {
    static final int SIZE = 16;

    /** A zeroed header naming one link, as requests that change a link use it. */
    static IfInfoMsg forIndex(int index) {
        return new IfInfoMsg(NetlinkConstants.AF_UNSPEC, 0, index, 0, 0);
    }

    void writeTo(ByteBuffer b) {
        b.put((byte) family).put((byte) 0).putShort((short) deviceType).putInt(index).putInt(flags).putInt(change);
    }

    static IfInfoMsg readFrom(NetlinkMessage m) throws MalformedNetlinkException {
        ByteBuffer p = m.payload();
        m.requirePayload(SIZE, "struct ifinfomsg");
        return new IfInfoMsg(p.get(0) & 0xFF, p.getShort(2) & 0xFFFF, p.getInt(4), p.getInt(8), p.getInt(12));
    }
}
