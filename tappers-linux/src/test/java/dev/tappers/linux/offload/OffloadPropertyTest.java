package dev.tappers.linux.offload;

import dev.tappers.tck.report.ReliabilityFigures;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

import static dev.tappers.linux.offload.Packets.ACK;
import static dev.tappers.linux.offload.Packets.CWR;
import static dev.tappers.linux.offload.Packets.DSTOPTS;
import static dev.tappers.linux.offload.Packets.FIN;
import static dev.tappers.linux.offload.Packets.HOPOPTS;
import static dev.tappers.linux.offload.Packets.PSH;
import static dev.tappers.linux.offload.Packets.ROUTING;
import static dev.tappers.linux.offload.Packets.TCP;
import static dev.tappers.linux.offload.Packets.UDP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Properties over generated inputs (a seeded {@link Random}, so a failure names its case and repeats): 20,000
 * cases per property, 220,000 in all: at least 100,000 through the splitter and 100,000 through the coalescer. Expectations come from {@link Packets}, which shares no code with the
 * offload package.
 */
class OffloadPropertyTest {
    private static final java.util.concurrent.atomic.AtomicLong SPLIT_CASES = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong COALESCE_CASES = new java.util.concurrent.atomic.AtomicLong();

    @org.junit.jupiter.api.AfterAll
    static void figures() {
        ReliabilityFigures.record("GsoGroProperties", "GSO split and GRO coalesce on generated "
                + "IPv4/IPv6 (with extension headers) TCP and UDP super-packets and segments, intact and damaged: "
                + "checksums, lengths, sequence numbers, split(coalesce(x)) = x, no index errors",
                String.format("%,d split cases, %,d coalesce cases, 0 failures", SPLIT_CASES.get(), COALESCE_CASES.get()));
    }

    private static final int CASES = 20_000;
    private static final int MAX_SEGMENTS_GENERATED = 70;

    private final GsoSplitter splitter = new GsoSplitter();
    private final GroCoalescer coalescer = new GroCoalescer();
    private final ByteBuffer[] segments = new ByteBuffer[MAX_SEGMENTS_GENERATED * 2];
    private final ByteBuffer superPacket = ByteBuffer.allocateDirect(70_000);

    OffloadPropertyTest() {
        for (int i = 0; i < segments.length; i++) {
            segments[i] = ByteBuffer.allocateDirect(2000);
        }
    }

    private static Packets.Spec randomFlow(Random r, int version, int protocol, boolean extensions) {
        Packets.Spec s = new Packets.Spec();
        if (version == 6) {
            s.v6();
            r.nextBytes(s.src);
            r.nextBytes(s.dst);
            s.flowLabel = r.nextInt(1 << 20);
            if (extensions) {
                int[][] all = {{HOPOPTS, r.nextInt(3)}, {DSTOPTS, r.nextInt(2)}, {ROUTING, r.nextInt(3)}};
                s.extensions = Arrays.copyOfRange(all, r.nextInt(3), 3);
            }
        } else {
            r.nextBytes(s.src);
            r.nextBytes(s.dst);
            s.dontFragment = r.nextBoolean();
        }
        s.protocol = protocol;
        s.tos = r.nextInt(256);
        s.ttl = 1 + r.nextInt(255);
        s.id = r.nextInt(65536);
        s.srcPort = r.nextInt(65536);
        s.dstPort = r.nextInt(65536);
        s.seq = r.nextLong() & 0xFFFF_FFFFL;
        s.ack = r.nextLong() & 0xFFFF_FFFFL;
        s.window = r.nextInt(65536);
        s.tcpOptions = new byte[4 * r.nextInt(11)];
        r.nextBytes(s.tcpOptions);
        s.tcpFlags = ACK | (r.nextBoolean() ? CWR : 0) | (r.nextBoolean() ? PSH : 0) | (r.nextInt(4) == 0 ? FIN : 0);
        return s;
    }

