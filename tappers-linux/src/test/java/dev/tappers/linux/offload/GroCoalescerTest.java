package dev.tappers.linux.offload;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

import static dev.tappers.linux.offload.Packets.ACK;
import static dev.tappers.linux.offload.Packets.CWR;
import static dev.tappers.linux.offload.Packets.DSTOPTS;
import static dev.tappers.linux.offload.Packets.FIN;
import static dev.tappers.linux.offload.Packets.PSH;
import static dev.tappers.linux.offload.Packets.SYN;
import static dev.tappers.linux.offload.Packets.TCP;
import static dev.tappers.linux.offload.Packets.UDP;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-built flows: the expected super-packet is built independently by {@link Packets.Spec}. */
class GroCoalescerTest {
    private final GroCoalescer coalescer = new GroCoalescer();
    private final Random random = new Random(7);

    /** n segments of one flow, mss payload bytes each except the last (lastPayload). */
    private Packets.Spec[] flow(Packets.Spec base, int n, int mss, int lastPayload) {
        Packets.Spec[] specs = new Packets.Spec[n];
        long seq = base.seq;
        for (int i = 0; i < n; i++) {
            Packets.Spec s = base.copy();
            s.payload = Packets.randomBytes(random, i == n - 1 ? lastPayload : mss);
            s.id = base.id + i;
            s.seq = seq;
            seq += s.payload.length;
            specs[i] = s;
        }
        return specs;
    }

    private static ByteBuffer[] built(Packets.Spec[] specs) {
        ByteBuffer[] b = new ByteBuffer[specs.length];
        for (int i = 0; i < specs.length; i++) {
            b[i] = ByteBuffer.wrap(specs[i].build());
        }
        return b;
    }

    /** The super-packet the kernel's GRO would build from specs[0..n), with the partial checksum in its field. */
    private static byte[] expectedSuperPacket(Packets.Spec[] specs, int n) {
        Packets.Spec s = specs[0].copy();
        byte[][] payloads = new byte[n][];
        for (int i = 0; i < n; i++) {
            payloads[i] = specs[i].payload;
        }
        s.payload = Packets.concat(payloads);
        s.tcpFlags = specs[0].tcpFlags | specs[n - 1].tcpFlags & (PSH | FIN);
        byte[] p = s.build();
        int l4 = s.ipHeaderLength();
        int l4Length = p.length - l4;
        long pseudo = Packets.pseudo(p, s.version, s.protocol, l4Length);
        Packets.put16(p, l4 + (s.protocol == TCP ? 16 : 6), ~Packets.checksum(new byte[0], 0, 0, pseudo) & 0xFFFF);
        return p;
    }

    private ByteBuffer coalesceAll(ByteBuffer[] packets, int expectedConsumed) {
        ByteBuffer out = ByteBuffer.allocate(70000);
        assertEquals(expectedConsumed, coalescer.coalesce(packets, 0, packets.length, out));
        return out;
    }

    private static VirtioNetHeader headerOf(ByteBuffer out) {
        return new VirtioNetHeader().readFrom(out, 0);
    }

    private static byte[] packetOf(ByteBuffer out) {
        return Arrays.copyOfRange(out.array(), VirtioNetHeader.SIZE, out.position());
    }

    @Test
    void tcpV4SegmentsBecomeOneSuperPacketWithAKernelStyleHeader() {
        Packets.Spec base = new Packets.Spec();
        base.tcpFlags = ACK | CWR;
        base.tcpOptions = new byte[] {1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2};
        Packets.Spec[] specs = flow(base, 4, 1000, 300);
        for (int i = 1; i < 4; i++) {
            specs[i].tcpFlags = ACK;
        }
        specs[3].tcpFlags = ACK | PSH;
        ByteBuffer out = coalesceAll(built(specs), 4);
        VirtioNetHeader h = headerOf(out);
        assertEquals(VirtioNetHeader.F_NEEDS_CSUM, h.flags());
        assertEquals(VirtioNetHeader.GSO_TCPV4 | VirtioNetHeader.GSO_ECN, h.gsoType(), "CWR on the first: ECN");
        assertEquals(20 + 32, h.hdrLen());
        assertEquals(1000, h.gsoSize());
        assertEquals(20, h.csumStart());
        assertEquals(16, h.csumOffset());
        assertArrayEquals(expectedSuperPacket(specs, 4), packetOf(out));
    }

