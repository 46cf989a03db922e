package dev.tappers.cli;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small pcapng reader for the tests, written from the draft independently of {@link PcapngWriter}: it checks
 * the block structure as it goes (Section Header Block first with the byte-order magic, every block's trailing
 * length equal to its leading one and a multiple of 4, an Interface Description Block before any packet) and
 * throws {@link AssertionError} where the file breaks it.
 */
record PcapngFile(int linkType, String interfaceName, List<Packet> packets) {

    record Packet(long timestampMicros, int originalLength, byte[] data) {
    }

    static PcapngFile parse(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        check(file.length >= 12 && b.getInt(0) == 0x0A0D0D0A, "the file starts with a Section Header Block");
        int magic = b.getInt(8);
        if (magic == 0x4D3C2B1A) {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else {
            check(magic == 0x1A2B3C4D, "byte-order magic " + Integer.toHexString(magic));
        }
        check(b.getShort(12) == 1 && b.getShort(14) == 0, "version 1.0");
        int linkType = -1;
        String name = null;
        List<Packet> packets = new ArrayList<>();
        int at = 0;
        while (at < file.length) {
            check(file.length - at >= 12, "a whole block at " + at);
            int type = b.getInt(at);
            int length = b.getInt(at + 4);
            check(length >= 12 && length % 4 == 0 && at + length <= file.length, "block length " + length + " at " + at);
            check(b.getInt(at + length - 4) == length, "trailing length equals leading length at " + at);
            if (type == 1) {
                check(linkType < 0, "one interface");
                linkType = b.getShort(at + 8) & 0xFFFF;
                name = option(b, at + 16, at + length - 4, 2);
            } else if (type == 6) {
                check(linkType >= 0, "an Interface Description Block before the first packet");
                check(b.getInt(at + 8) == 0, "interface id 0");
                long timestamp = ((b.getInt(at + 12) & 0xFFFFFFFFL) << 32) | (b.getInt(at + 16) & 0xFFFFFFFFL);
                int captured = b.getInt(at + 20);
                int original = b.getInt(at + 24);
                check(captured <= original && 28 + captured + 4 <= length, "packet lengths at " + at);
                packets.add(new Packet(timestamp, original, Arrays.copyOfRange(file, at + 28, at + 28 + captured)));
            } else {
                check(type == 0x0A0D0D0A && at == 0, "only SHB, IDB and EPB blocks; found type " + type + " at " + at);
            }
            at += length;
        }
        check(linkType >= 0, "an Interface Description Block");
        return new PcapngFile(linkType, name, packets);
    }

    /** The value of option {@code code} between {@code from} and {@code to}, as UTF-8, or null. */
    private static String option(ByteBuffer b, int from, int to, int code) {
        int at = from;
        while (at + 4 <= to) {
            int c = b.getShort(at) & 0xFFFF;
            int length = b.getShort(at + 2) & 0xFFFF;
            if (c == 0) {
                return null;
            }
            if (c == code) {
                byte[] value = new byte[length];
                b.get(at + 4, value);
                return new String(value, StandardCharsets.UTF_8);
            }
            at += 4 + ((length + 3) & ~3);
        }
        return null;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("pcapng: expected " + what);
        }
    }
}