    /** Mostly small payloads (fast), sometimes up to a full 64 KiB super-packet. */
    private static int randomPayload(Random r, int headers) {
        return r.nextInt(10) == 0 ? 1 + r.nextInt(65535 - headers) : 1 + r.nextInt(6000);
    }

    // ---- split: every segment is what the sender's kernel would have sent ----------------------------------

    private void splitProperty(long seed, int version, int protocol, boolean extensions) {
        Random r = new Random(seed);
        SPLIT_CASES.addAndGet(CASES);
        for (int c = 0; c < CASES; c++) {
            Packets.Spec whole = randomFlow(r, version, protocol, extensions);
            int headers = whole.ipHeaderLength() + whole.l4HeaderLength();
            int payload = randomPayload(r, headers);
            int minMss = (payload + MAX_SEGMENTS_GENERATED * 2 - 1) / (MAX_SEGMENTS_GENERATED * 2);
            int mss = Math.max(minMss, 1 + r.nextInt(Math.min(1900 - headers, payload + 100)));
            whole.payload = Packets.randomBytes(r, payload);
            byte[] p = whole.build();
            int l4 = whole.ipHeaderLength();
            int field = l4 + (protocol == TCP ? 16 : 6);
            Packets.put16(p, field, r.nextInt(65536)); // whatever partial sum the kernel left: not trusted
            int type = protocol == UDP ? VirtioNetHeader.GSO_UDP_L4
                    : (version == 4 ? VirtioNetHeader.GSO_TCPV4 : VirtioNetHeader.GSO_TCPV6)
                    | ((whole.tcpFlags & CWR) != 0 ? VirtioNetHeader.GSO_ECN : 0);
            VirtioNetHeader h = new VirtioNetHeader().set(VirtioNetHeader.F_NEEDS_CSUM, type,
                    r.nextInt(p.length + 1), mss, l4, field - l4);
            ByteBuffer in = ByteBuffer.allocateDirect(p.length + 3).order(r.nextBoolean() ? ByteOrder.LITTLE_ENDIAN
                    : ByteOrder.BIG_ENDIAN);
            in.position(3);
            in.put(p);
            in.position(3);
            int count = (payload + mss - 1) / mss;
            for (ByteBuffer b : segments) {
                b.clear();
            }
            String where = "seed " + seed + " case " + c + " payload " + payload + " mss " + mss;
            assertEquals(count, splitter.split(h, in, segments), where);
            ByteBuffer rejoined = ByteBuffer.allocate(payload);
            for (int i = 0; i < count; i++) {
                byte[] seg = new byte[segments[i].position()];
                segments[i].get(0, seg);
                int segPayload = Math.min(mss, payload - i * mss);
                assertEquals(headers + segPayload, seg.length, where + " segment " + i);
                assertTrue(Packets.checksumsVerify(seg, l4, protocol), where + " segment " + i + " checksums");
                if (version == 4) {
                    assertEquals(seg.length, Packets.u16(seg, 2), where);
                    assertEquals((whole.id + i) & 0xFFFF, Packets.u16(seg, 4), where);
                } else {
                    assertEquals(seg.length - 40, Packets.u16(seg, 4), where);
                }
                if (protocol == TCP) {
                    assertEquals((whole.seq + (long) i * mss) & 0xFFFF_FFFFL, Packets.u32(seg, l4 + 4), where);
                    int flags = seg[l4 + 13] & 0xFF;
                    int expected = whole.tcpFlags & ~(i == count - 1 ? 0 : FIN | PSH) & ~(i == 0 ? 0 : CWR);
                    assertEquals(expected, flags, where + " segment " + i + " flags");
                } else {
                    assertEquals(seg.length - l4, Packets.u16(seg, l4 + 4), where);
                }
                assertArrayEquals(Arrays.copyOfRange(p, 0, l4 + 4), mask(seg, p, l4, protocol), where + " headers");
                rejoined.put(seg, headers, segPayload);
            }
            assertArrayEquals(whole.payload, rejoined.array(), where + " payload");
        }
    }

