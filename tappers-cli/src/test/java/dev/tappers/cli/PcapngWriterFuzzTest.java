package dev.tappers.cli;

import dev.tappers.tck.report.ReliabilityFigures;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property test of {@link PcapngWriter} on generated input (plain JUnit with a seeded {@link SplittableRandom}, no
 * property-testing library; {@code -Dtappers.fuzz.seed=N} for another run): 100,000 packets of random sizes, kinds
 * of buffer (heap, direct, a slice with an array offset), timestamps (any 64-bit value) and snap lengths, spread
 * over files with random link types and interface names. Every file is read back by the strict reader below,
 * written here from the draft (draft-ietf-opsawg-pcapng sections 3.1, 3.5, 4.1-4.3), not from the writer: block
 * lengths, 32-bit padding with zero bytes, trailing length equal to the leading one, the options, and each
 * Enhanced Packet Block's captured and original lengths, timestamp and bytes. The only exception allowed is the
 * documented IllegalArgumentException for a link type, snap length or interface name the format cannot hold,
 * thrown before anything is written.
 */
class PcapngWriterFuzzTest {
    static final int PACKETS = 100_000;
    private static final long SEED = Long.getLong("tappers.fuzz.seed", 0x9CA9E6L);

    @Test
    void everyGeneratedFileReadsBackExactly() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        int packets = 0;
        int files = 0;
        int cut = 0;
        int refused = 0;
        long bytes = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (packets < PACKETS) {
            int linkType = linkType(random);
            int snap = snapLength(random);
            String name = interfaceName(random);
            boolean valid = linkType >= 0 && linkType <= 0xFFFF && snap >= 0
                    && name.getBytes(StandardCharsets.UTF_8).length <= 0xFFFF;
            out.reset();
            PcapngWriter writer;
            try {
                writer = new PcapngWriter(out, linkType, snap, name);
                assertTrue(valid, () -> "accepted link type " + linkType + ", snap " + snap + ", a name of "
                        + name.length() + " chars; seed " + SEED);
            } catch (IllegalArgumentException e) {
                assertTrue(!valid, () -> "refused link type " + linkType + ", snap " + snap + ": " + e.getMessage());
                assertTrue(e.getMessage().startsWith("pcapng "), e.getMessage());
                assertEquals(0, out.size(), "nothing written before the refusal");
                refused++;
                continue;
            }
            files++;
            int count = random.nextInt(40);
            List<Expected> expected = new ArrayList<>(count);
            for (int i = 0; i < count && packets < PACKETS; i++, packets++) {
                byte[] data = new byte[packetLength(random)];
                random.nextBytes(data);
                long timestamp = timestamp(random);
                ByteBuffer packet = buffer(data, random);
                int position = packet.position();
                int limit = packet.limit();
                writer.writePacket(packet, timestamp);
                assertEquals(position, packet.position(), "the packet buffer's position is left alone");
                assertEquals(limit, packet.limit(), "the packet buffer's limit is left alone");
                expected.add(new Expected(data, timestamp));
                if (snap != 0 && data.length > snap) {
                    cut++;
                }
                bytes += data.length;
            }
            StrictReader.check(out.toByteArray(), linkType, snap, name, expected);
        }
        System.out.printf("PcapngWriterFuzz: %d packets in %d files, %d cut to the snap length, %d writers refused%n",
                packets, files, cut, refused);
        ReliabilityFigures.record("PcapngWriterFuzz", "pcapng writing: generated packets (heap, direct, sliced"
                        + " buffers), timestamps, snap lengths, link types and interface names, each file read back by"
                        + " an independent strict reader",
                String.format("%,d packets (%,d bytes) in %,d files, %,d cut to the snap length; %,d bad writer"
                        + " arguments refused (IllegalArgumentException); 0 malformed blocks, 0 other exceptions",
                        packets, bytes, files, cut, refused));
    }

    record Expected(byte[] data, long timestamp) {
    }

    private static int linkType(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> r.nextInt(); // mostly out of range
            case 1 -> 0xFFFF + r.nextInt(1, 3) - 1; // the edge: 65535 fits, 65536 does not
            case 2 -> -r.nextInt(1, 3);
            case 3 -> r.nextInt(0x10000);
            default -> r.nextBoolean() ? PcapngWriter.LINKTYPE_RAW : PcapngWriter.LINKTYPE_ETHERNET;
        };
    }

    private static int snapLength(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> -r.nextInt(1, 1000);
            case 1, 2 -> r.nextInt(1, 200);
            case 3 -> r.nextInt(1, 4) ;
            default -> r.nextBoolean() ? 0 : 65535;
        };
    }

    private static String interfaceName(SplittableRandom r) {
        int kind = r.nextInt(200);
        if (kind == 0) {
            return "x".repeat(65535 + r.nextInt(-1, 3)); // the option length field is 16 bits
        }
        if (kind == 1) {
            return "\u00E9".repeat(32767 + r.nextInt(0, 3)); // two bytes each in UTF-8
        }
        int length = kind < 20 ? r.nextInt(0, 300) : r.nextInt(0, 16);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int c = r.nextInt(6) == 0 ? r.nextInt(0x80, 0x3000) : r.nextInt(0x20, 0x7F);
            b.append((char) c);
        }
        return b.toString();
    }

    private static int packetLength(SplittableRandom r) {
        return switch (r.nextInt(10)) {
            case 0 -> 0;
            case 1 -> r.nextInt(1, 8); // every padding length
            case 2 -> r.nextInt(1500, 70_000);
            default -> r.nextInt(20, 1500);
        };
    }

    private static long timestamp(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> r.nextLong(); // any 64-bit value, negative ones too: the two words are unsigned
            case 1 -> r.nextBoolean() ? 0 : -1;
            case 2 -> (r.nextLong(0, 1L << 32) << 32) | 0xFFFFFFFFL; // the low word's top bit set
            default -> 1_700_000_000_000_000L + r.nextLong(0, 1L << 40);
        };
    }

    /** The same bytes as a heap buffer, a direct buffer, or a slice of a larger array with a position. */
    private static ByteBuffer buffer(byte[] data, SplittableRandom r) {
        switch (r.nextInt(3)) {
            case 0:
                return ByteBuffer.wrap(data);
            case 1: {
                ByteBuffer d = ByteBuffer.allocateDirect(data.length + 8);
                d.position(3);
                d.put(data);
                d.position(3).limit(3 + data.length);
                return d;
            }
            default: {
                byte[] big = new byte[data.length + 20];
                System.arraycopy(data, 0, big, 10, data.length);
                ByteBuffer s = ByteBuffer.wrap(big, 5, data.length + 10).slice(); // arrayOffset 5
                s.position(5).limit(5 + data.length);
                return s;
            }
        }
    }

    /** A pcapng reader that checks every rule of the draft the writer must follow, and the content. */
    static final class StrictReader {
        private StrictReader() {
        }

        static void check(byte[] file, int linkType, int snap, String name, List<Expected> expected) {
            ByteBuffer b = ByteBuffer.wrap(file);
            require(file.length >= 28 && b.getInt(0) == 0x0A0D0D0A, "Section Header Block first");
            int magic = b.getInt(8);
            if (magic == 0x4D3C2B1A) {
                b.order(ByteOrder.LITTLE_ENDIAN);
            } else {
                require(magic == 0x1A2B3C4D, "byte-order magic");
            }
            require(b.getShort(12) == 1 && b.getShort(14) == 0, "version 1.0");
            int at = 0;
            int block = 0;
            int packet = 0;
            while (at < file.length) {
                require(file.length - at >= 12, "a whole block header at " + at);
                int type = b.getInt(at);
                int length = b.getInt(at + 4);
                require(length >= 12 && (length & 3) == 0, "block length " + length + " a multiple of 4 at " + at);
                require(length <= file.length - at, "block of " + length + " inside the file at " + at);
                require(b.getInt(at + length - 4) == length, "trailing length equal to leading at " + at);
                int body = at + 8;
                int end = at + length - 4;
                if (block == 0) {
                    require(type == 0x0A0D0D0A && length == 28, "SHB of 28 bytes");
                    require(b.getLong(at + 16) == -1L, "section length -1");
                } else if (block == 1) {
                    require(type == 1, "Interface Description Block second");
                    require((b.getShort(body) & 0xFFFF) == linkType, "link type");
                    require(b.getShort(body + 2) == 0, "reserved 0");
                    require(b.getInt(body + 4) == snap, "snap length");
                    checkOptions(b, body + 8, end, name);
                } else {
                    require(type == 6, "only Enhanced Packet Blocks after the IDB, found " + type);
                    require(packet < expected.size(), "no more packets than written");
                    Expected e = expected.get(packet++);
                    require(length >= 32, "EPB of at least 32 bytes");
                    require(b.getInt(body) == 0, "interface id 0");
                    long ts = ((b.getInt(body + 4) & 0xFFFFFFFFL) << 32) | (b.getInt(body + 8) & 0xFFFFFFFFL);
                    require(ts == e.timestamp(), "timestamp " + ts + " != " + e.timestamp());
                    int captured = b.getInt(body + 12);
                    int original = b.getInt(body + 16);
                    require(original == e.data().length, "original length");
                    int wantCaptured = snap == 0 ? original : Math.min(original, snap);
                    require(captured == wantCaptured, "captured length " + captured + " != " + wantCaptured);
                    int padded = (captured + 3) & ~3;
                    require(length == 28 + padded + 4, "EPB length " + length + " for " + captured + " bytes");
                    int data = body + 20;
                    require(Arrays.equals(file, data, data + captured, e.data(), 0, captured), "packet bytes");
                    zeros(file, data + captured, data + padded, "EPB padding");
                }
                at += length;
                block++;
            }
            require(at == file.length, "no bytes after the last block");
            require(block >= 2, "SHB and IDB present");
            require(packet == expected.size(), "every packet written is in the file: " + packet);
        }

        private static void checkOptions(ByteBuffer b, int from, int end, String name) {
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            boolean sawName = false;
            boolean sawResolution = false;
            int at = from;
            while (true) {
                require(at + 4 <= end, "options end with opt_endofopt");
                int code = b.getShort(at) & 0xFFFF;
                int length = b.getShort(at + 2) & 0xFFFF;
                if (code == 0) {
                    require(length == 0 && at + 4 == end, "opt_endofopt last, length 0");
                    break;
                }
                int padded = (length + 3) & ~3;
                require(at + 4 + padded <= end, "option " + code + " inside its block");
                byte[] bytes = b.array();
                if (code == 2) {
                    require(Arrays.equals(bytes, at + 4, at + 4 + length, nameBytes, 0, nameBytes.length), "if_name");
                    sawName = true;
                } else if (code == 9) {
                    require(length == 1 && bytes[at + 4] == 6, "if_tsresol 6 (microseconds)");
                    sawResolution = true;
                }
                zeros(bytes, at + 4 + length, at + 4 + padded, "option padding");
                at += 4 + padded;
            }
            require(sawName && sawResolution, "if_name and if_tsresol present");
        }

        private static void zeros(byte[] file, int from, int to, String what) {
            for (int i = from; i < to; i++) {
                require(file[i] == 0, what + " byte " + i + " is " + file[i]);
            }
        }

        private static void require(boolean ok, String rule) {
            if (!ok) {
                throw new AssertionError("pcapng rule broken: " + rule + " (seed " + SEED + ")");
            }
        }
    }
}
