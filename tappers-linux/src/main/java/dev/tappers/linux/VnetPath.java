package dev.tappers.linux;

import dev.tappers.Offload;
import dev.tappers.PacketTooLargeException;
import dev.tappers.linux.jna.PacketIo;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.offload.GroCoalescer;
import dev.tappers.linux.offload.GsoSplitter;
import dev.tappers.linux.offload.VirtioNetHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import static dev.tappers.linux.offload.TunOffloadAbi.*;

/**
 * The packet path of a TUN opened with {@code IFF_VNET_HDR}: every read starts with a virtio-net header and may be
 * a GSO super-packet, every write must start with a header. Receiving cuts super-packets into the ordinary
 * packets the sender's kernel would have sent and hands them out one per call; sending puts a plain header
 * before each packet, and a batch send joins consecutive segments of one flow into super-packets.
 *
 * <p>The receive half runs under the channel's receive lock, the send half under its send lock. All memory is
 * allocated here, once: a packet costs no allocation.
 */
final class VnetPath {
    /**
     * The largest IP packet the TUN hands over or takes: an IPv6 packet's 16-bit payload length plus its 40-byte
     * header (IPv4's total length stops at 65,535). A read that says more was cut by the kernel and is refused.
     */
    private static final int SUPER_PACKET = 65_535 + 40;
    /** The most segments one super-packet may be cut into here; the kernel's TCP and UDP stay well below. */
    private static final int MAX_SEGMENTS = 256;
    /** Room for the IP and transport headers each segment repeats (IPv6 extension headers, TCP options). */
    private static final int HEADER_ROOM = 256;

    private final Supplier<String> label;
    private volatile Set<Offload> granted;

    // ---- receive (under the channel's receive lock) ----
    private final ByteBuffer rxRaw = ByteBuffer.allocateDirect(VirtioNetHeader.SIZE + SUPER_PACKET);
    private final long rxRawAddress = PacketIo.addressOf(rxRaw);
    private final ByteBuffer rxPacket = rxRaw.duplicate();
    private final VirtioNetHeader rxHeader = new VirtioNetHeader();
    private final GsoSplitter splitter = new GsoSplitter();
    private final ByteBuffer segments = ByteBuffer.allocateDirect(SUPER_PACKET + MAX_SEGMENTS * HEADER_ROOM);
    private final ByteBuffer[] slots = new ByteBuffer[MAX_SEGMENTS];
    private final int[] segmentStart = new int[MAX_SEGMENTS];
    private final int[] segmentLength = new int[MAX_SEGMENTS];
    private int segmentCount;
    private int nextSegment;
    /** Super-packets cut so far (GSO other than NONE): how tests and benchmarks see offload at work. */
    private long superPacketsCut;

    /** The header of a whole super-packet read straight into the caller's buffer. */
    private final ByteBuffer rxHeaderBytes = ByteBuffer.allocateDirect(VirtioNetHeader.SIZE);
    private final long rxHeaderAddress = PacketIo.addressOf(rxHeaderBytes);

    // ---- send (under the channel's send lock) ----
    private final ByteBuffer plainHeader = ByteBuffer.allocateDirect(VirtioNetHeader.SIZE); // all zero: GSO_NONE
    private final long plainHeaderAddress = PacketIo.addressOf(plainHeader);
    private final ByteBuffer txFrame = ByteBuffer.allocateDirect(VirtioNetHeader.SIZE + SUPER_PACKET);
    private final long txFrameAddress = PacketIo.addressOf(txFrame);
    private final GroCoalescer coalescer = new GroCoalescer();
    private final ByteBuffer txHeaderBytes = ByteBuffer.allocateDirect(VirtioNetHeader.SIZE);
    private final long txHeaderAddress = PacketIo.addressOf(txHeaderBytes);
    private final VirtioNetHeader txHeader = new VirtioNetHeader();
    /** Set when the kernel refused a super-packet we wrote: from then on every packet is written alone. */
    private boolean coalescingRefused;
    /** Super-packets written (more than one packet joined). */
    private long superPacketsWritten;

    VnetPath(Set<Offload> granted, Supplier<String> label) {
        this.granted = copy(granted);
        this.label = label;
        for (int i = 0; i < MAX_SEGMENTS; i++) {
            slots[i] = segments.duplicate();
        }
    }

