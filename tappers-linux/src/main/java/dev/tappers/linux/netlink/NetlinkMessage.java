package dev.tappers.linux.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_DONE;
import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_ERROR;
import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_HDRLEN;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_MULTI;
import static dev.tappers.linux.netlink.NetlinkConstants.align;
import static dev.tappers.linux.netlink.NetlinkConstants.messageTypeName;

/**
 * One received netlink message: the nlmsghdr fields and a read-only view of the payload (host byte order,
 * position 0). Obtained from {@link #parseDatagram}, which checks every length before anything is read.
 */
public final class NetlinkMessage {
    private final int type;
    private final int flags;
    private final int sequence;
    private final int portId;
    private final ByteBuffer payload;

    private NetlinkMessage(int type, int flags, int sequence, int portId, ByteBuffer payload) {
        this.type = type;
        this.flags = flags;
        this.sequence = sequence;
        this.portId = portId;
        this.payload = payload;
    }

    /**
     * Splits one datagram, from {@code datagram}'s position to its limit, into its messages. Each message starts
     * at the previous one's NLMSG_ALIGN'ed end; the last may end without padding.
     *
     * @throws MalformedNetlinkException when a message is shorter than its header, claims more bytes than the
     *                                   datagram holds, or fewer than 16 bytes trail the last message
     */
    public static List<NetlinkMessage> parseDatagram(ByteBuffer datagram) throws MalformedNetlinkException {
        ByteBuffer d = datagram.slice().order(ByteOrder.nativeOrder());
        int end = d.limit();
        List<NetlinkMessage> messages = new ArrayList<>();
        int offset = 0;
        while (offset < end) {
            int remaining = end - offset;
            if (remaining < NLMSG_HDRLEN) {
                throw new MalformedNetlinkException(remaining + " bytes at offset " + offset
                        + " are too few for a " + NLMSG_HDRLEN + "-byte nlmsghdr");
            }
            long length = Integer.toUnsignedLong(d.getInt(offset));
            if (length < NLMSG_HDRLEN || length > remaining) {
                throw new MalformedNetlinkException("message at offset " + offset + " declares nlmsg_len " + length
                        + "; it must be " + NLMSG_HDRLEN + "-" + remaining + " (the bytes left in the datagram)");
            }
            int len = (int) length;
            ByteBuffer body = d.slice(offset + NLMSG_HDRLEN, len - NLMSG_HDRLEN).asReadOnlyBuffer()
                    .order(ByteOrder.nativeOrder());
            messages.add(new NetlinkMessage(d.getShort(offset + 4) & 0xFFFF, d.getShort(offset + 6) & 0xFFFF,
                    d.getInt(offset + 8), d.getInt(offset + 12), body));
            // len >= 16, so the loop always moves forward.
            offset += Math.min(align(len), remaining);
        }
        return Collections.unmodifiableList(messages);
    }

    /** nlmsg_type: NLMSG_* or RTM_*. */
    public int type() {
        return type;
    }

    /** nlmsg_flags: NLM_F_*. */
    public int flags() {
        return flags;
    }

    /** nlmsg_seq: the sequence number of the request this answers. */
    public int sequence() {
        return sequence;
    }

    /** nlmsg_pid: the port id of the socket the reply is for. */
    public int portId() {
        return portId;
    }

    /** True when this is one part of a multi-part reply that NLMSG_DONE ends. */
    public boolean isMultipart() {
        return (flags & NLM_F_MULTI) != 0;
    }

    /** The bytes after the nlmsghdr: read-only, host byte order, position 0. */
    public ByteBuffer payload() {
        return payload.duplicate().order(ByteOrder.nativeOrder());
    }

    /**
     * The {@code int error} that starts an NLMSG_ERROR payload (0 for an ACK, -errno for a failure) or an
     * NLMSG_DONE payload (0, or -errno when a dump failed part-way); 0 for an NLMSG_DONE without a payload.
     */
    public int errorCode() throws MalformedNetlinkException {
        if (type != NLMSG_ERROR && type != NLMSG_DONE) {
            throw new IllegalStateException("errorCode() of a " + messageTypeName(type) + " message");
        }
        if (type == NLMSG_DONE && payload.limit() == 0) {
            return 0;
        }
        requirePayload(4, "the error code");
        return payload.getInt(0);
    }

    /** The attributes after a fixed header of {@code fixedHeaderSize} bytes (NLMSG_ALIGN'ed, as the kernel does). */
    public NetlinkAttributes attributes(int fixedHeaderSize) throws MalformedNetlinkException {
        requirePayload(fixedHeaderSize, "its fixed header");
        int from = Math.min(align(fixedHeaderSize), payload.limit());
        return NetlinkAttributes.parse(payload.slice(from, payload.limit() - from), messageTypeName(type));
    }

    void requirePayload(int bytes, String what) throws MalformedNetlinkException {
        if (payload.limit() < bytes) {
            throw new MalformedNetlinkException(messageTypeName(type) + " has a " + payload.limit()
                    + "-byte payload, too short for " + what + " (" + bytes + " bytes)");
        }
    }

    @Override
    public String toString() {
        return messageTypeName(type) + " flags=0x" + Integer.toHexString(flags) + " seq=" + Integer.toUnsignedString(sequence)
                + " pid=" + Integer.toUnsignedString(portId) + " payload=" + payload.limit() + " bytes";
    }
}
