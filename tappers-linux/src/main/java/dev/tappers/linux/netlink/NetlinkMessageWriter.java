package dev.tappers.linux.netlink;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

import static dev.tappers.linux.netlink.NetlinkConstants.NLA_F_NESTED;
import static dev.tappers.linux.netlink.NetlinkConstants.NLA_HDRLEN;
import static dev.tappers.linux.netlink.NetlinkConstants.NLA_TYPE_MASK;
import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_HDRLEN;
import static dev.tappers.linux.netlink.NetlinkConstants.align;

/**
 * Writes one netlink message: the nlmsghdr, one fixed header, then attributes, each padded to 4 bytes
 * (RTA_ALIGN) while its own length field counts only header + payload. Nested attributes are opened with
 * {@link #beginNested} and closed with {@link #end}, which patches their length; {@link #finish} patches the
 * message length. Everything is in host byte order, as the kernel expects.
 *
 * <pre>{@code
 * ByteBuffer m = NetlinkMessageWriter.create(RTM_NEWLINK, flags)
 *         .ifinfomsg(IfInfoMsg.forIndex(0))
 *         .string(IFLA_IFNAME, "veth0")
 *         .finish();
 * }</pre>
 *
 * <p>The sequence number and port id are written as 0: {@link Rtnetlink} stamps a fresh sequence number when it
 * sends the message, and the kernel fills in the port id.
 */
public final class NetlinkMessageWriter {
    private static final int INITIAL_CAPACITY = 256;
    /** rta_len is a u16. */
    private static final int MAX_ATTRIBUTE_LENGTH = 0xFFFF;

    private final ByteBuffer target;
    private final boolean growable;
    private ByteBuffer buf;
    private final int start;
    private final Deque<Integer> open = new ArrayDeque<>();
    private boolean finished;

    private NetlinkMessageWriter(ByteBuffer target, boolean growable, int type, int flags) {
        checkRange("message type", type, 0, 0xFFFF);
        checkRange("message flags", flags, 0, 0xFFFF);
        this.target = target;
        this.growable = growable;
        // A duplicate: the caller's buffer keeps its own byte order; only its position moves, in finish().
        this.buf = target.duplicate().order(ByteOrder.nativeOrder());
        this.start = buf.position();
        ensure(NLMSG_HDRLEN);
        buf.putInt(0).putShort((short) type).putShort((short) flags).putInt(0).putInt(0);
    }

    /** Starts a message in a buffer of its own, which grows as needed. */
    public static NetlinkMessageWriter create(int type, int flags) {
        return new NetlinkMessageWriter(ByteBuffer.allocate(INITIAL_CAPACITY), true, type, flags);
    }

    /**
     * Starts a message at {@code target}'s position. {@link #finish} moves that position past the message. A
     * message that does not fit throws {@link IllegalStateException}; nothing past the limit is written.
     */
    public static NetlinkMessageWriter into(ByteBuffer target, int type, int flags) {
        Objects.requireNonNull(target, "target buffer");
        if (target.isReadOnly()) {
            throw new IllegalArgumentException("netlink message: target buffer is read-only");
        }
        return new NetlinkMessageWriter(target, false, type, flags);
    }

    /** Writes a {@code struct ifinfomsg}. */
    NetlinkMessageWriter ifinfomsg(IfInfoMsg h) {
        ensure(IfInfoMsg.SIZE);
        h.writeTo(buf);
        return this;
    }

    /** Writes a {@code struct ifaddrmsg}. */
    NetlinkMessageWriter ifaddrmsg(IfAddrMsg h) {
        ensure(IfAddrMsg.SIZE);
        h.writeTo(buf);
        return this;
    }

    /** Writes a {@code struct rtmsg}. */
    NetlinkMessageWriter rtmsg(RtMsg h) {
        ensure(RtMsg.SIZE);
        h.writeTo(buf);
        return this;
    }

    public NetlinkMessageWriter u8(int attributeType, int value) {
        checkRange("u8 attribute " + attributeType + " value", value, 0, 0xFF);
        beginAttribute(attributeType, 1);
        buf.put((byte) value);
        return endAttribute();
    }

    public NetlinkMessageWriter u16(int attributeType, int value) {
        checkRange("u16 attribute " + attributeType + " value", value, 0, 0xFFFF);
        beginAttribute(attributeType, 2);
        buf.putShort((short) value);
        return endAttribute();
    }

    /** A u32 attribute; {@code value} is taken as unsigned, so any int is valid. */
    public NetlinkMessageWriter u32(int attributeType, int value) {
        beginAttribute(attributeType, 4);
        buf.putInt(value);
        return endAttribute();
    }

    public NetlinkMessageWriter bytes(int attributeType, byte[] value) {
        Objects.requireNonNull(value, "attribute value");
        beginAttribute(attributeType, value.length);
        buf.put(value);
        return endAttribute();
    }

