package dev.tappers.linux.offload;

import java.nio.ByteBuffer;

import static dev.tappers.linux.offload.PacketLayout.IPPROTO_TCP;
import static dev.tappers.linux.offload.PacketLayout.IPPROTO_UDP;
import static dev.tappers.linux.offload.PacketLayout.TCP_CHECKSUM;
import static dev.tappers.linux.offload.PacketLayout.UDP_CHECKSUM;
import static dev.tappers.linux.offload.PacketLayout.put16;
import static dev.tappers.linux.offload.PacketLayout.put32;
import static dev.tappers.linux.offload.PacketLayout.u16;
import static dev.tappers.linux.offload.PacketLayout.u32;

/**
 * Cuts what a TUN with {@code IFF_VNET_HDR} and {@code TUNSETOFFLOAD} hands out (a virtio-net header and a
 * packet that may be a GSO super-packet) into the ordinary packets the sender's kernel would have put on a wire,
 * for readers that want one packet per receive.
 *
 * <p>Each segment gets the super-packet's IP and transport headers with:
 * <ul>
 *   <li>IPv4: total length of the segment, identification incremented per segment (as the kernel's
 *       segmentation does unless the flow uses fixed IDs), header checksum recomputed;</li>
 *   <li>IPv6: payload length of the segment (extension headers included; they are copied to every segment);</li>
 *   <li>TCP: sequence number advanced by gso_size per segment, FIN and PSH only on the last segment, CWR only on
 *       the first, checksum computed afresh;</li>
 *   <li>UDP (GSO_UDP_L4, "USO"): length of the segment, checksum computed afresh (0 sent as 0xFFFF).</li>
 * </ul>
 * Checksums are computed from the bytes, not derived from the partial sum the kernel left in the super-packet, so
 * a wrong partial sum cannot spread to the segments. A GSO_NONE packet is copied whole, its checksum completed
 * when {@link VirtioNetHeader#F_NEEDS_CSUM} is set (the generic rule: sum from csum_start to the end, store the
 * complement at csum_start + csum_offset, 0 stored as 0xFFFF, as the kernel's skb_checksum_help does).
 *
 * <p>hdr_len is only bounds-checked: the kernel fills it with the length of the first buffer of the socket
 * buffer, which can be the headers, more, or the whole first segment on the forwarding path, so the real header
 * length is parsed from the packet (csum_start + the TCP data offset, or + 8 for UDP).
 *
 * <p>Nothing is allocated; not thread-safe (one splitter per reader).
 */
public final class GsoSplitter {
    private static final String SPLIT = "GSO split";

    private static final int TCP_FLAGS = 13;
    private static final int FIN = 0x01;
    private static final int PSH = 0x08;
    private static final int CWR = 0x80;

    private final PacketLayout layout = new PacketLayout();

    /**
     * How many packets {@link #split} will make of this packet: 1 for GSO_NONE, else the payload divided by
     * gso_size, rounded up. Validates exactly as split does.
     *
     * @param packet the IP packet (after the virtio-net header) from its position to its limit
     * @throws MalformedPacketException as {@link #split}
     */
    public int segmentCount(VirtioNetHeader header, ByteBuffer packet) {
        int length = packet.remaining();
        if (header.gsoKind() == VirtioNetHeader.GSO_NONE) {
            checkPartialChecksum(header, length);
            return 1;
        }
        check(header, packet, packet.position(), length);
        return segments(layout.payloadLength(), header.gsoSize());
    }

    /**
     * The length of the IP and transport headers every segment carries, as found by the last
     * {@link #segmentCount} or {@link #split} of a GSO packet (the whole packet for GSO_NONE is not parsed).
     */
    public int lastHeaderLength() {
        return layout.headerLength();
    }

    /**
     * Writes the packets {@code packet} stands for: segment i at {@code out[i]}'s position, which advances past it
     * (as a relative put does). {@code packet} is read from its position to its limit and left unchanged.
     *
     * @return how many of {@code out} were written, from 1 to {@code out.length}
     * @throws MalformedPacketException if the header or packet cannot be split (nothing is written then)
     * @throws IllegalArgumentException if {@code out} has too few buffers or one lacks room (nothing written)
     */
    public int split(VirtioNetHeader header, ByteBuffer packet, ByteBuffer[] out) {
        int start = packet.position();
        int length = packet.remaining();
        if (header.gsoKind() == VirtioNetHeader.GSO_NONE) {
            checkPartialChecksum(header, length);
            ByteBuffer dst = room(out, 1, 0, length);
            int at = dst.position();
            dst.put(at, packet, start, length);
            if (header.needsChecksum()) {
                int field = at + header.csumStart() + header.csumOffset();
                // The field holds the pseudo-header sum already: it is part of the summed range.
                int sum = InternetChecksum.finish(InternetChecksum.sum(dst, at + header.csumStart(),
                        length - header.csumStart()));
                put16(dst, field, sum == 0 ? 0xFFFF : sum);
            }
            dst.position(at + length);
            return 1;
        }
        check(header, packet, start, length);
        int mss = header.gsoSize();
        int headers = layout.headerLength();
        int payload = layout.payloadLength();
        int count = segments(payload, mss);
        for (int i = 0; i < count; i++) { // check every buffer before writing any
            room(out, count, i, headers + Math.min(mss, payload - i * mss));
        }
        boolean tcp = layout.protocol == IPPROTO_TCP;
        int l4 = layout.l4Offset;
        int ipId = layout.ipv6() ? 0 : u16(packet, start + 4);
        long seq = tcp ? u32(packet, start + l4 + 4) : 0;
        int flags = tcp ? packet.get(start + l4 + TCP_FLAGS) & 0xFF : 0;
        for (int i = 0; i < count; i++) {
            int segPayload = Math.min(mss, payload - i * mss);
            int segLength = headers + segPayload;
            ByteBuffer dst = out[i];
            int at = dst.position();
            dst.put(at, packet, start, headers);
            dst.put(at + headers, packet, start + headers + i * mss, segPayload);
            if (layout.ipv6()) {
                put16(dst, at + 4, segLength - PacketLayout.IPV6_HEADER);
            } else {
                put16(dst, at + 2, segLength);
                put16(dst, at + 4, (ipId + i) & 0xFFFF);
                put16(dst, at + 10, 0);
                put16(dst, at + 10, InternetChecksum.finish(InternetChecksum.sum(dst, at, l4)));
            }
            int l4Length = segLength - l4;
            int checksumField;
            if (tcp) {
                put32(dst, at + l4 + 4, (seq + (long) i * mss) & 0xFFFF_FFFFL);
                int f = flags;
                if (i != count - 1) {
                    f &= ~(FIN | PSH);
                }
                if (i != 0) {
                    f &= ~CWR;
                }
                dst.put(at + l4 + TCP_FLAGS, (byte) f);
                checksumField = at + l4 + TCP_CHECKSUM;
            } else {
                put16(dst, at + l4 + 4, l4Length);
                checksumField = at + l4 + UDP_CHECKSUM;
            }
            put16(dst, checksumField, 0);
            long sum = InternetChecksum.pseudoHeader(dst, at, layout.ipv6(), layout.protocol, l4Length)
                    + InternetChecksum.sum(dst, at + l4, l4Length);
            int checksum = InternetChecksum.finish(sum);
            put16(dst, checksumField, checksum == 0 && !tcp ? 0xFFFF : checksum);
            dst.position(at + segLength);
        }
        return count;
    }

