package dev.tappers;

/**
 * What an offloaded super-packet stands for, for the users who move super-packets whole
 * ({@link PacketDevice#receiveSuperPacket}, {@link PacketDevice#sendSuperPacket}) instead of ordinary packets:
 * the fields of Linux's {@code struct virtio_net_hdr}, in plain Java. Mutable and meant to be reused for every
 * packet (no allocation per packet); not thread-safe.
 *
 * <pre>{@code
 * GsoInfo gso = new GsoInfo();
 * ByteBuffer superPacket = ByteBuffer.allocateDirect(Tun.MAX_PACKET_SIZE);
 * tun.receiveSuperPacket(superPacket, gso);   // e.g. TCP_V4, segmentSize 1448: one read, dozens of segments
 * }</pre>
 */
public final class GsoInfo {
    /** The kind of super-packet; {@link #NONE} is an ordinary packet. */
    public enum Type {
        /** An ordinary packet (its transport checksum may still be partial: see {@link #needsChecksum()}). */
        NONE,
        /** TCP over IPv4, to be cut into segments of {@link #segmentSize()} payload bytes. */
        TCP_V4,
        /** TCP over IPv6. */
        TCP_V6,
        /** UDP (IPv4 or IPv6), to be cut into datagrams of {@link #segmentSize()} payload bytes. */
        UDP_L4
    }

    private Type type = Type.NONE;
    private boolean ecn;
    private int segmentSize;
    private int headerLength;
    private boolean needsChecksum;
    private int checksumStart;
    private int checksumOffset;

    /** Creates a holder describing an ordinary packet ({@link Type#NONE}). */
    public GsoInfo() {
    }

    /**
     * The kind of packet.
     *
     * @return the type; {@link Type#NONE} for an ordinary packet
     */
    public Type type() {
        return type;
    }

    /**
     * TCP only: the flow uses ECN (CWR goes on the first segment only).
     *
     * @return whether the super-packet carries ECN
     */
    public boolean ecn() {
        return ecn;
    }

    /**
     * Payload bytes per segment (the MSS).
     *
     * @return the segment size; 0 for {@link Type#NONE}
     */
    public int segmentSize() {
        return segmentSize;
    }

    /**
     * The length of the IP and transport headers (a hint: the packet's own headers decide).
     *
     * @return the header length in bytes
     */
    public int headerLength() {
        return headerLength;
    }

    /**
     * The transport checksum is partial: sum from {@link #checksumStart()}, store at start + offset.
     *
     * @return whether the checksum is still to be completed
     */
    public boolean needsChecksum() {
        return needsChecksum;
    }

    /**
     * Where the checksummed bytes start: the transport header.
     *
     * @return the offset from the packet's first byte
     */
    public int checksumStart() {
        return checksumStart;
    }

    /**
     * Where the checksum goes, from {@link #checksumStart()}: 16 for TCP, 6 for UDP.
     *
     * @return the offset from the checksum start
     */
    public int checksumOffset() {
        return checksumOffset;
    }

    /**
     * Describes an ordinary packet with a complete checksum.
     *
     * @return this
     */
    public GsoInfo none() {
        return set(Type.NONE, false, 0, 0, false, 0, 0);
    }

    /**
     * Sets every field.
     *
     * @param type           the kind of packet
     * @param ecn            TCP only: the flow uses ECN
     * @param segmentSize    payload bytes per segment; above 0 unless {@code type} is {@link Type#NONE}
     * @param headerLength   the length of the IP and transport headers
     * @param needsChecksum  whether the transport checksum is partial
     * @param checksumStart  where the checksummed bytes start
     * @param checksumOffset where the checksum goes, from {@code checksumStart}
     * @return this
     * @throws IllegalArgumentException for a negative or over-65535 size or offset, a super-packet type with
     *                                  segment size 0, or ECN on anything but TCP
     */
    public GsoInfo set(Type type, boolean ecn, int segmentSize, int headerLength, boolean needsChecksum,
                       int checksumStart, int checksumOffset) {
        java.util.Objects.requireNonNull(type, "gso type");
        check("segmentSize", segmentSize);
        check("headerLength", headerLength);
        check("checksumStart", checksumStart);
        check("checksumOffset", checksumOffset);
        if (type != Type.NONE && segmentSize == 0) {
            throw new IllegalArgumentException("gso: a " + type + " super-packet needs a segment size above 0");
        }
        if (ecn && (type == Type.UDP_L4 || type == Type.NONE)) {
            throw new IllegalArgumentException("gso: ECN applies to TCP super-packets only, not " + type);
        }
        this.type = type;
        this.ecn = ecn;
        this.segmentSize = segmentSize;
        this.headerLength = headerLength;
        this.needsChecksum = needsChecksum;
        this.checksumStart = checksumStart;
        this.checksumOffset = checksumOffset;
        return this;
    }

    private static void check(String name, int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("gso: " + name + " " + value + " is outside 0-65535");
        }
    }

    @Override
    public String toString() {
        return "GsoInfo[" + type + (ecn ? "+ECN" : "") + ", segmentSize " + segmentSize + ", headerLength "
                + headerLength + (needsChecksum ? ", checksum at " + checksumStart + "+" + checksumOffset : "") + "]";
    }
}