    /** An address in network byte order: 4 bytes for IPv4, 16 for IPv6. */
    public NetlinkMessageWriter address(int attributeType, InetAddress value) {
        Objects.requireNonNull(value, "address attribute value");
        return bytes(attributeType, value.getAddress());
    }

    /** A NUL-terminated UTF-8 string (NLA_NUL_STRING / NLA_STRING as the kernel reads names and kinds). */
    public NetlinkMessageWriter string(int attributeType, String value) {
        Objects.requireNonNull(value, "string attribute value");
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("string attribute " + attributeType + " \"" + value.replace("\0", "\\0")
                    + "\" contains a NUL character");
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        beginAttribute(attributeType, utf8.length + 1);
        buf.put(utf8).put((byte) 0);
        return endAttribute();
    }

    /**
     * Opens a nested attribute (NLA_F_NESTED set); the attributes written until {@link #end} form its payload.
     *
     * @return the mark to pass to {@link #end}
     */
    public int beginNested(int attributeType) {
        return begin(attributeType | NLA_F_NESTED, attributeType);
    }

    /**
     * Opens an attribute whose payload is written piecewise and is not a plain list of attributes, so it does
     * not get NLA_F_NESTED: VETH_INFO_PEER, whose payload is a {@code struct ifinfomsg} followed by attributes.
     *
     * @return the mark to pass to {@link #end}
     */
    public int beginStructured(int attributeType) {
        return begin(attributeType, attributeType);
    }

    private int begin(int rawType, int attributeType) {
        checkOpen();
        checkRange("attribute type", attributeType, 0, NLA_TYPE_MASK);
        ensure(NLA_HDRLEN);
        int mark = buf.position();
        buf.putShort((short) 0).putShort((short) rawType);
        open.push(mark);
        return mark;
    }

    /** Closes the attribute opened at {@code mark}: its length becomes everything written since, padding included. */
    public NetlinkMessageWriter end(int mark) {
        checkOpen();
        Integer innermost = open.peek();
        if (innermost == null || innermost != mark) {
            throw new IllegalStateException("netlink message: end(" + mark + ") does not close the innermost open"
                    + " attribute (" + (innermost == null ? "none is open" : "that is at " + innermost) + ")");
        }
        open.pop();
        pad();
        int length = buf.position() - mark;
        if (length > MAX_ATTRIBUTE_LENGTH) {
            throw new IllegalArgumentException("netlink attribute of " + length + " bytes exceeds the u16 length");
        }
        buf.putShort(mark, (short) length);
        return this;
    }

    /**
     * Patches the total length and returns the message: a buffer in host byte order from 0 to its length. For
     * {@link #into}, the target's position moves past the message and the result is a view of the target.
     */
    public ByteBuffer finish() {
        checkOpen();
        if (!open.isEmpty()) {
            throw new IllegalStateException("netlink message: " + open.size() + " nested attribute(s) not closed");
        }
        finished = true;
        int end = buf.position();
        buf.putInt(start, end - start);
        if (!growable) {
            target.position(end);
        }
        return buf.duplicate().position(start).limit(end).slice().order(ByteOrder.nativeOrder());
    }

    private void beginAttribute(int attributeType, int payloadLength) {
        checkOpen();
        checkRange("attribute type", attributeType, 0, NLA_TYPE_MASK);
        int length = NLA_HDRLEN + payloadLength;
        if (length > MAX_ATTRIBUTE_LENGTH) {
            throw new IllegalArgumentException("netlink attribute " + attributeType + ": payload of " + payloadLength
                    + " bytes exceeds the u16 length");
        }
        ensure(align(length));
        buf.putShort((short) length).putShort((short) attributeType);
    }

    private NetlinkMessageWriter endAttribute() {
        pad();
        return this;
    }

    /** Zero bytes up to the next 4-byte boundary, counted from the start of the message. */
    private void pad() {
        int written = buf.position() - start;
        int padding = align(written) - written;
        ensure(padding);
        for (int i = 0; i < padding; i++) {
            buf.put((byte) 0);
        }
    }

    private void ensure(int bytes) {
        if (buf.remaining() >= bytes) {
            return;
        }
        if (!growable) {
            throw new IllegalStateException("netlink message does not fit: needs " + bytes + " more bytes at offset "
                    + (buf.position() - start) + ", " + buf.remaining() + " left in the buffer");
        }
        int needed = buf.position() + bytes;
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(needed, buf.capacity() * 2)).order(ByteOrder.nativeOrder());
        buf.flip();
        bigger.put(buf);
        buf = bigger;
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("netlink message already finished");
        }
    }

    private static void checkRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("netlink " + what + " " + value + " is out of range " + min + "-" + max);
        }
    }
}
