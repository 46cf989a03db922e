package dev.tappers.linux.offload;

import java.nio.ByteBuffer;

import static dev.tappers.linux.offload.PacketLayout.IPPROTO_TCP;
import static dev.tappers.linux.offload.PacketLayout.TCP_CHECKSUM;
import static dev.tappers.linux.offload.PacketLayout.UDP_CHECKSUM;
import static dev.tappers.linux.offload.PacketLayout.put16;
import static dev.tappers.linux.offload.PacketLayout.u16;
import static dev.tappers.linux.offload.PacketLayout.u32;

/**
 * Joins consecutive segments of one TCP or UDP flow into one super-packet with a virtio-net header, so that a
 * writer with many segments makes one {@code write} instead of many (the kernel cuts it up again, or hands it on
 * whole where it can). The exact inverse of {@link GsoSplitter}: splitting the result gives back the input
 * packets byte for byte.
 *
 * <p>Packets {@code i} and {@code i + 1} join when (the rules of the kernel's own GRO, kept strict):
 * <ul>
 *   <li>both are IPv4 without options, or both IPv6 without extension headers, not fragments;</li>
 *   <li>addresses, protocol and ports are equal; IPv4 TOS, TTL and DF equal and the identification one more
 *       than the previous; IPv6 traffic class, flow label and hop limit equal;</li>
 *   <li>TCP: header length, options, acknowledgment number, window and urgent pointer equal, flags equal except
 *       CWR (first segment only) and PSH or FIN (which end the super-packet); no SYN, RST or URG; sequence number
 *       = previous + previous payload;</li>
 *   <li>UDP: the UDP length agrees with the packet;</li>
 *   <li>every segment but the last carries exactly the first one's payload length (gso_size), the last at most
 *       that, none is empty;</li>
 *   <li>both checksums of every segment verify: a segment with a bad checksum is never joined, because the
 *       kernel would compute fresh checksums for the super-packet and so hide the corruption;</li>
 *   <li>the super-packet stays within 65,535 bytes of IP packet, {@link #MAX_SEGMENTS} segments and the room
 *       left in the output buffer.</li>
 * </ul>
 * A packet that joins nothing (or is no TCP/UDP packet at all, or is malformed) is written alone, unchanged,
 * behind a GSO_NONE header: the kernel then treats it as it treats any written packet.
 *
 * <p>The super-packet's header: NEEDS_CSUM, csum_start at the transport header, csum_offset 16 (TCP) or 6 (UDP),
 * hdr_len the IP + transport header length, gso_size the first segment's payload, gso_type TCPV4, TCPV6 (with
 * GSO_ECN when the first segment has CWR) or UDP_L4; its transport checksum field holds the pseudo-header sum
 * over the whole transport length, uncomplemented: what the kernel's segmentation expects of a partial checksum.
 *
 * <p>Nothing is allocated; not thread-safe (one coalescer per writer).
 */
public final class GroCoalescer {
    /**
     * Most segments per super-packet. The kernel accepts up to 64 UDP segments on older kernels (UDP_MAX_SEGMENTS,
     * raised to 128 in 6.x); 64 is safe everywhere and already amortizes the system call 64 times.
     */
    public static final int MAX_SEGMENTS = 64;
    /** The largest IP packet without jumbograms: the IPv4 total length and IPv6 payload length are 16 bits. */
    private static final int MAX_IP_PACKET = 65535;

    private static final String COALESCE = "GRO coalesce";
    private static final int TCP_FLAGS = 13;
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int PSH = 0x08;
    private static final int URG = 0x20;
    private static final int CWR = 0x80;

    private final PacketLayout first = new PacketLayout();
    private final PacketLayout next = new PacketLayout();
    private final VirtioNetHeader header = new VirtioNetHeader();

