package dev.tappers.linux.offload;

import java.nio.ByteBuffer;

/**
 * {@code struct virtio_net_hdr} (Linux {@code <linux/virtio_net.h>}), the 10-byte header a TUN opened with
 * {@code IFF_VNET_HDR} puts before every packet it hands out and expects before every packet written to it:
 *
 * <pre>
 *   offset 0  u8  flags        VIRTIO_NET_HDR_F_NEEDS_CSUM: the L4 checksum is partial, see csum_start/offset
 *   offset 1  u8  gso_type     VIRTIO_NET_HDR_GSO_*: what kind of super-packet (NONE: an ordinary packet)
 *   offset 2  u16 hdr_len      length of the headers (IP + L4) before the payload; only a hint, see below
 *   offset 4  u16 gso_size     payload bytes per segment (the MSS)
 *   offset 6  u16 csum_start   where the checksummed bytes start (the L4 header)
 *   offset 8  u16 csum_offset  where, from csum_start, the checksum goes (16 for TCP, 6 for UDP)
 * </pre>
 *
 * The u16 fields are little-endian: this codec reads and writes them so, which is the kernel's order on every
 * little-endian host (x86, arm64, riscv) and on any host once the device has called {@code TUNSETVNETLE}
 * ({@link TunOffloadAbi#TUNSETVNETLE}). Layout and values checked against the UAPI header by a C program
 * ({@code offsetof}, {@code sizeof} = 10) and pinned by {@code VirtioNetHeaderTest}.
 *
 * <p>A mutable holder, meant to be reused for every packet of one reader or writer (no allocation per packet);
 * not thread-safe.
 */
public final class VirtioNetHeader {
    /** sizeof(struct virtio_net_hdr), the length a TUN uses unless TUNSETVNETHDRSZ says otherwise. */
    public static final int SIZE = 10;

    // <linux/virtio_net.h>: flags
    /** The checksum from csum_start to the end is still to be computed and stored at csum_start + csum_offset. */
    public static final int F_NEEDS_CSUM = 1;
    /** The checksum was checked already (receive side only); nothing to do for a reader. */
    public static final int F_DATA_VALID = 2;

    // <linux/virtio_net.h>: gso_type
    /** An ordinary packet. */
    public static final int GSO_NONE = 0;
    /** A TCP over IPv4 super-packet (TSO). */
    public static final int GSO_TCPV4 = 1;
    /** IPv4 UDP fragmentation offload (UFO): deprecated, the kernel no longer produces it; refused here. */
    public static final int GSO_UDP = 3;
    /** A TCP over IPv6 super-packet. */
    public static final int GSO_TCPV6 = 4;
    /** A UDP super-packet to cut into datagrams of gso_size payload bytes (USO), IPv4 or IPv6; Linux 4.18+ headers. */
    public static final int GSO_UDP_L4 = 5;
    /** Bit or-ed into gso_type: the TCP super-packet carries ECN (CWR on its first segment). */
    public static final int GSO_ECN = 0x80;

    // Offsets of the fields in the struct.
    private static final int FLAGS = 0;
    private static final int GSO_TYPE = 1;
    private static final int HDR_LEN = 2;
    private static final int GSO_SIZE = 4;
    private static final int CSUM_START = 6;
    private static final int CSUM_OFFSET = 8;

    private int flags;
    private int gsoType;
    private int hdrLen;
    private int gsoSize;
    private int csumStart;
    private int csumOffset;

    /**
     * Reads the header at {@code buffer[index]}, whatever the buffer's byte order.
     *
     * @throws MalformedPacketException if fewer than {@link #SIZE} bytes lie between index and the limit
     */
    public VirtioNetHeader readFrom(ByteBuffer buffer, int index) {
        if (index < 0 || buffer.limit() - index < SIZE) {
            throw new MalformedPacketException("read virtio-net header",
                    "needs " + SIZE + " bytes at index " + index + " but the buffer's limit is " + buffer.limit());
        }
        flags = buffer.get(index + FLAGS) & 0xFF;
        gsoType = buffer.get(index + GSO_TYPE) & 0xFF;
        hdrLen = le16(buffer, index + HDR_LEN);
        gsoSize = le16(buffer, index + GSO_SIZE);
        csumStart = le16(buffer, index + CSUM_START);
        csumOffset = le16(buffer, index + CSUM_OFFSET);
        return this;
    }

    /**
     * Writes the header at {@code buffer[index]}, whatever the buffer's byte order.
     *
     * @throws IllegalArgumentException if fewer than {@link #SIZE} bytes lie between index and the limit
     */
    public void writeTo(ByteBuffer buffer, int index) {
        if (index < 0 || buffer.limit() - index < SIZE) {
            throw new IllegalArgumentException("write virtio-net header: buffer needs " + SIZE + " bytes at index "
                    + index + " but its limit is " + buffer.limit());
        }
        buffer.put(index + FLAGS, (byte) flags);
        buffer.put(index + GSO_TYPE, (byte) gsoType);
        putLe16(buffer, index + HDR_LEN, hdrLen);
        putLe16(buffer, index + GSO_SIZE, gsoSize);
        putLe16(buffer, index + CSUM_START, csumStart);
        putLe16(buffer, index + CSUM_OFFSET, csumOffset);
    }

    /** Sets every field; each is masked to its width (u8 or u16). */
    public VirtioNetHeader set(int flags, int gsoType, int hdrLen, int gsoSize, int csumStart, int csumOffset) {
        this.flags = flags & 0xFF;
        this.gsoType = gsoType & 0xFF;
        this.hdrLen = hdrLen & 0xFFFF;
        this.gsoSize = gsoSize & 0xFFFF;
        this.csumStart = csumStart & 0xFFFF;
        this.csumOffset = csumOffset & 0xFFFF;
        return this;
    }

    /** An ordinary packet with a complete checksum: all fields zero. */
    public VirtioNetHeader clear() {
        return set(0, GSO_NONE, 0, 0, 0, 0);
    }

    public int flags() {
        return flags;
    }

    public int gsoType() {
        return gsoType;
    }

    /** The GSO type without the {@link #GSO_ECN} bit. */
    public int gsoKind() {
        return gsoType & ~GSO_ECN;
    }

    public boolean needsChecksum() {
        return (flags & F_NEEDS_CSUM) != 0;
    }

    public int hdrLen() {
        return hdrLen;
    }

    public int gsoSize() {
        return gsoSize;
    }

    public int csumStart() {
        return csumStart;
    }

    public int csumOffset() {
        return csumOffset;
    }

    private static int le16(ByteBuffer b, int i) {
        return (b.get(i) & 0xFF) | (b.get(i + 1) & 0xFF) << 8;
    }

    private static void putLe16(ByteBuffer b, int i, int v) {
        b.put(i, (byte) v);
        b.put(i + 1, (byte) (v >>> 8));
    }

    @Override
    public String toString() {
        return "virtio_net_hdr{flags=" + flags + ", gso_type=" + gsoType + ", hdr_len=" + hdrLen + ", gso_size="
                + gsoSize + ", csum_start=" + csumStart + ", csum_offset=" + csumOffset + "}";
    }
}
