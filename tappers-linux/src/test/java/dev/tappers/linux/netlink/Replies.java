package dev.tappers.linux.netlink;

import java.io.ByteArrayOutputStream;

import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_DONE;
import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_ERROR;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_MULTI;

/** Hand-built kernel replies: messages (NLMSG_ALIGN'ed) and datagrams made of them. */
final class Replies {
    private Replies() {
    }

    /** One message: nlmsghdr + payload, padded to 4 bytes. */
    static byte[] message(int type, int flags, int seq, byte[] payload) {
        int length = 16 + payload.length;
        Bytes b = Bytes.of().header(length, type, flags, seq, 4242).raw(payload);
        b.zeros(NetlinkConstants.align(length) - length);
        return b.toArray();
    }

    /** NLMSG_ERROR with {@code error} (0 = ACK, -errno) and the first 16 bytes of the request echoed. */
    static byte[] error(int seq, int error, int requestType) {
        byte[] payload = Bytes.of().u32(error).header(32, requestType, 0x605, seq, 0).toArray();
        return message(NLMSG_ERROR, 0, seq, payload);
    }

    static byte[] ack(int seq, int requestType) {
        return error(seq, 0, requestType);
    }

    /** NLMSG_DONE with the int that newer kernels put there (0). */
    static byte[] done(int seq) {
        return message(NLMSG_DONE, NLM_F_MULTI, seq, Bytes.of().u32(0).toArray());
    }

    static byte[] datagram(byte[]... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            out.writeBytes(m);
        }
        return out.toByteArray();
    }
}
