package dev.tappers.linux.netlink;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static dev.tappers.linux.netlink.NetlinkConstants.AF_INET;
import static dev.tappers.linux.netlink.NetlinkConstants.AF_INET6;
import static dev.tappers.linux.netlink.NetlinkConstants.NLA_F_NESTED;
import static dev.tappers.linux.netlink.NetlinkConstants.NLA_TYPE_MASK;

/**
 * One received attribute. The typed getters check the payload size, so a wrong-sized attribute is reported
 * instead of read past or half-read.
 */
public final class NetlinkAttribute {
    private final int rawType;
    private final ByteBuffer payload;
    private final String where;

    NetlinkAttribute(int rawType, ByteBuffer payload, String where) {
        this.rawType = rawType;
        this.payload = payload;
        this.where = where;
    }

    /** The attribute type without the NLA_F_NESTED and NLA_F_NET_BYTEORDER bits. */
    public int type() {
        return rawType & NLA_TYPE_MASK;
    }

    /** True when the sender marked the attribute NLA_F_NESTED (many kernel replies nest without marking). */
    public boolean isMarkedNested() {
        return (rawType & NLA_F_NESTED) != 0;
    }

    /** The payload length, without the header and padding. */
    public int length() {
        return payload.limit();
    }

    /** The payload: read-only, host byte order, position 0. */
    public ByteBuffer payload() {
        return payload.duplicate().order(ByteOrder.nativeOrder());
    }

    public int u8() throws MalformedNetlinkException {
        requireLength(1, "u8");
        return payload.get(0) & 0xFF;
    }

    public int u16() throws MalformedNetlinkException {
        requireLength(2, "u16");
        return payload.getShort(0) & 0xFFFF;
    }

    /** The u32 value in an int; use {@link Integer#toUnsignedLong} where values above 2^31 matter. */
    public int u32() throws MalformedNetlinkException {
        requireLength(4, "u32");
        return payload.getInt(0);
    }

    public byte[] bytes() {
        byte[] b = new byte[payload.limit()];
        payload.get(0, b);
        return b;
    }

    /** A string up to its first NUL (or the whole payload when there is none), decoded as UTF-8. */
    public String string() {
        byte[] b = bytes();
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /** An address of {@code family} (AF_INET: 4 bytes, AF_INET6: 16 bytes, network byte order). */
    public InetAddress address(int family) throws MalformedNetlinkException {
        try {
            if (family == AF_INET) {
                requireLength(4, "IPv4 address");
                return Inet4Address.getByAddress(bytes());
            }
            if (family == AF_INET6) {
                requireLength(16, "IPv6 address");
                // Built as Inet6Address even for ::ffff:a.b.c.d, which InetAddress.getByAddress would turn into IPv4.
                return Inet6Address.getByAddress(null, bytes(), -1);
            }
        } catch (UnknownHostException e) {
            throw new MalformedNetlinkException(describe() + ": " + e.getMessage());
        }
        throw new MalformedNetlinkException(describe() + ": address of unknown family " + family);
    }

    /** The payload parsed as attributes, whether or not NLA_F_NESTED is set. */
    public NetlinkAttributes nested() throws MalformedNetlinkException {
        return NetlinkAttributes.parse(payload, describe());
    }

    private void requireLength(int expected, String kind) throws MalformedNetlinkException {
        if (payload.limit() != expected) {
            throw new MalformedNetlinkException(describe() + " has a " + payload.limit() + "-byte payload; a " + kind
                    + " needs " + expected);
        }
    }

    private String describe() {
        return where + " attribute type " + type();
    }

    @Override
    public String toString() {
        return "attribute type " + type() + (isMarkedNested() ? " (nested)" : "") + ", " + payload.limit() + " bytes";
    }
}