    private static Set<Offload> copy(Set<Offload> offloads) {
        return offloads.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(offloads));
    }

    Set<Offload> granted() {
        return granted;
    }

    void granted(Set<Offload> now) {
        granted = copy(now);
    }

    /** The TUNSETOFFLOAD mask for a set of offloads: checksum offload, which all of them need, plus theirs. */
    static int mask(Set<Offload> offloads) {
        if (offloads.isEmpty()) {
            return 0;
        }
        int mask = TUN_F_CSUM;
        for (Offload o : offloads) {
            switch (o) {
                case TSO4: mask |= TUN_F_TSO4; break;
                case TSO6: mask |= TUN_F_TSO6; break;
                case TSO_ECN: mask |= TUN_F_TSO_ECN; break;
                case USO4: mask |= TUN_F_USO4; break;
                case USO6: mask |= TUN_F_USO6; break;
                default: throw new AssertionError(o);
            }
        }
        return mask;
    }

    /** Super-packets received and cut into packets so far; read without the lock, so approximate while busy. */
    long superPacketsCut() {
        return superPacketsCut;
    }

    /** Super-packets written by batch sends so far; approximate while busy, as above. */
    long superPacketsWritten() {
        return superPacketsWritten;
    }

    // ---- receive -------------------------------------------------------------------------------------------

    /** Whether cut segments are waiting to be handed out (the descriptor need not be readable then). */
    boolean hasQueued() {
        return nextSegment < segmentCount;
    }

    /**
     * The next packet into {@code dst}: a queued segment, or the next read, cut up. Returns its length or
     * {@link PacketIo#AGAIN}; a packet that does not fit stays queued ({@link PacketTooLargeException}).
     */
    int receive(PacketIo io, ByteBuffer dst) throws IOException {
        if (hasQueued()) {
            return deliver(dst);
        }
        int n = io.read(rxRawAddress, rxRaw.capacity());
        if (n == PacketIo.AGAIN) {
            return n;
        }
        checkRead(n, rxRaw.capacity());
        rxHeader.readFrom(rxRaw, 0);
        rxPacket.clear().position(VirtioNetHeader.SIZE).limit(n);
        try {
            int count = splitter.segmentCount(rxHeader, rxPacket);
            int stride = rxHeader.gsoKind() == VirtioNetHeader.GSO_NONE ? n - VirtioNetHeader.SIZE
                    : splitter.lastHeaderLength() + rxHeader.gsoSize();
            if (count > MAX_SEGMENTS || (long) count * stride > segments.capacity()) {
                throw new IOException("receive on " + label.get() + ": an offloaded packet of " + n + " bytes stands "
                        + "for " + count + " segments of " + rxHeader.gsoSize() + " bytes, more than this device "
                        + "cuts (" + MAX_SEGMENTS + "); it was dropped (turn offload off with setOffloads)");
            }
            for (int i = 0; i < count; i++) {
                slots[i].clear().position(i * stride).limit(i * stride + stride);
            }
            splitter.split(rxHeader, rxPacket, slots);
            for (int i = 0; i < count; i++) {
                segmentStart[i] = i * stride;
                segmentLength[i] = slots[i].position() - i * stride;
            }
            segmentCount = count;
            nextSegment = 0;
            if (rxHeader.gsoKind() != VirtioNetHeader.GSO_NONE) {
                superPacketsCut++;
            }
        } catch (IllegalArgumentException e) { // MalformedPacketException among them
            throw new IOException("receive on " + label.get() + ": the kernel handed over an offloaded packet that "
                    + "cannot be cut into packets (" + e.getMessage() + "); it was dropped (turn offload off with "
                    + "setOffloads)", e);
        }
        return deliver(dst);
    }

    /**
     * What one read gives, whole (see {@link dev.tappers.PacketDevice#receiveSuperPacket}): into {@code dst} at
     * {@code address} (0 for a heap buffer, read through the staging buffer), with {@code gso} describing it.
     * The caller made sure {@code dst} has room for the largest packet. Returns the length or AGAIN.
     */
    int receiveWhole(PacketIo io, ByteBuffer dst, long address, dev.tappers.GsoInfo gso) throws IOException {
        if (hasQueued()) {
            gso.none();
            return deliver(dst);
        }
        int n;
        if (address != 0) {
            n = io.readTwo(rxHeaderAddress, VirtioNetHeader.SIZE, address, dst.remaining());
            if (n == PacketIo.AGAIN) {
                return n;
            }
            checkRead(n, VirtioNetHeader.SIZE + dst.remaining());
            rxHeader.readFrom(rxHeaderBytes, 0);
        } else {
            n = io.read(rxRawAddress, rxRaw.capacity());
            if (n == PacketIo.AGAIN) {
                return n;
            }
            checkRead(n, rxRaw.capacity());
            rxHeader.readFrom(rxRaw, 0);
            dst.put(dst.position(), rxRaw, VirtioNetHeader.SIZE, n - VirtioNetHeader.SIZE);
        }
        describe(rxHeader, gso);
        dst.position(dst.position() + n - VirtioNetHeader.SIZE);
        return n - VirtioNetHeader.SIZE;
    }

    /** A read must hold more than the header, and no more than the room it had (the kernel reports the full length). */
    private void checkRead(int n, int room) throws IOException {
        if (n <= VirtioNetHeader.SIZE) {
            throw new IOException("receive on " + label.get() + ": a read of " + n + " bytes is no longer than the "
                    + VirtioNetHeader.SIZE + "-byte virtio-net header");
        }
        if (n > room) {
            throw new IOException("receive on " + label.get() + ": the kernel handed over " + n + " bytes with room for "
                    + room + "; the packet was cut and is dropped");
        }
    }

    /** The kernel's header as the API's {@link dev.tappers.GsoInfo}. */
    private void describe(VirtioNetHeader h, dev.tappers.GsoInfo gso) throws IOException {
        dev.tappers.GsoInfo.Type type;
        switch (h.gsoKind()) {
            case VirtioNetHeader.GSO_NONE: type = dev.tappers.GsoInfo.Type.NONE; break;
            case VirtioNetHeader.GSO_TCPV4: type = dev.tappers.GsoInfo.Type.TCP_V4; break;
            case VirtioNetHeader.GSO_TCPV6: type = dev.tappers.GsoInfo.Type.TCP_V6; break;
            case VirtioNetHeader.GSO_UDP_L4: type = dev.tappers.GsoInfo.Type.UDP_L4; break;
            default:
                throw new IOException("receive on " + label.get() + ": the kernel handed over a super-packet of GSO "
                        + "type " + h.gsoKind() + ", which this library does not know");
        }
        gso.set(type, (h.gsoType() & VirtioNetHeader.GSO_ECN) != 0 && type != dev.tappers.GsoInfo.Type.UDP_L4
                        && type != dev.tappers.GsoInfo.Type.NONE, h.gsoSize(), h.hdrLen(), h.needsChecksum(),
                h.csumStart(), h.csumOffset());
    }

    private int deliver(ByteBuffer dst) {
        int length = segmentLength[nextSegment];
        if (dst.remaining() < length) {
            throw new PacketTooLargeException(label.get(), length, dst.remaining());
        }
        dst.put(dst.position(), segments, segmentStart[nextSegment], length);
        dst.position(dst.position() + length);
        nextSegment++;
        return length;
    }

    // ---- send ----------------------------------------------------------------------------------------------

    /**
     * Writes one ordinary packet behind a plain (GSO_NONE) header. {@code address} is the packet's first byte in
     * a direct buffer, or 0 for a heap buffer, which is copied. Returns the packet's length, or AGAIN.
     */
    int send(PacketIo io, ByteBuffer src, long address) throws SyscallException {
        int length = src.remaining();
        int n;
        if (address != 0) {
            n = io.writeTwo(plainHeaderAddress, VirtioNetHeader.SIZE, address, length);
        } else {
            txFrame.put(0, plainHeader, 0, VirtioNetHeader.SIZE);
            txFrame.put(VirtioNetHeader.SIZE, src, src.position(), length);
            n = io.write(txFrameAddress, VirtioNetHeader.SIZE + length);
        }
        return n == PacketIo.AGAIN ? n : n - VirtioNetHeader.SIZE;
    }

    /**
     * Writes one packet behind the header {@code gso} describes (see
     * {@link dev.tappers.PacketDevice#sendSuperPacket}). {@code address} as for {@link #send}. Returns the packet's
     * length, or AGAIN.
     */
    int sendWhole(PacketIo io, ByteBuffer src, long address, dev.tappers.GsoInfo gso) throws SyscallException {
        int type;
        switch (gso.type()) {
            case NONE: type = VirtioNetHeader.GSO_NONE; break;
            case TCP_V4: type = VirtioNetHeader.GSO_TCPV4; break;
            case TCP_V6: type = VirtioNetHeader.GSO_TCPV6; break;
            case UDP_L4: type = VirtioNetHeader.GSO_UDP_L4; break;
            default: throw new AssertionError(gso.type());
        }
        txHeader.set(gso.needsChecksum() ? VirtioNetHeader.F_NEEDS_CSUM : 0, type | (gso.ecn() ? VirtioNetHeader.GSO_ECN : 0),
                gso.headerLength(), gso.segmentSize(), gso.checksumStart(), gso.checksumOffset());
        int length = src.remaining();
        int n;
        if (address != 0) {
            txHeader.writeTo(txHeaderBytes, 0);
            n = io.writeTwo(txHeaderAddress, VirtioNetHeader.SIZE, address, length);
        } else {
            txHeader.writeTo(txFrame, 0);
            txFrame.put(VirtioNetHeader.SIZE, src, src.position(), length);
            n = io.write(txFrameAddress, VirtioNetHeader.SIZE + length);
        }
        return n == PacketIo.AGAIN ? n : n - VirtioNetHeader.SIZE;
    }

    /**
     * Whether a packet may start a super-packet: TCP only with TSO granted for its IP version, UDP only with USO
     * (a kernel refuses the kinds it did not grant, and a refused write would stop joining altogether).
     */
    private boolean joinable(ByteBuffer p) {
        if (p.remaining() < 40) {
            return false;
        }
        int at = p.position();
        int version = (p.get(at) & 0xF0) >>> 4;
        int protocol = version == 4 ? p.get(at + 9) & 0xFF : version == 6 ? p.get(at + 6) & 0xFF : -1;
        Set<Offload> now = granted;
        if (protocol == 6) {
            return now.contains(version == 4 ? Offload.TSO4 : Offload.TSO6);
        }
        if (protocol == 17) {
            return now.contains(version == 4 ? Offload.USO4 : Offload.USO6);
        }
        return false;
    }

    /**
     * Writes {@code srcs[from]} and as many following segments of its flow as may join it, as one super-packet
     * (or the packet alone when nothing joins or offload is off). Returns how many packets went, or 0 when the
     * device cannot take the write now. The caller moves nothing: this advances the positions of what went.
     */
    int sendJoined(PacketIo io, ByteBuffer[] srcs, int from) throws SyscallException {
        boolean join = !coalescingRefused && joinable(srcs[from]);
        txFrame.clear();
        int joined = join ? coalescer.coalesce(srcs, from, srcs.length - from, txFrame) : 1;
        if (!join) {
            txFrame.put(0, plainHeader, 0, VirtioNetHeader.SIZE);
            ByteBuffer p = srcs[from];
            txFrame.put(VirtioNetHeader.SIZE, p, p.position(), p.remaining());
            txFrame.position(VirtioNetHeader.SIZE + p.remaining());
        }
        int n;
        try {
            n = io.write(txFrameAddress, txFrame.position());
        } catch (SyscallException e) {
            if (joined > 1 && e.errno() == dev.tappers.linux.jna.LinuxConstants.EINVAL) {
                // Kernels have refused offloaded writes they advertised: stop joining, write them one by one.
                coalescingRefused = true;
                return sendJoined(io, srcs, from);
            }
            throw e;
        }
        if (n == PacketIo.AGAIN) {
            return 0;
        }
        for (int k = from; k < from + joined; k++) {
            srcs[k].position(srcs[k].limit());
        }
        if (joined > 1) {
            superPacketsWritten++;
        }
        return joined;
    }
}