    /** The segment's first l4 + 4 bytes with the fields split may change put back from the super-packet. */
    private static byte[] mask(byte[] seg, byte[] superPacket, int l4, int protocol) {
        byte[] m = Arrays.copyOf(seg, l4 + 4);
        int[] changing = (seg[0] & 0xF0) == 0x40 ? new int[] {2, 3, 4, 5, 10, 11} : new int[] {4, 5};
        for (int i : changing) {
            m[i] = superPacket[i];
        }
        return m;
    }

    @Test
    void splitTcpV4() {
        splitProperty(401, 4, TCP, false);
    }

    @Test
    void splitTcpV6() {
        splitProperty(601, 6, TCP, false);
    }

    @Test
    void splitTcpV6WithExtensionHeaders() {
        splitProperty(602, 6, TCP, true);
    }

    @Test
    void splitUdpV4() {
        splitProperty(417, 4, UDP, false);
    }

    @Test
    void splitUdpV6WithExtensionHeaders() {
        splitProperty(617, 6, UDP, true);
    }

    // ---- split(coalesce(segments)) = segments, byte for byte ------------------------------------------------

    private void roundTripProperty(long seed, int version, int protocol) {
        Random r = new Random(seed);
        ByteBuffer[] packets = new ByteBuffer[MAX_SEGMENTS_GENERATED];
        SPLIT_CASES.addAndGet(CASES);
        COALESCE_CASES.addAndGet(CASES);
        for (int c = 0; c < CASES; c++) {
            Packets.Spec base = randomFlow(r, version, protocol, false);
            int headers = base.ipHeaderLength() + base.l4HeaderLength();
            int mss = 1 + r.nextInt(1500 - headers);
            int n = 1 + r.nextInt(r.nextInt(8) == 0 ? MAX_SEGMENTS_GENERATED : 8);
            int flags = base.tcpFlags;
            long seq = base.seq;
            byte[][] built = new byte[n][];
            for (int i = 0; i < n; i++) {
                Packets.Spec s = base.copy();
                s.payload = Packets.randomBytes(r, i == n - 1 ? 1 + r.nextInt(mss) : mss);
                s.id = base.id + i;
                s.seq = seq;
                seq += s.payload.length;
                s.tcpFlags = flags & ~(i == n - 1 ? 0 : FIN | PSH) & ~(i == 0 ? 0 : CWR);
                built[i] = s.build();
                packets[i] = ByteBuffer.wrap(built[i]);
            }
            int expected = 0; // as many as stay within 64 segments and a 65,535-byte IP packet
            for (int total = headers; expected < Math.min(n, GroCoalescer.MAX_SEGMENTS)
                    && total + built[expected].length - headers <= 65535; expected++) {
                total += built[expected].length - headers;
            }
            superPacket.clear();
            String where = "seed " + seed + " case " + c + " n " + n + " mss " + mss;
            assertEquals(expected, coalescer.coalesce(packets, 0, n, superPacket), where);
            VirtioNetHeader h = new VirtioNetHeader().readFrom(superPacket, 0);
            superPacket.flip().position(VirtioNetHeader.SIZE);
            if (expected > 1) {
                assertEquals(mss, h.gsoSize(), where);
                assertEquals(headers, h.hdrLen(), where);
                assertEquals(VirtioNetHeader.F_NEEDS_CSUM, h.flags(), where);
            } else {
                assertEquals(VirtioNetHeader.GSO_NONE, h.gsoType(), where);
            }
            for (ByteBuffer b : segments) {
                b.clear();
            }
            assertEquals(expected, splitter.split(h, superPacket, segments), where);
            for (int i = 0; i < expected; i++) {
                byte[] seg = new byte[segments[i].position()];
                segments[i].get(0, seg);
                assertArrayEquals(built[i], seg, where + " segment " + i);
            }
        }
    }

    @Test
    void roundTripTcpV4() {
        roundTripProperty(1401, 4, TCP);
    }

    @Test
    void roundTripTcpV6() {
        roundTripProperty(1601, 6, TCP);
    }

    @Test
    void roundTripUdpV4() {
        roundTripProperty(1417, 4, UDP);
    }