    @Test
    void tcpV6AndUdpFlowsCoalesceToo() {
        Packets.Spec v6 = new Packets.Spec().v6();
        Packets.Spec[] tcp6 = flow(v6, 3, 1200, 1200);
        ByteBuffer out = coalesceAll(built(tcp6), 3);
        assertEquals(VirtioNetHeader.GSO_TCPV6, headerOf(out).gsoType());
        assertEquals(40, headerOf(out).csumStart());
        assertArrayEquals(expectedSuperPacket(tcp6, 3), packetOf(out));

        for (Packets.Spec base : new Packets.Spec[] {new Packets.Spec(), new Packets.Spec().v6()}) {
            base.protocol = UDP;
            Packets.Spec[] udp = flow(base, 5, 1400, 1);
            ByteBuffer u = coalesceAll(built(udp), 5);
            VirtioNetHeader h = headerOf(u);
            assertEquals(VirtioNetHeader.GSO_UDP_L4, h.gsoType());
            assertEquals(6, h.csumOffset());
            assertEquals(base.ipHeaderLength() + 8, h.hdrLen());
            assertEquals(1400, h.gsoSize());
            assertArrayEquals(expectedSuperPacket(udp, 5), packetOf(u));
        }
    }

    @Test
    void aLonePacketIsWrittenUnchangedBehindAnEmptyHeader() {
        Packets.Spec s = new Packets.Spec();
        s.payload = Packets.randomBytes(random, 50);
        byte[] p = s.build();
        ByteBuffer out = coalesceAll(new ByteBuffer[] {ByteBuffer.wrap(p)}, 1);
        assertEquals(0, headerOf(out).flags());
        assertEquals(VirtioNetHeader.GSO_NONE, headerOf(out).gsoType());
        assertArrayEquals(p, packetOf(out));
    }

    /** Segment `which` of a 4-segment TCPv4 flow changed by `change`: coalescing stops before it (or after). */
    private void assertStopsAt(int expectedConsumed, int which, Consumer<Packets.Spec> change) {
        Packets.Spec[] specs = flow(new Packets.Spec(), 4, 500, 500);
        change.accept(specs[which]); // built with correct checksums: only the change itself can stop the coalescing
        assertCoalesced(expectedConsumed, specs, built(specs));
    }

    private void assertCoalesced(int expectedConsumed, Packets.Spec[] specs, ByteBuffer[] packets) {
        ByteBuffer out = coalesceAll(packets, expectedConsumed);
        if (expectedConsumed == 1) {
            assertEquals(VirtioNetHeader.GSO_NONE, headerOf(out).gsoType());
            assertArrayEquals(packets[0].array(), packetOf(out), "the first packet alone, unchanged");
        } else {
            assertArrayEquals(expectedSuperPacket(specs, expectedConsumed), packetOf(out));
        }
    }

    /** Segment `which` of a 4-segment flow with one byte flipped after its checksums were computed. */
    private void assertCorruptionStopsAt(int expectedConsumed, int which, int index) {
        Packets.Spec[] specs = flow(new Packets.Spec(), 4, 500, 500);
        ByteBuffer[] packets = built(specs);
        packets[which].array()[index] ^= 1;
        assertCoalesced(expectedConsumed, specs, packets);
    }

    @Test
    void aBadChecksumIsNeverCoalesced() {
        assertCorruptionStopsAt(2, 2, 539); // a payload byte: the TCP checksum no longer verifies
        assertCorruptionStopsAt(1, 1, 10); // the IPv4 header checksum
        assertCorruptionStopsAt(1, 0, 36); // the first one's TCP checksum: it goes alone, unchanged
        assertCorruptionStopsAt(3, 3, 14); // a source address byte: the IPv4 header checksum and the pseudo-header both
    }

