package dev.tappers.tck.packets;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Big-endian field access shared by the codecs. Network byte order throughout. */
final class Bytes {
    private Bytes() {
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static void putU16(byte[] b, int off, int value) {
        b[off] = (byte) (value >>> 8);
        b[off + 1] = (byte) value;
    }

    /** The bytes from {@code buffer}'s position to its limit, leaving the buffer as it was. */
    static byte[] remaining(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    static byte[] slice(byte[] b, int off, int len) {
        byte[] out = new byte[len];
        System.arraycopy(b, off, out, 0, len);
        return out;
    }

    static Inet4Address ipv4(byte[] b, int off) {
        try {
            return (Inet4Address) InetAddress.getByAddress(slice(b, off, 4));
        } catch (UnknownHostException e) {
            throw new AssertionError("4 bytes are always an IPv4 address", e);
        }
    }

    /** Always an {@link Inet6Address}, even for an IPv4-mapped address, and without a scope. */
    static Inet6Address ipv6(byte[] b, int off) {
        try {
            return Inet6Address.getByAddress(null, slice(b, off, 16), -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("16 bytes are always an IPv6 address", e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static void requireLength(String what, byte[] b, int min) {
        if (b.length < min) {
            throw new IllegalArgumentException(what + ": " + b.length + " bytes is shorter than the " + min
                    + "-byte minimum");
        }
    }

    static int checkU16(String what, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " " + value + " is out of range 0-65535");
        }
        return value;
    }

    static int checkU8(String what, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(what + " " + value + " is out of range 0-255");
        }
        return value;
    }
}