    /**
     * Writes a virtio-net header and one packet, the coalescence of {@code packets[from]} and as many of the
     * following ones (up to {@code from + count}) as may join it, at {@code out}'s position, which advances past
     * it. Each input packet is read from its position to its limit and left unchanged.
     *
     * @return how many packets went into what was written: at least 1
     * @throws IllegalArgumentException if from/count are outside the array, count is 0, or {@code out} lacks room
     *                                  for the header and {@code packets[from]} alone (nothing written then)
     */
    public int coalesce(ByteBuffer[] packets, int from, int count, ByteBuffer out) {
        if (from < 0 || count < 1 || from > packets.length - count) {
            throw new IllegalArgumentException(COALESCE + ": from " + from + " and count " + count
                    + " do not lie within " + packets.length + " packets");
        }
        ByteBuffer p0 = packets[from];
        int at = out.position();
        int room = out.remaining();
        if (out.isReadOnly() || room < VirtioNetHeader.SIZE + p0.remaining()) {
            throw new IllegalArgumentException(COALESCE + ": out has " + room + " bytes of room"
                    + (out.isReadOnly() ? " and is read-only" : "") + " for a " + VirtioNetHeader.SIZE + "-byte "
                    + "header and a " + p0.remaining() + "-byte packet");
        }
        int joined = candidate(p0, first) ? joinable(packets, from, count, room - VirtioNetHeader.SIZE) : 1;
        if (joined == 1) {
            header.clear().writeTo(out, at);
            out.put(at + VirtioNetHeader.SIZE, p0, p0.position(), p0.remaining());
            out.position(at + VirtioNetHeader.SIZE + p0.remaining());
            return 1;
        }
        writeSuperPacket(packets, from, joined, out, at);
        return joined;
    }

    /** Whether p can start a super-packet: parsed into layout, plain headers, payload, good checksums. */
    private static boolean candidate(ByteBuffer p, PacketLayout layout) {
        try {
            layout.parse(p, p.position(), p.remaining(), COALESCE);
        } catch (MalformedPacketException e) {
            return false; // rare (the writer's own bad packet): the kernel gets it alone and judges it
        }
        if (layout.extensionBytes != 0 || (!layout.ipv6() && layout.l4Offset != PacketLayout.IPV4_MIN_HEADER)
                || layout.payloadLength() <= 0) {
            return false;
        }
        int s = layout.start;
        int l4 = s + layout.l4Offset;
        if (layout.protocol == IPPROTO_TCP) {
            if ((p.get(l4 + TCP_FLAGS) & (SYN | RST | URG)) != 0) {
                return false;
            }
        } else if (u16(p, l4 + 4) != layout.length - layout.l4Offset
                || u16(p, l4 + UDP_CHECKSUM) == 0) { // no checksum (IPv4 only): joining would invent one
            return false;
        }
        if (!layout.ipv6() && InternetChecksum.fold(InternetChecksum.sum(p, s, layout.l4Offset)) != 0xFFFF) {
            return false;
        }
        int l4Length = layout.length - layout.l4Offset;
        long sum = InternetChecksum.pseudoHeader(p, s, layout.ipv6(), layout.protocol, l4Length)
                + InternetChecksum.sum(p, l4, l4Length);
        return InternetChecksum.fold(sum) == 0xFFFF;
    }

    /** How many packets from {@code from} join: at least 1. {@link #first} holds packets[from]'s layout. */
    private int joinable(ByteBuffer[] packets, int from, int count, int room) {
        ByteBuffer p0 = packets[from];
        int mss = first.payloadLength();
        int headers = first.headerLength();
        int total = first.length;
        boolean tcp = first.protocol == IPPROTO_TCP;
        int s0 = first.start;
        int l40 = s0 + first.l4Offset;
        if (tcp && (p0.get(l40 + TCP_FLAGS) & (PSH | FIN)) != 0) {
            return 1;
        }
        long expectedSeq = tcp ? u32(p0, l40 + 4) + mss : 0;
        int n = 1;
        int lastPayload = mss;
        while (n < count && n < MAX_SEGMENTS && lastPayload == mss) {
            ByteBuffer p = packets[from + n];
            if (!candidate(p, next) || next.version != first.version || next.protocol != first.protocol
                    || next.headerLength() != headers) {
                break;
            }
            int payload = next.payloadLength();
            if (payload > mss || total + payload > MAX_IP_PACKET || total + payload > room) {
                break;
            }
            int s = next.start;
            int l4 = s + next.l4Offset;
            if (!sameIp(p0, s0, p, s, n) || !equalBytes(p0, l40, p, l4, 4)) { // ports
                break;
            }
            if (tcp) {
                if (u32(p, l4 + 4) != (expectedSeq & 0xFFFF_FFFFL)
                        || !equalBytes(p0, l40 + 8, p, l4 + 8, 5) // ack and data offset
                        || !equalBytes(p0, l40 + 14, p, l4 + 14, 2) // window
                        || !equalBytes(p0, l40 + 18, p, l4 + 18, 2) // urgent pointer
                        || !equalBytes(p0, l40 + 20, p, l4 + 20, first.l4HeaderLength - 20)) { // options
                    break;
                }
                int f0 = p0.get(l40 + TCP_FLAGS) & 0xFF;
                int f = p.get(l4 + TCP_FLAGS) & 0xFF;
                if ((f & CWR) != 0 || (f & ~(PSH | FIN)) != (f0 & ~CWR)) {
                    break;
                }
                expectedSeq += payload;
                n++;
                total += payload;
                if ((f & (PSH | FIN)) != 0) {
                    break;
                }
            } else {
                n++;
                total += payload;
            }
            lastPayload = payload;
        }
        return n;
    }

