package dev.tappers.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes a pcapng capture (the IETF draft "PCAP Next Generation (pcapng) Capture File Format",
 * draft-ietf-opsawg-pcapng; https://github.com/pcapng/pcapng): one Section Header Block, one Interface Description
 * Block, then one Enhanced Packet Block per packet, little-endian (readers follow the byte-order magic).
 * Timestamps are microseconds since 1970 (the IDB says so with if_tsresol = 6, the draft's default too).
 * A pure class over an {@link OutputStream}: it allocates nothing per packet and never flushes by itself.
 */
final class PcapngWriter {
    /** Block types (draft section 11.1 / 4.1-4.3). */
    static final int SECTION_HEADER_BLOCK = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION_BLOCK = 0x00000001;
    static final int ENHANCED_PACKET_BLOCK = 0x00000006;
    /** Section Header Block: the byte-order magic, and version 1.0 (section 4.1). */
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final short MAJOR_VERSION = 1;
    static final short MINOR_VERSION = 0;
    /** Section Length -1: not given, so the file can be streamed (section 4.1). */
    static final long SECTION_LENGTH_UNKNOWN = -1L;
    /** Option codes: opt_endofopt (section 3.5); if_name and if_tsresol (section 4.2). */
    static final short OPT_END_OF_OPTIONS = 0;
    static final short IF_NAME = 2;
    static final short IF_TSRESOL = 9;
    /** An option's value length is a 16-bit field (section 3.5). */
    static final int MAX_OPTION_LENGTH = 0xFFFF;
    /** if_tsresol 6: timestamps count 10^-6 s, microseconds. */
    static final byte MICROSECONDS = 6;

    /** Link types (the tcpdump.org LINKTYPE_ registry): bare IPv4/IPv6 packets, and Ethernet frames. */
    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_ETHERNET = 1;

    /** An Enhanced Packet Block's fixed part: type, length, interface id, timestamp (2 words), two lengths. */
    private static final int EPB_HEADER = 28;

    private final OutputStream out;
    private final int snapLength;
    private final ByteBuffer header = ByteBuffer.allocate(EPB_HEADER).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    private final byte[] padding = new byte[3];

    /**
     * Writes the Section Header Block and the Interface Description Block for one interface.
     *
     * @param linkType      {@link #LINKTYPE_RAW} for a TUN, {@link #LINKTYPE_ETHERNET} for a TAP
     * @param snapLength    the most bytes kept of one packet (0: no limit); longer packets are cut, and the
     *                      block records their original length
     * @param interfaceName recorded as if_name; at most 65535 bytes in UTF-8
     * @throws IllegalArgumentException for a link type outside 0-65535, a negative snap length or a longer name
     */
    PcapngWriter(OutputStream out, int linkType, int snapLength, String interfaceName) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        Objects.requireNonNull(interfaceName, "interface name");
        if (linkType < 0 || linkType > 0xFFFF) {
            throw new IllegalArgumentException("pcapng link type " + linkType + " is out of range 0-65535");
        }
        if (snapLength < 0) {
            throw new IllegalArgumentException("pcapng snap length " + snapLength + " is negative");
        }
        int nameLength = interfaceName.getBytes(StandardCharsets.UTF_8).length;
        if (nameLength > MAX_OPTION_LENGTH) {
            // An option's length field is 16 bits: a longer name would wrap it and corrupt the block.
            throw new IllegalArgumentException("pcapng interface name of " + nameLength + " bytes (UTF-8) is longer"
                    + " than the " + MAX_OPTION_LENGTH + " bytes an if_name option can hold");
        }
        this.snapLength = snapLength;
        out.write(sectionHeaderBlock());
        out.write(interfaceDescriptionBlock(linkType, snapLength, interfaceName));
    }

    private static byte[] sectionHeaderBlock() {
        int length = 28; // type, length, magic, versions, section length, trailing length; no options
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(SECTION_HEADER_BLOCK).putInt(length).putInt(BYTE_ORDER_MAGIC).putShort(MAJOR_VERSION)
                .putShort(MINOR_VERSION).putLong(SECTION_LENGTH_UNKNOWN).putInt(length);
        return b.array();
    }

    private static byte[] interfaceDescriptionBlock(int linkType, int snapLength, String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        int length = 16 + option(nameBytes.length) + option(1) + 4 + 4; // + opt_endofopt + trailing length
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(INTERFACE_DESCRIPTION_BLOCK).putInt(length).putShort((short) linkType).putShort((short) 0)
                .putInt(snapLength);
        b.putShort(IF_NAME).putShort((short) nameBytes.length).put(nameBytes);
        b.position(b.position() + pad(nameBytes.length));
        b.putShort(IF_TSRESOL).putShort((short) 1).put(MICROSECONDS);
        b.position(b.position() + pad(1));
        b.putShort(OPT_END_OF_OPTIONS).putShort((short) 0);
        b.putInt(length);
        return b.array();
    }

    /** An option's size: code and length (2 bytes each), then the value padded to 32 bits. */
    private static int option(int valueLength) {
        return 4 + valueLength + pad(valueLength);
    }

    /** The bytes that pad {@code n} to a multiple of 4. */
    static int pad(int n) {
        return (4 - (n & 3)) & 3;
    }

    /**
     * Writes one Enhanced Packet Block for interface 0: the bytes of {@code packet} from its position to its limit
     * (cut to the snap length), which it leaves unchanged.
     *
     * @param timestampMicros microseconds since 1970-01-01 00:00:00 UTC
     */
    void writePacket(ByteBuffer packet, long timestampMicros) throws IOException {
        int original = packet.remaining();
        int captured = snapLength == 0 ? original : Math.min(original, snapLength);
        int length = EPB_HEADER + captured + pad(captured) + 4;
        header.clear();
        header.putInt(ENHANCED_PACKET_BLOCK).putInt(length).putInt(0)
                .putInt((int) (timestampMicros >>> 32)).putInt((int) timestampMicros)
                .putInt(captured).putInt(original);
        out.write(header.array(), 0, EPB_HEADER);
        if (packet.hasArray()) {
            out.write(packet.array(), packet.arrayOffset() + packet.position(), captured);
        } else {
            for (int i = 0; i < captured; i++) { // a direct buffer: byte by byte, still without allocating
                out.write(packet.get(packet.position() + i));
            }
        }
        out.write(padding, 0, pad(captured));
        word.clear();
        word.putInt(length);
        out.write(word.array(), 0, 4);
    }
}
