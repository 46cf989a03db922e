package dev.tappers.linux.offload;

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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-built super-packets: each expected segment is built independently by {@link Packets.Spec}. */
class GsoSplitterTest {
    private final GsoSplitter splitter = new GsoSplitter();
    private final Random random = new Random(42);

    private static ByteBuffer[] buffers(int n, int size) {
        ByteBuffer[] out = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            out[i] = ByteBuffer.allocate(size);
        }
        return out;
    }

    private static byte[] written(ByteBuffer b) {
        return Arrays.copyOfRange(b.array(), 0, b.position());
    }

    private static VirtioNetHeader gso(int type, Packets.Spec s, int mss) {
        int l4 = s.ipHeaderLength();
        return new VirtioNetHeader().set(VirtioNetHeader.F_NEEDS_CSUM, type, l4 + s.l4HeaderLength(), mss, l4,
                s.protocol == TCP ? 16 : 6);
    }

    /** What the sender's kernel would have sent as segment i of the super-packet spec. */
    private static byte[] expectedSegment(Packets.Spec whole, int mss, int i, int count) {
        Packets.Spec s = whole.copy();
        s.payload = Arrays.copyOfRange(whole.payload, i * mss, Math.min(whole.payload.length, (i + 1) * mss));
        s.id = whole.id + i;
        s.seq = whole.seq + (long) i * mss;
        if (i != count - 1) {
            s.tcpFlags &= ~(FIN | PSH);
        }
        if (i != 0) {
            s.tcpFlags &= ~CWR;
        }
        return s.build();
    }

    private void assertSplitsAsTheKernelWould(Packets.Spec whole, int type, int mss, int expectedCount) {
        byte[] superPacket = whole.build();
        Packets.put16(superPacket, whole.ipHeaderLength() + (whole.protocol == TCP ? 16 : 6), random.nextInt(65536));
        VirtioNetHeader h = gso(type, whole, mss);
        ByteBuffer in = ByteBuffer.wrap(superPacket);
        assertEquals(expectedCount, splitter.segmentCount(h, in));
        ByteBuffer[] out = buffers(expectedCount + 1, 1600);
        assertEquals(expectedCount, splitter.split(h, in, out));
        assertEquals(0, in.position(), "the input is left as it was");
        for (int i = 0; i < expectedCount; i++) {
            byte[] segment = written(out[i]);
            assertArrayEquals(expectedSegment(whole, mss, i, expectedCount), segment, "segment " + i);
            assertTrue(Packets.checksumsVerify(segment, whole.ipHeaderLength(), whole.protocol), "segment " + i);
        }
        assertEquals(0, out[expectedCount].position(), "no more segments than counted");
    }

    @Test
    void tcpV4SuperPacketBecomesSegmentsWithIdsSequenceNumbersAndFlagsOfAKernel() {
        Packets.Spec s = new Packets.Spec();
        s.payload = Packets.randomBytes(random, 3 * 1000 + 17);
        s.tcpFlags = ACK | PSH | FIN | CWR;
        s.id = 0xFFFF; // the identification wraps
        s.seq = 0xFFFF_FF00L; // the sequence number wraps
        s.tcpOptions = new byte[] {1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2}; // NOP NOP timestamps
        assertSplitsAsTheKernelWould(s, VirtioNetHeader.GSO_TCPV4 | VirtioNetHeader.GSO_ECN, 1000, 4);

    }

    private ByteBuffer[] splitFresh(Packets.Spec s, int type, int mss) {
        ByteBuffer[] out = buffers(8, 1600);
        splitter.split(gso(type, s, mss), ByteBuffer.wrap(s.build()), out);
        return out;
    }

    @Test
    void flagsOfEachSegmentSpelledOut() {
        Packets.Spec s = new Packets.Spec();
        s.payload = new byte[250];
        s.tcpFlags = ACK | PSH | FIN | CWR;
        ByteBuffer[] out = splitFresh(s, VirtioNetHeader.GSO_TCPV4, 100);
        assertEquals(ACK | CWR, out[0].get(20 + 13) & 0xFF, "CWR only on the first");
        assertEquals(ACK, out[1].get(20 + 13) & 0xFF, "neither CWR nor PSH nor FIN in the middle");
        assertEquals(ACK | PSH | FIN, out[2].get(20 + 13) & 0xFF, "PSH and FIN only on the last");
        assertEquals(20 + 20 + 100, out[0].position());
        assertEquals(20 + 20 + 50, out[2].position());
        assertEquals(0x1234 + 2, Packets.u16(out[2].array(), 4), "identification + 2");
        assertEquals(1000 + 200, Packets.u32(out[2].array(), 24), "sequence number + 2 * gso_size");
        assertEquals(90, Packets.u16(out[2].array(), 2), "IPv4 total length");
    }

    @Test
    void tcpV6WithExtensionHeadersKeepsThemInEverySegment() {
        Packets.Spec s = new Packets.Spec().v6();
        s.extensions = new int[][] {{HOPOPTS, 0}, {DSTOPTS, 1}, {ROUTING, 2}};
        s.payload = Packets.randomBytes(random, 1201);
        s.tcpFlags = ACK | PSH;
        assertSplitsAsTheKernelWould(s, VirtioNetHeader.GSO_TCPV6, 400, 4);
        ByteBuffer[] out = splitFresh(s, VirtioNetHeader.GSO_TCPV6, 400);
        int ext = 8 + 16 + 24;
        assertEquals(ext + 20 + 400, Packets.u16(out[0].array(), 4), "IPv6 payload length counts extension headers");
        assertEquals(ext + 20 + 1, Packets.u16(out[3].array(), 4));
    }

    @Test
    void udpV4AndV6SuperPacketsBecomeDatagrams() {
        Packets.Spec v4 = new Packets.Spec();
        v4.protocol = UDP;
        v4.payload = Packets.randomBytes(random, 1400 * 5 + 3);
        assertSplitsAsTheKernelWould(v4, VirtioNetHeader.GSO_UDP_L4, 1400, 6);

        Packets.Spec v6 = new Packets.Spec().v6();
        v6.protocol = UDP;
        v6.extensions = new int[][] {{DSTOPTS, 0}};
        v6.payload = Packets.randomBytes(random, 1200 * 3);
        assertSplitsAsTheKernelWould(v6, VirtioNetHeader.GSO_UDP_L4, 1200, 3);
    }

    @Test
    void aSuperPacketOfOneSegmentIsOnePacket() {
        Packets.Spec s = new Packets.Spec();
        s.payload = Packets.randomBytes(random, 100);
        assertSplitsAsTheKernelWould(s, VirtioNetHeader.GSO_TCPV4, 1448, 1);
    }

    @Test
    void anOrdinaryPacketWithAPartialChecksumGetsItCompleted() {
        for (int protocol : new int[] {TCP, UDP}) {
            Packets.Spec s = new Packets.Spec().v6();
            s.protocol = protocol;
            s.payload = Packets.randomBytes(random, 333);
            byte[] expected = s.build();
            byte[] partial = expected.clone();
            int l4 = 40;
            int field = l4 + (protocol == TCP ? 16 : 6);
            // What a sender with checksum offload leaves: the folded pseudo-header sum, not complemented.
            long pseudo = Packets.pseudo(partial, 6, protocol, partial.length - l4);
            Packets.put16(partial, field, ~Packets.checksum(new byte[0], 0, 0, pseudo) & 0xFFFF);
            VirtioNetHeader h = new VirtioNetHeader().set(VirtioNetHeader.F_NEEDS_CSUM, VirtioNetHeader.GSO_NONE, 0, 0,
                    l4, field - l4);
            ByteBuffer[] out = {ByteBuffer.allocateDirect(1000).order(ByteOrder.LITTLE_ENDIAN)};
            assertEquals(1, splitter.split(h, ByteBuffer.wrap(partial), out));
            byte[] got = new byte[out[0].position()];
            out[0].get(0, got);
            assertArrayEquals(expected, got, "protocol " + protocol);
        }
    }

    @Test
    void anOrdinaryPacketWithoutFlagsIsCopiedAsItIs() {
        byte[] anything = Packets.randomBytes(random, 77); // not even IP: GSO_NONE needs no parsing
        ByteBuffer[] out = buffers(1, 100);
        assertEquals(1, splitter.split(new VirtioNetHeader().clear(), ByteBuffer.wrap(anything), out));
        assertArrayEquals(anything, written(out[0]));
    }

    @Test
    void readsFromPositionToLimitAndWritesAtPosition() {
        Packets.Spec s = new Packets.Spec();
        s.payload = Packets.randomBytes(random, 30);
        byte[] p = s.build();
        ByteBuffer in = ByteBuffer.allocate(p.length + 20);
        in.position(7);
        in.put(p);
        in.position(7).limit(7 + p.length);
        ByteBuffer[] out = buffers(2, 200);
        out[0].position(5);
        out[1].position(9);
        assertEquals(2, splitter.split(gso(VirtioNetHeader.GSO_TCPV4, s, 20), in, out));
        assertEquals(7, in.position());
        assertArrayEquals(expectedSegment(s, 20, 0, 2), Arrays.copyOfRange(out[0].array(), 5, out[0].position()));
        assertArrayEquals(expectedSegment(s, 20, 1, 2), Arrays.copyOfRange(out[1].array(), 9, out[1].position()));
    }

    // ---- bad input ------------------------------------------------------------------------------------------

    private Packets.Spec tcp4(int payload) {
        Packets.Spec s = new Packets.Spec();
        s.payload = Packets.randomBytes(random, payload);
        return s;
    }

    private void assertMalformed(VirtioNetHeader h, byte[] packet, String expectedInMessage) {
        ByteBuffer[] out = buffers(70, 1600);
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> splitter.split(h, ByteBuffer.wrap(packet), out));
        assertTrue(e.getMessage().startsWith("GSO split: ") && e.getMessage().contains(expectedInMessage),
                e.getMessage());
        assertThrows(MalformedPacketException.class, () -> splitter.segmentCount(h, ByteBuffer.wrap(packet)));
        for (ByteBuffer b : out) {
            assertEquals(0, b.position(), "nothing written");
        }
    }

    @Test
    void gsoSizeZeroIsRefused() {
        Packets.Spec s = tcp4(100);
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV4, s, 0), s.build(), "gso_size 0");
    }

    @Test
    void unknownOrUnsupportedGsoTypesAreRefused() {
        Packets.Spec s = tcp4(100);
        for (int type : new int[] {2, VirtioNetHeader.GSO_UDP, 6, 7, 0x40, 0x7F}) {
            assertMalformed(gso(type, s, 10), s.build(), "gso_type " + type);
        }
        Packets.Spec u = tcp4(100);
        u.protocol = UDP;
        assertMalformed(gso(VirtioNetHeader.GSO_UDP_L4 | VirtioNetHeader.GSO_ECN, u, 10), u.build(), "ECN");
    }

    @Test
    void aGsoTypeThatDoesNotMatchThePacketIsRefused() {
        Packets.Spec v4 = tcp4(100);
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV6, v4, 10), v4.build(), "on an IPv4 packet");
        assertMalformed(gso(VirtioNetHeader.GSO_UDP_L4, v4, 10), v4.build(), "carrying protocol 6");
        Packets.Spec v6 = tcp4(100).v6();
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV4, v6, 10), v6.build(), "on an IPv6 packet");
    }

    @Test
    void checksumPositionsThatMissTheTransportChecksumAreRefused() {
        Packets.Spec s = tcp4(100);
        VirtioNetHeader h = gso(VirtioNetHeader.GSO_TCPV4, s, 10);
        assertMalformed(h.set(1, 1, 40, 10, 24, 16), s.build(), "csum_start 24");
        assertMalformed(h.set(1, 1, 40, 10, 20, 6), s.build(), "csum_offset 6");
        assertMalformed(h.set(1, 0, 0, 0, 130, 9), s.build(), "beyond the 140-byte packet");
    }

    @Test
    void hdrLenBeyondThePacketIsRefusedButAnyOtherValueIsOnlyAHint() {
        Packets.Spec s = tcp4(100);
        byte[] p = s.build();
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV4, s, 10).set(1, 1, p.length + 1, 10, 20, 16), p, "hdr_len");
        assertMalformed(new VirtioNetHeader().set(0, 0, p.length + 1, 0, 0, 0), p, "hdr_len");
        for (int hdrLen : new int[] {0, 20, 54, p.length}) { // the kernel's hdr_len is skb_headlen: anything
            assertEquals(10, splitter.split(new VirtioNetHeader().set(1, 1, hdrLen, 10, 20, 16), ByteBuffer.wrap(p),
                    buffers(10, 100)));
        }
    }

    @Test
    void everyTruncationOfTheHeadersIsRefused() {
        for (Packets.Spec s : new Packets.Spec[] {tcp4(0), tcp4(0).v6(), udp6WithExtensions()}) {
            byte[] whole = s.build();
            int type = s.protocol == UDP ? VirtioNetHeader.GSO_UDP_L4
                    : s.version == 4 ? VirtioNetHeader.GSO_TCPV4 : VirtioNetHeader.GSO_TCPV6;
            for (int n = 0; n <= whole.length; n++) {
                byte[] cut = Arrays.copyOf(whole, n);
                // Lengths in the IP header fixed to the cut, so that each header's own check is reached too.
                byte[] fixed = cut.clone();
                if (n >= 6 && s.version == 6) {
                    Packets.put16(fixed, 4, n - 40);
                } else if (n >= 4 && s.version == 4) {
                    Packets.put16(fixed, 2, n);
                }
                for (byte[] p : new byte[][] {cut, fixed}) {
                    ByteBuffer[] out = buffers(4, 1600);
                    assertThrows(MalformedPacketException.class,
                            () -> splitter.split(gso(type, s, 10).set(1, type, 0, 10, s.ipHeaderLength(),
                                    s.protocol == TCP ? 16 : 6), ByteBuffer.wrap(p), out), "cut at " + n);
                }
            }
        }
    }

    private Packets.Spec udp6WithExtensions() {
        Packets.Spec s = new Packets.Spec().v6();
        s.protocol = UDP;
        s.extensions = new int[][] {{HOPOPTS, 1}, {DSTOPTS, 0}};
        return s;
    }

    @Test
    void lengthFieldsThatDisagreeWithThePacketAreRefused() {
        Packets.Spec s = tcp4(100);
        byte[] p = s.build();
        Packets.put16(p, 2, p.length + 1);
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV4, s, 10), p, "IPv4 total length");
        byte[] q = s.build();
        q[0] = 0x44; // header length 16
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV4, s, 10), q, "IPv4 header length 16");
        byte[] r = s.build();
        r[20 + 12] = 0x40; // data offset 16
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV4, s, 10), r, "TCP data offset 16");
        byte[] t = s.build();
        t[20 + 12] = (byte) 0xF0; // data offset 60: 40 payload bytes become option bytes, 60 remain
        assertEquals(6, splitter.split(gso(VirtioNetHeader.GSO_TCPV4, s, 10), ByteBuffer.wrap(t), buffers(7, 200)));
        Packets.Spec v6 = tcp4(100).v6();
        byte[] u = v6.build();
        Packets.put16(u, 4, 0); // a jumbogram's payload length
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV6, v6, 10), u, "IPv6 payload length 0");
    }

    @Test
    void fragmentsRoutingWithSegmentsLeftAndOtherVersionsAreRefused() {
        Packets.Spec s = tcp4(100);
        byte[] p = s.build();
        Packets.put16(p, 6, 0x2000); // more fragments
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV4, s, 10), p, "fragment");
        Packets.Spec r = tcp4(100).v6();
        r.extensions = new int[][] {{ROUTING, 2}};
        byte[] q = r.build();
        q[40 + 3] = 1; // segments left
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV6, r, 10), q, "segments left");
        Packets.Spec f = tcp4(100).v6();
        f.extensions = new int[][] {{44, 0}};
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV6, f, 10), f.build(), "fragment");
        byte[] v5 = s.build();
        v5[0] = 0x55;
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV4, s, 10), v5, "IP version 5");
        Packets.Spec icmp = tcp4(100);
        byte[] i = icmp.build();
        i[9] = 1;
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV4, icmp, 10), i, "protocol 1");
    }

    @Test
    void aSuperPacketWithoutPayloadIsRefused() {
        Packets.Spec s = tcp4(0);
        assertMalformed(gso(VirtioNetHeader.GSO_TCPV4, s, 10), s.build(), "without payload");
    }

    @Test
    void tooFewOrTooSmallOutputBuffersAreRefusedBeforeAnythingIsWritten() {
        Packets.Spec s = tcp4(100);
        VirtioNetHeader h = gso(VirtioNetHeader.GSO_TCPV4, s, 10);
        ByteBuffer[] few = buffers(9, 100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> splitter.split(h, ByteBuffer.wrap(s.build()), few));
        assertTrue(e.getMessage().contains("9 buffers for 10 segments"), e.getMessage());
        ByteBuffer[] small = buffers(10, 50);
        small[9] = ByteBuffer.allocate(49);
        e = assertThrows(IllegalArgumentException.class, () -> splitter.split(h, ByteBuffer.wrap(s.build()), small));
        assertTrue(e.getMessage().contains("out[9] has 49 bytes"), e.getMessage());
        for (ByteBuffer b : small) {
            assertEquals(0, b.position());
        }
    }
}