    /** The IP header fields that must agree for segment n of a flow whose first packet is at p0[s0]. */
    private boolean sameIp(ByteBuffer p0, int s0, ByteBuffer p, int s, int n) {
        if (first.ipv6()) {
            return equalBytes(p0, s0, p, s, 4) // version, traffic class, flow label
                    && equalBytes(p0, s0 + 7, p, s + 7, 33); // hop limit, addresses (next header checked)
        }
        return p0.get(s0 + 1) == p.get(s + 1) // TOS
                && u16(p, s + 4) == ((u16(p0, s0 + 4) + n) & 0xFFFF) // identification
                && equalBytes(p0, s0 + 6, p, s + 6, 3) // flags and fragment offset, TTL
                && equalBytes(p0, s0 + 12, p, s + 12, 8); // addresses
    }

    private static boolean equalBytes(ByteBuffer a, int i, ByteBuffer b, int j, int length) {
        for (int k = 0; k < length; k++) {
            if (a.get(i + k) != b.get(j + k)) {
                return false;
            }
        }
        return true;
    }

    private void writeSuperPacket(ByteBuffer[] packets, int from, int joined, ByteBuffer out, int at) {
        ByteBuffer p0 = packets[from];
        int headers = first.headerLength();
        int l4Offset = first.l4Offset;
        boolean tcp = first.protocol == IPPROTO_TCP;
        int dst = at + VirtioNetHeader.SIZE;
        out.put(dst, p0, p0.position(), headers);
        int total = headers;
        for (int i = 0; i < joined; i++) {
            ByteBuffer p = packets[from + i];
            int payload = p.remaining() - headers;
            out.put(dst + total, p, p.position() + headers, payload);
            total += payload;
        }
        int l4 = dst + l4Offset;
        if (first.ipv6()) {
            put16(out, dst + 4, total - PacketLayout.IPV6_HEADER);
        } else {
            put16(out, dst + 2, total);
            put16(out, dst + 10, 0);
            put16(out, dst + 10, InternetChecksum.finish(InternetChecksum.sum(out, dst, l4Offset)));
        }
        int l4Length = total - l4Offset;
        int checksumField;
        int gsoType;
        if (tcp) {
            ByteBuffer last = packets[from + joined - 1];
            int lastFlags = last.get(last.position() + l4Offset + TCP_FLAGS) & (PSH | FIN);
            int f0 = out.get(l4 + TCP_FLAGS) & 0xFF;
            out.put(l4 + TCP_FLAGS, (byte) (f0 | lastFlags));
            checksumField = TCP_CHECKSUM;
            gsoType = (first.ipv6() ? VirtioNetHeader.GSO_TCPV6 : VirtioNetHeader.GSO_TCPV4)
                    | ((f0 & CWR) != 0 ? VirtioNetHeader.GSO_ECN : 0);
        } else {
            put16(out, l4 + 4, l4Length);
            checksumField = UDP_CHECKSUM;
            gsoType = VirtioNetHeader.GSO_UDP_L4;
        }
        // Partial checksum: the pseudo-header sum, not complemented; the kernel adds the bytes per segment.
        put16(out, l4 + checksumField,
                InternetChecksum.fold(InternetChecksum.pseudoHeader(out, dst, first.ipv6(), first.protocol, l4Length)));
        header.set(VirtioNetHeader.F_NEEDS_CSUM, gsoType, headers, first.payloadLength(), l4Offset, checksumField)
                .writeTo(out, at);
        out.position(dst + total);
    }
}
