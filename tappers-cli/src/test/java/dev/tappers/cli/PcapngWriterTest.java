package dev.tappers.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Byte for byte against the pcapng draft (draft-ietf-opsawg-pcapng, sections 3.1, 3.5, 4.1, 4.2, 4.3): the
 * expected bytes are written out by hand here, little-endian, not produced by the writer's own code.
 */
class PcapngWriterTest {
    private static final HexFormat HEX = HexFormat.of();

    /** SHB: type 0x0A0D0D0A, length 28, magic 0x1A2B3C4D, version 1.0, section length -1, length 28. */
    private static final String SHB = "0a0d0d0a" + "1c000000" + "4d3c2b1a" + "0100" + "0000" + "ffffffffffffffff"
            + "1c000000";

    private static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    @Test
    void headerBlocksForATun() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PcapngWriter(out, PcapngWriter.LINKTYPE_RAW, 65535, "tun0");
        String idb = "01000000" + "28000000" // IDB, 40 bytes
                + "6500" + "0000" + "ffff0000" // LINKTYPE_RAW (101), reserved, snap length 65535
                + "0200" + "0400" + "74756e30" // if_name, 4 bytes: "tun0" (no padding needed)
                + "0900" + "0100" + "06" + "000000" // if_tsresol, 1 byte: 6 (microseconds), 3 bytes of padding
                + "0000" + "0000" // opt_endofopt
                + "28000000";
        assertEquals(SHB + idb, HEX.formatHex(out.toByteArray()));
    }

    @Test
    void headerBlocksForATapPadTheName() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PcapngWriter(out, PcapngWriter.LINKTYPE_ETHERNET, 0, "tap10");
        String idb = "01000000" + "2c000000" // IDB, 44 bytes
                + "0100" + "0000" + "00000000" // LINKTYPE_ETHERNET (1), snap length 0: no limit
                + "0200" + "0500" + "7461703130" + "000000" // "tap10", padded to 8
                + "0900" + "0100" + "06000000"
                + "00000000"
                + "2c000000";
        assertEquals(SHB + idb, HEX.formatHex(out.toByteArray()));
    }

    @Test
    void enhancedPacketBlockSplitsTheTimestampAndPadsThePacket() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter writer = new PcapngWriter(out, PcapngWriter.LINKTYPE_RAW, 65535, "tun0");
        int headers = out.size();
        ByteBuffer packet = ByteBuffer.wrap(bytes("4501020304"));
        writer.writePacket(packet, 0x0000000100000002L);
        String epb = "06000000" + "28000000" // EPB, 40 bytes
                + "00000000" // interface 0
                + "01000000" + "02000000" // timestamp: upper 32 bits, then lower 32 bits
                + "05000000" + "05000000" // captured and original length
                + "4501020304" + "000000" // the packet, padded to 32 bits
                + "28000000";
        assertEquals(epb, HEX.formatHex(Arrays.copyOfRange(out.toByteArray(), headers, out.size())));
        assertEquals(0, packet.position()); // the caller's buffer is left as it was
    }

    @Test
    void theSnapLengthCutsAndTheOriginalLengthIsKept() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter writer = new PcapngWriter(out, PcapngWriter.LINKTYPE_RAW, 3, "t");
        int headers = out.size();
        writer.writePacket(ByteBuffer.wrap(bytes("4501020304")), 7);
        String epb = "06000000" + "24000000" + "00000000" + "00000000" + "07000000"
                + "03000000" + "05000000" // 3 of 5 bytes kept
                + "450102" + "00"
                + "24000000";
        assertEquals(epb, HEX.formatHex(Arrays.copyOfRange(out.toByteArray(), headers, out.size())));
    }

    @Test
    void directAndSlicedBuffersWriteTheSameBytes() throws Exception {
        byte[] packet = bytes("60000000000411400102030405060708");
        ByteArrayOutputStream heap = new ByteArrayOutputStream();
        new PcapngWriter(heap, PcapngWriter.LINKTYPE_RAW, 0, "tun0").writePacket(ByteBuffer.wrap(packet), 99);
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        ByteBuffer d = ByteBuffer.allocateDirect(64);
        d.position(10);
        d.put(packet).flip().position(10);
        new PcapngWriter(direct, PcapngWriter.LINKTYPE_RAW, 0, "tun0").writePacket(d, 99);
        ByteArrayOutputStream sliced = new ByteArrayOutputStream();
        byte[] bigger = new byte[packet.length + 7];
        System.arraycopy(packet, 0, bigger, 5, packet.length);
        ByteBuffer slice = ByteBuffer.wrap(bigger, 3, bigger.length - 3).slice().position(2).limit(2 + packet.length);
        new PcapngWriter(sliced, PcapngWriter.LINKTYPE_RAW, 0, "tun0").writePacket(slice, 99);
        assertArrayEquals(heap.toByteArray(), direct.toByteArray());
        assertArrayEquals(heap.toByteArray(), sliced.toByteArray());
    }

    @Test
    void theReaderInTheseTestsAgreesWithTheWriter() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter writer = new PcapngWriter(out, PcapngWriter.LINKTYPE_ETHERNET, 0, "tap0");
        writer.writePacket(ByteBuffer.wrap(bytes("0102030405060708090a0b0c0d")), 1_700_000_000_000_000L);
        writer.writePacket(ByteBuffer.wrap(bytes("ff")), 1_700_000_000_000_001L);
        PcapngFile file = PcapngFile.parse(out.toByteArray());
        assertEquals(PcapngWriter.LINKTYPE_ETHERNET, file.linkType());
        assertEquals("tap0", file.interfaceName());
        List<PcapngFile.Packet> packets = file.packets();
        assertEquals(2, packets.size());
        assertArrayEquals(bytes("0102030405060708090a0b0c0d"), packets.get(0).data());
        assertEquals(1_700_000_000_000_001L, packets.get(1).timestampMicros());
    }

    @Test
    void badArgumentsAreRefusedFirst() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalArgumentException.class, () -> new PcapngWriter(out, 70000, 0, "t"));
        assertThrows(IllegalArgumentException.class, () -> new PcapngWriter(out, 1, -1, "t"));
        // if_name's length field is 16 bits: 65535 bytes fit, one more would wrap it.
        assertThrows(IllegalArgumentException.class, () -> new PcapngWriter(out, 1, 0, "x".repeat(65536)));
        assertThrows(IllegalArgumentException.class, () -> new PcapngWriter(out, 1, 0, "\u00E9".repeat(32768)));
        assertEquals(0, out.size());
        assertEquals(0, PcapngWriter.pad(0));
        assertEquals(3, PcapngWriter.pad(1));
        assertEquals(1, PcapngWriter.pad(7));
    }
}
