package dev.tappers.linux.netlink;

import java.nio.ByteBuffer;

/**
 * {@code struct rtmsg} ({@code <linux/rtnetlink.h>}), the fixed header of RTM_*ROUTE messages, 12 bytes:
 * u8 rtm_family @0, rtm_dst_len @1, rtm_src_len @2, rtm_tos @3, rtm_table @4, rtm_protocol @5, rtm_scope @6,
 * rtm_type @7, u32 rtm_flags @8.
 *
 * @param table the table id when it fits 8 bits; larger ids travel in RTA_TABLE with this field RT_TABLE_UNSPEC
 */
record RtMsg(int family, int dstLength, int srcLength, int tos, int table, int protocol, int scope, int type,
             int flags) {
    static final int SIZE = 12;

    void writeTo(ByteBuffer b) {
        b.put((byte) family).put((byte) dstLength).put((byte) srcLength).put((byte) tos).put((byte) table)
                .put((byte) protocol).put((byte) scope).put((byte) type).putInt(flags);
    }

    static RtMsg readFrom(NetlinkMessage m) throws MalformedNetlinkException {
        ByteBuffer p = m.payload();
        m.requirePayload(SIZE, "struct rtmsg");
        return new RtMsg(p.get(0) & 0xFF, p.get(1) & 0xFF, p.get(2) & 0xFF, p.get(3) & 0xFF, p.get(4) & 0xFF,
                p.get(5) & 0xFF, p.get(6) & 0xFF, p.get(7) & 0xFF, p.getInt(8));
    }
}