    private static int segments(int payload, int mss) {
        return (payload + mss - 1) / mss;
    }

    private static void checkPartialChecksum(VirtioNetHeader header, int length) {
        if (header.needsChecksum() && (long) header.csumStart() + header.csumOffset() + 2 > length) {
            throw new MalformedPacketException(SPLIT, "checksum at csum_start " + header.csumStart()
                    + " + csum_offset " + header.csumOffset() + " lies beyond the " + length + "-byte packet");
        }
        if (header.hdrLen() > length) {
            throw new MalformedPacketException(SPLIT, "hdr_len " + header.hdrLen() + " exceeds the " + length
                    + "-byte packet");
        }
    }

    /** Validates a GSO header against its packet and fills {@link #layout}. */
    private void check(VirtioNetHeader header, ByteBuffer packet, int start, int length) {
        int kind = header.gsoKind();
        boolean ecn = (header.gsoType() & VirtioNetHeader.GSO_ECN) != 0;
        if (kind != VirtioNetHeader.GSO_TCPV4 && kind != VirtioNetHeader.GSO_TCPV6
                && kind != VirtioNetHeader.GSO_UDP_L4) {
            throw new MalformedPacketException(SPLIT, "gso_type " + header.gsoType()
                    + " is not TCPV4 (1), TCPV6 (4) or UDP_L4 (5)" + (kind == VirtioNetHeader.GSO_UDP
                    ? " (UDP fragmentation offload is never turned on by this library)" : ""));
        }
        if (ecn && kind == VirtioNetHeader.GSO_UDP_L4) {
            throw new MalformedPacketException(SPLIT, "gso_type " + header.gsoType() + ": ECN on a UDP super-packet");
        }
        if (header.gsoSize() == 0) {
            throw new MalformedPacketException(SPLIT, "gso_size 0 on a gso_type " + header.gsoType() + " packet");
        }
        if (header.hdrLen() > length) {
            throw new MalformedPacketException(SPLIT, "hdr_len " + header.hdrLen() + " exceeds the " + length
                    + "-byte packet");
        }
        layout.parse(packet, start, length, SPLIT);
        int expectedVersion = kind == VirtioNetHeader.GSO_TCPV4 ? 4 : kind == VirtioNetHeader.GSO_TCPV6 ? 6 : 0;
        int expectedProtocol = kind == VirtioNetHeader.GSO_UDP_L4 ? IPPROTO_UDP : IPPROTO_TCP;
        if ((expectedVersion != 0 && layout.version != expectedVersion) || layout.protocol != expectedProtocol) {
            throw new MalformedPacketException(SPLIT, "gso_type " + header.gsoType() + " on an IPv" + layout.version
                    + " packet carrying protocol " + layout.protocol);
        }
        int field = expectedProtocol == IPPROTO_TCP ? TCP_CHECKSUM : UDP_CHECKSUM;
        if (header.needsChecksum() && (header.csumStart() != layout.l4Offset || header.csumOffset() != field)) {
            throw new MalformedPacketException(SPLIT, "csum_start " + header.csumStart() + " and csum_offset "
                    + header.csumOffset() + " do not point at the checksum (expected " + layout.l4Offset + " and "
                    + field + ")");
        }
        if (layout.payloadLength() <= 0) {
            throw new MalformedPacketException(SPLIT, "GSO packet without payload");
        }
    }

    private static ByteBuffer room(ByteBuffer[] out, int count, int i, int needed) {
        if (out.length < count) {
            throw new IllegalArgumentException(SPLIT + ": out has " + out.length + " buffers for " + count
                    + " segments");
        }
        ByteBuffer b = out[i];
        if (b.isReadOnly() || b.remaining() < needed) {
            throw new IllegalArgumentException(SPLIT + ": out[" + i + "] has " + b.remaining() + " bytes of room"
                    + (b.isReadOnly() ? " and is read-only" : "") + " for a " + needed + "-byte segment");
        }
        return b;
    }
}
