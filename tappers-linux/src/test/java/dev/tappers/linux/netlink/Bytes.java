package dev.tappers.linux.netlink;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Builds expected byte layouts field by field, in host byte order like the kernel's, so tests spell out each
 * header and attribute as PLATFORMS.md section 1.3 describes it.
 */
final class Bytes {
    private final ByteBuffer b = ByteBuffer.allocate(64 * 1024).order(ByteOrder.nativeOrder());

    static Bytes of() {
        return new Bytes();
    }

    Bytes u8(int... values) {
        for (int v : values) {
            b.put((byte) v);
        }
        return this;
    }

    Bytes u16(int v) {
        b.putShort((short) v);
        return this;
    }

    Bytes u32(int v) {
        b.putInt(v);
        return this;
    }

    /** An rtattr/nlattr header: u16 length (header + payload, unpadded), u16 type. */
    Bytes attr(int length, int type) {
        return u16(length).u16(type);
    }

    /** An nlmsghdr: u32 len, u16 type, u16 flags, u32 seq, u32 pid. */
    Bytes header(int length, int type, int flags, int seq, int pid) {
        return u32(length).u16(type).u16(flags).u32(seq).u32(pid);
    }

    Bytes zeros(int n) {
        for (int i = 0; i < n; i++) {
            b.put((byte) 0);
        }
        return this;
    }

    Bytes ip(String literal) {
        b.put(address(literal).getAddress());
        return this;
    }

    /** The UTF-8 bytes of {@code s} followed by a NUL. */
    Bytes cstring(String s) {
        b.put(s.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
        return this;
    }

    Bytes raw(byte[] bytes) {
        b.put(bytes);
        return this;
    }

    int length() {
        return b.position();
    }

    byte[] toArray() {
        byte[] out = new byte[b.position()];
        b.get(0, out);
        return out;
    }

    static byte[] toArray(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