    @Test
    void roundTripUdpV6() {
        roundTripProperty(1617, 6, UDP);
    }

    // ---- damaged input never escapes as anything but the documented exception ------------------------------

    @Test
    void damagedSuperPacketsAreSplitOrRefusedNeverAnIndexError() {
        Random r = new Random(99);
        SPLIT_CASES.addAndGet(CASES);
        for (int c = 0; c < CASES; c++) {
            Packets.Spec s = randomFlow(r, r.nextBoolean() ? 4 : 6, r.nextBoolean() ? TCP : UDP, r.nextBoolean());
            s.payload = Packets.randomBytes(r, r.nextInt(3000));
            byte[] p = s.build();
            int damage = 1 + r.nextInt(4);
            for (int d = 0; d < damage; d++) {
                p[r.nextInt(Math.min(p.length, 120))] = (byte) r.nextInt(256);
            }
            if (r.nextBoolean()) {
                p = Arrays.copyOf(p, r.nextInt(p.length + 1));
            }
            ByteBuffer header = ByteBuffer.allocate(10);
            r.nextBytes(header.array());
            if (r.nextBoolean()) { // a plausible header half of the time, so the packet checks are reached
                int l4 = s.ipHeaderLength();
                new VirtioNetHeader().set(1, s.protocol == UDP ? 5 : s.version == 4 ? 1 : 4, r.nextInt(200),
                        1 + r.nextInt(1500), l4, s.protocol == TCP ? 16 : 6).writeTo(header, 0);
            }
            VirtioNetHeader h = new VirtioNetHeader().readFrom(header, 0);
            for (ByteBuffer b : segments) {
                b.clear();
            }
            try {
                int n = splitter.split(h, ByteBuffer.wrap(p), segments);
                assertTrue(n >= 1 && n <= segments.length);
            } catch (MalformedPacketException expected) {
                // documented
            } catch (IllegalArgumentException noRoom) { // a tiny gso_size, or a large one with damaged headers
                assertTrue(noRoom.getMessage().contains("buffers for") || noRoom.getMessage().contains("bytes of room"),
                        noRoom.getMessage());
            } catch (RuntimeException e) {
                fail("seed 99 case " + c + ": " + h + " " + p.length + " bytes", e);
            }
        }
    }

    @Test
    void damagedPacketsAreCoalescedOnlyWhenTheyStillVerify() {
        Random r = new Random(98);
        ByteBuffer[] packets = new ByteBuffer[4];
        COALESCE_CASES.addAndGet(CASES);
        for (int c = 0; c < CASES; c++) {
            Packets.Spec s = randomFlow(r, r.nextBoolean() ? 4 : 6, r.nextBoolean() ? TCP : UDP, false);
            s.tcpFlags = ACK;
            s.payload = Packets.randomBytes(r, 1 + r.nextInt(300));
            byte[][] built = new byte[4][];
            for (int i = 0; i < 4; i++) {
                Packets.Spec si = s.copy();
                si.id = s.id + i;
                si.seq = s.seq + (long) i * s.payload.length;
                built[i] = si.build();
            }
            int victim = r.nextInt(4);
            byte[] v = built[victim];
            int at = r.nextInt(v.length);
            v[at] = (byte) (v[at] ^ (1 + r.nextInt(255)));
            if (r.nextInt(4) == 0) {
                built[victim] = Arrays.copyOf(v, r.nextInt(v.length));
            }
            for (int i = 0; i < 4; i++) {
                packets[i] = ByteBuffer.wrap(built[i]);
            }
            superPacket.clear();
            int n;
            try {
                n = coalescer.coalesce(packets, 0, 4, superPacket);
            } catch (RuntimeException e) {
                fail("seed 98 case " + c, e);
                return;
            }
            // A flipped bit always breaks a checksum (or a length or the flow): the victim never joins.
            assertEquals(victim == 0 ? 1 : victim, n, "seed 98 case " + c + " victim " + victim + " byte " + at);
        }
    }
}