    @Test
    void anythingThatBreaksTheFlowEndsTheSuperPacket() {
        assertStopsAt(1, 1, s -> s.seq += 1); // sequence number gap
        assertStopsAt(2, 2, s -> s.dstPort++);
        assertStopsAt(2, 2, s -> s.srcPort++);
        assertStopsAt(2, 2, s -> s.id += 5); // identification not + 1
        assertStopsAt(2, 2, s -> s.ttl = 63);
        assertStopsAt(2, 2, s -> s.tos = 4);
        assertStopsAt(2, 2, s -> s.dontFragment = false);
        assertStopsAt(2, 2, s -> s.dst = new byte[] {(byte) 198, 18, 0, 9});
        assertStopsAt(2, 2, s -> s.ack++);
        assertStopsAt(2, 2, s -> s.window++);
        assertStopsAt(2, 2, s -> s.tcpOptions = new byte[] {1, 1, 1, 1});
        assertStopsAt(1, 1, s -> s.tcpFlags |= CWR); // CWR after the first
        assertStopsAt(1, 1, s -> s.tcpFlags |= SYN);
        assertStopsAt(1, 0, s -> s.tcpFlags |= SYN);
        assertStopsAt(2, 1, s -> s.tcpFlags |= PSH); // PSH ends it, included
        assertStopsAt(3, 2, s -> s.tcpFlags |= FIN); // FIN ends it, included
        assertStopsAt(1, 0, s -> s.tcpFlags |= PSH); // PSH on the first: alone
    }

    @Test
    void aShortSegmentEndsTheSuperPacketAndALongerOneDoesNotJoin() {
        Packets.Spec base = new Packets.Spec();
        Packets.Spec[] specs = flow(base, 4, 500, 500);
        specs[1].payload = new byte[200]; // short: the last of the super-packet
        specs[2].seq = specs[1].seq + 200;
        specs[3].seq = specs[2].seq + 500;
        ByteBuffer out = coalesceAll(built(specs), 2);
        assertArrayEquals(expectedSuperPacket(specs, 2), packetOf(out));

        Packets.Spec[] longer = flow(base, 2, 500, 600);
        coalesceAll(built(longer), 1);
    }

    @Test
    void packetsThatCannotJoinAtAllGoAlone() {
        Packets.Spec v6 = new Packets.Spec().v6();
        v6.extensions = new int[][] {{DSTOPTS, 0}};
        coalesceAll(built(flow(v6, 3, 100, 100)), 1);
        Packets.Spec udp = new Packets.Spec();
        udp.protocol = UDP;
        ByteBuffer[] noChecksum = built(flow(udp, 3, 100, 100));
        Packets.put16(noChecksum[0].array(), 26, 0); // IPv4 UDP without checksum
        coalesceAll(noChecksum, 1);
        coalesceAll(built(flow(new Packets.Spec(), 3, 0, 0)), 1); // pure ACKs
        byte[] truncated = Arrays.copyOf(new Packets.Spec().build(), 30);
        ByteBuffer out = coalesceAll(new ByteBuffer[] {ByteBuffer.wrap(truncated), ByteBuffer.wrap(truncated)}, 1);
        assertArrayEquals(truncated, packetOf(out), "a malformed packet passes alone, unchanged");
        ByteBuffer empty = coalesceAll(new ByteBuffer[] {ByteBuffer.allocate(0)}, 1);
        assertEquals(VirtioNetHeader.SIZE, empty.position());
    }

    @Test
    void theSuperPacketStaysWithinItsLimits() {
        coalesceAll(built(flow(new Packets.Spec(), 70, 100, 100)), GroCoalescer.MAX_SEGMENTS);
        coalesceAll(built(flow(new Packets.Spec(), 50, 1460, 1460)), 44); // 40 + 44 * 1460 <= 65535 < + 1460
        ByteBuffer[] packets = built(flow(new Packets.Spec(), 10, 1000, 1000));
        ByteBuffer small = ByteBuffer.allocate(10 + 40 + 3 * 1000 + 999);
        assertEquals(3, coalescer.coalesce(packets, 0, 10, small), "as many as fit in the output buffer");
        assertEquals(2, coalescer.coalesce(packets, 8, 2, ByteBuffer.allocate(5000)), "from and count respected");
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsWritten() {
        ByteBuffer[] packets = built(flow(new Packets.Spec(), 3, 100, 100));
        ByteBuffer out = ByteBuffer.allocate(1000);
        assertThrows(IllegalArgumentException.class, () -> coalescer.coalesce(packets, 0, 0, out));
        assertThrows(IllegalArgumentException.class, () -> coalescer.coalesce(packets, 2, 2, out));
        assertThrows(IllegalArgumentException.class, () -> coalescer.coalesce(packets, -1, 1, out));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> coalescer.coalesce(packets, 0, 3, ByteBuffer.allocate(10 + 139)));
        assertTrue(e.getMessage().contains("149 bytes of room"), e.getMessage());
        assertEquals(0, out.position());
    }
}
