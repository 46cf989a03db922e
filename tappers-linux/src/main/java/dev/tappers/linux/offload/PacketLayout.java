package dev.tappers.linux.offload;

import java.nio.ByteBuffer;

/**
 * Where the headers of one IP packet lie, found by {@link #parse}: the IP version, the transport protocol, where
 * the transport header starts (after IPv4 options or IPv6 extension headers) and how long it is. A mutable
 * scratch object, reused for every packet (no allocation per packet); not thread-safe.
 *
 * <p>Every length is checked against the bytes present before it is used, so a truncated or lying packet
 * becomes a {@link MalformedPacketException}, never an index out of bounds.
 */
final class PacketLayout {
    // IANA protocol numbers (<netinet/in.h>)
    static final int IPPROTO_HOPOPTS = 0;
    static final int IPPROTO_TCP = 6;
    static final int IPPROTO_UDP = 17;
    static final int IPPROTO_ROUTING = 43;
    static final int IPPROTO_FRAGMENT = 44;
    static final int IPPROTO_DSTOPTS = 60;

    static final int IPV4_MIN_HEADER = 20;
    static final int IPV6_HEADER = 40;
    static final int TCP_MIN_HEADER = 20;
    static final int UDP_HEADER = 8;
    /** Offset of the checksum in the TCP header (RFC 9293), the csum_offset the kernel uses for TCP. */
    static final int TCP_CHECKSUM = 16;
    /** Offset of the checksum in the UDP header (RFC 768). */
    static final int UDP_CHECKSUM = 6;

    /** Bound on the IPv6 extension headers walked: each is at least 8 bytes, so 64 KiB holds fewer anyway. */
    private static final int MAX_EXTENSION_HEADERS = 16;

    /** 4 or 6. */
    int version;
    /** The packet's first byte in the buffer. */
    int start;
    /** The packet's length in bytes. */
    int length;
    /** IPv4: header length with options; IPv6: 40 + extension headers; that is, the L4 header's offset from start. */
    int l4Offset;
    /** IPv6 only: how many bytes of extension headers follow the fixed header. */
    int extensionBytes;
    /** IPPROTO_TCP or IPPROTO_UDP (anything else is refused). */
    int protocol;
    /** TCP: data offset * 4; UDP: 8. */
    int l4HeaderLength;

    /** The offset (from start) of the first payload byte. */
    int headerLength() {
        return l4Offset + l4HeaderLength;
    }

    int payloadLength() {
        return length - headerLength();
    }

    boolean ipv6() {
        return version == 6;
    }

    /**
     * Parses the packet in {@code b[start, start + length)}: an IPv4 or IPv6 packet carrying TCP or UDP, not a
     * fragment, whose IP length field agrees with {@code length}.
     *
     * @param operation named in the exception's message
     * @throws MalformedPacketException if it is not such a packet, with what is wrong
     */
    void parse(ByteBuffer b, int start, int length, String operation) {
        this.start = start;
        this.length = length;
        extensionBytes = 0;
        if (length < 1) {
            throw new MalformedPacketException(operation, "empty packet");
        }
        version = (b.get(start) & 0xFF) >>> 4;
        int next;
        if (version == 4) {
            if (length < IPV4_MIN_HEADER) {
                throw new MalformedPacketException(operation, "IPv4 header truncated: " + length + " bytes");
            }
            l4Offset = (b.get(start) & 0x0F) * 4;
            if (l4Offset < IPV4_MIN_HEADER || l4Offset > length) {
                throw new MalformedPacketException(operation, "IPv4 header length " + l4Offset + " in a "
                        + length + "-byte packet");
            }
            int total = u16(b, start + 2);
            if (total != length) {
                throw new MalformedPacketException(operation, "IPv4 total length " + total + " but the packet has "
                        + length + " bytes");
            }
            if ((u16(b, start + 6) & 0x3FFF) != 0) {
                throw new MalformedPacketException(operation, "IPv4 fragment (more-fragments or offset set)");
            }
            next = b.get(start + 9) & 0xFF;
        } else if (version == 6) {
            if (length < IPV6_HEADER) {
                throw new MalformedPacketException(operation, "IPv6 header truncated: " + length + " bytes");
            }
            int payload = u16(b, start + 4);
            if (payload != length - IPV6_HEADER) {
                // 0 is a jumbogram (RFC 2675, BIG TCP): larger than any buffer this code handles.
                throw new MalformedPacketException(operation, "IPv6 payload length " + payload + " but the packet has "
                        + (length - IPV6_HEADER) + " bytes after its header");
            }
            next = b.get(start + 6) & 0xFF;
            int at = IPV6_HEADER;
            for (int i = 0; isExtension(next); i++) {
                if (i == MAX_EXTENSION_HEADERS || length - at < 8) {
                    throw new MalformedPacketException(operation, "IPv6 extension header truncated at offset " + at);
                }
                if (next == IPPROTO_ROUTING && (b.get(start + at + 3) & 0xFF) != 0) {
                    // The pseudo-header would need the final destination, which lies inside the routing header.
                    throw new MalformedPacketException(operation, "IPv6 routing header with segments left");
                }
                int extLength = ((b.get(start + at + 1) & 0xFF) + 1) * 8;
                if (length - at < extLength) {
                    throw new MalformedPacketException(operation, "IPv6 extension header of " + extLength
                            + " bytes truncated at offset " + at);
                }
                next = b.get(start + at) & 0xFF;
                at += extLength;
            }
            if (next == IPPROTO_FRAGMENT) {
                throw new MalformedPacketException(operation, "IPv6 fragment");
            }
            l4Offset = at;
            extensionBytes = at - IPV6_HEADER;
        } else {
            throw new MalformedPacketException(operation, "IP version " + version + " is neither 4 nor 6");
        }
        protocol = next;
        int room = length - l4Offset;
        if (next == IPPROTO_TCP) {
            if (room < TCP_MIN_HEADER) {
                throw new MalformedPacketException(operation, "TCP header truncated: " + room + " bytes");
            }
            l4HeaderLength = ((b.get(start + l4Offset + 12) & 0xFF) >>> 4) * 4;
            if (l4HeaderLength < TCP_MIN_HEADER || l4HeaderLength > room) {
                throw new MalformedPacketException(operation, "TCP data offset " + l4HeaderLength + " with "
                        + room + " bytes of TCP segment");
            }
        } else if (next == IPPROTO_UDP) {
            if (room < UDP_HEADER) {
                throw new MalformedPacketException(operation, "UDP header truncated: " + room + " bytes");
            }
            l4HeaderLength = UDP_HEADER;
        } else {
            throw new MalformedPacketException(operation, "transport protocol " + next + " is neither TCP nor UDP");
        }
    }

    private static boolean isExtension(int header) {
        return header == IPPROTO_HOPOPTS || header == IPPROTO_ROUTING || header == IPPROTO_DSTOPTS;
    }

    static int u16(ByteBuffer b, int i) {
        return (b.get(i) & 0xFF) << 8 | (b.get(i + 1) & 0xFF);
    }

    static long u32(ByteBuffer b, int i) {
        return (long) u16(b, i) << 16 | u16(b, i + 2);
    }

    static void put16(ByteBuffer b, int i, int v) {
        b.put(i, (byte) (v >>> 8));
        b.put(i + 1, (byte) v);
    }

    static void put32(ByteBuffer b, int i, long v) {
        put16(b, i, (int) (v >>> 16));
        put16(b, i + 2, (int) v);
    }
}
