package dev.tappers.linux;

import dev.tappers.PacketTooLargeException;
import dev.tappers.TappersException;
import dev.tappers.linux.jna.PacketIo;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.spi.Checks;

import dev.tappers.Readiness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * The packet path of one nonblocking descriptor (a TUN/TAP queue, a packet socket): whole packets in and out of
 * {@link ByteBuffer}s, blocking waits that {@link #close()} wakes, and a close that waits for every thread to
 * leave before the descriptor number is released.
 *
 * <p>Receive and send each have their own lock, native memory and staging buffer, so one thread can receive
 * while another sends. Direct buffers are read into and written from in place; heap buffers go through the
 * staging buffer, allocated once. A packet too long for the caller's buffer is never cut: it spills into the
 * staging buffer, is kept, and {@link PacketTooLargeException} says how much room it needs.
 */
final class PacketChannel {
    /** {@link #tryReceive}: another thread is receiving; the release listeners run when it is done. */
    static final int BUSY = -2;

    /** How long close waits for threads inside to leave before it gives up (they are woken at once). */
    private static final long CLOSE_DRAIN_MILLIS = 15_000;

    private final int fd;
    private final int wakeFd;
    private final int maxPacket;
    private final DescriptorGuard guard;
    private final Supplier<String> label;

    private final ReentrantLock rxLock = new ReentrantLock();
    private final PacketIo rxIo;
    private final ByteBuffer rxStaging;
    private final long rxStagingAddress;
    /** Length of a packet read but not yet delivered (it did not fit the caller's buffer), or -1. */
    private int rxPending = -1;
    private ByteBuffer rxCachedBuffer;
    private long rxCachedAddress;

    private final ReentrantLock txLock = new ReentrantLock();
    private final PacketIo txIo;
    private final ByteBuffer txStaging;
    private final long txStagingAddress;
    private ByteBuffer txCachedBuffer;
    private long txCachedAddress;

    private volatile boolean nonBlocking;

    /** The virtio-net framing of a TUN created with offload, or null for plain packets. */
    private final VnetPath vnet;
    /** Whether a packet is held in user space (kept after PacketTooLargeException, or a cut segment). */
    private volatile boolean rxBuffered;
    /** Set by a poller that found the receive lock taken; the thread that lets go of it then tells the pollers. */
    private volatile boolean rxContended;
    /**
     * Run when a thread lets go of the receive lock while a packet waits in user space or a poller found the lock
     * taken: the pollers then serve their pending receives without waiting for the descriptor to become readable.
     */
    private final java.util.concurrent.CopyOnWriteArrayList<Runnable> rxReleaseListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Run by {@link #close()} after the channel is marked closed and before its descriptor is released. */
    private final List<Runnable> closeListeners = new ArrayList<>();
    /** Set under the {@link #closeListeners} lock once close has taken them: later listeners are refused. */
    private boolean closeListenersTaken;

    /**
     * @param fd        a nonblocking descriptor; this channel closes it
     * @param wakeFd    an eventfd from {@link PacketIo#newWakeFd()}; this channel closes it
     * @param guard     the guard of the object that owns the channel; close marks it closed
     * @param label     the interface name for messages (it can change with a rename)
     */
    PacketChannel(int fd, int wakeFd, int maxPacket, boolean nonBlocking, DescriptorGuard guard, Supplier<String> label) {
        this(fd, wakeFd, maxPacket, nonBlocking, guard, label, null);
    }

    /** @param vnet the framing of a descriptor opened with IFF_VNET_HDR, or null for plain packets */
    PacketChannel(int fd, int wakeFd, int maxPacket, boolean nonBlocking, DescriptorGuard guard, Supplier<String> label,
                  VnetPath vnet) {
        this.vnet = vnet;
        this.fd = fd;
        this.wakeFd = wakeFd;
        this.maxPacket = maxPacket;
        this.nonBlocking = nonBlocking;
        this.guard = guard;
        this.label = label;
        this.rxIo = new PacketIo(fd, wakeFd);
        this.txIo = new PacketIo(fd, wakeFd);
        this.rxStaging = ByteBuffer.allocateDirect(maxPacket);
        this.rxStagingAddress = PacketIo.addressOf(rxStaging);
        this.txStaging = ByteBuffer.allocateDirect(maxPacket);
        this.txStagingAddress = PacketIo.addressOf(txStaging);
    }

    int descriptor() {
        return fd;
    }

    int maxPacketSize() {
        return maxPacket;
    }

    void setNonBlocking(boolean nonBlocking) throws IOException {
        guard.enter();
        this.nonBlocking = nonBlocking;
        guard.exit();
    }

    boolean isNonBlocking() {
        return nonBlocking;
    }

    int receive(ByteBuffer dst) throws IOException {
        Checks.receiveBuffer(label.get(), dst);
        return receiveWaiting(dst, null);
    }

    /**
     * The receive loop of {@link #receive} and {@link #receiveSuperPacket}: one packet (or, with {@code gso}, what
     * one read gives, whole), waiting for it in blocking mode.
     */
    private int receiveWaiting(ByteBuffer dst, dev.tappers.GsoInfo gso) throws IOException {
        guard.enter();
        rxLock.lock();
        try {
            while (true) {
                int n = readOne(dst, gso);
                if (n != PacketIo.AGAIN) {
                    return n;
                }
                if (nonBlocking) {
                    return 0;
                }
                awaitReady(rxIo, Readiness.READABLE);
            }
        } catch (SyscallException e) {
            throw fail("receive", e);
        } finally {
            unlockRx();
            guard.exit();
        }
    }

    /**
     * Waits until the descriptor is ready or the channel is closed (then throws AsynchronousCloseException).
     * A platform thread waits in poll(2) beside the wake-up eventfd. A virtual thread must not: a native call
     * holds its carrier thread for as long as it lasts, so it parks on the shared poller instead, and its carrier
     * runs other virtual threads meanwhile.
     */
    private void awaitReady(PacketIo io, Readiness readiness) throws IOException {
        if (VirtualThreads.isCurrentThreadVirtual()) {
            LinuxPoller.shared().awaitReady(this, readiness);
        } else if (io.await(readiness == Readiness.WRITABLE, -1) != PacketIo.WOKEN) {
            return;
        }
        guard.throwIfClosedWhileWaiting();
    }

    /**
     * One receive attempt that never waits, for the poller: the packet's length, {@link PacketIo#AGAIN} when none is
     * waiting, or {@link #BUSY} when another thread holds the receive lock (it runs the release listeners when it
     * lets go, so the poller need not spin meanwhile).
     */
    int tryReceive(ByteBuffer dst) throws IOException {
        Checks.receiveBuffer(label.get(), dst);
        guard.enter();
        try {
            if (!rxLock.tryLock()) {
                rxContended = true; // the holder tells the pollers when it lets go...
                if (!rxLock.tryLock()) { // ...unless it let go before it could see the flag
                    return BUSY;
                }
            }
            try {
                return readOne(dst, null);
            } finally {
                unlockRx();
            }
        } catch (SyscallException e) {
            throw fail("receive", e);
        } finally {
            guard.exit();
        }
    }

    /** See {@link dev.tappers.PacketDevice#receiveSuperPacket}; only with offload framing. */
    int receiveSuperPacket(ByteBuffer dst, dev.tappers.GsoInfo gso) throws IOException {
        Checks.receiveBuffer(label.get(), dst);
        java.util.Objects.requireNonNull(gso, "receive super-packet: gso");
        requireVnet("receive a super-packet");
        if (dst.remaining() < maxPacket) {
            throw new IllegalArgumentException("receive a super-packet on " + label.get() + ": the buffer has "
                    + dst.remaining() + " bytes of room; a super-packet needs " + maxPacket);
        }
        return receiveWaiting(dst, gso);
    }

    /** See {@link dev.tappers.PacketDevice#sendSuperPacket}; the caller has checked the packet. */
    int sendSuperPacket(ByteBuffer src, dev.tappers.GsoInfo gso) throws IOException {
        java.util.Objects.requireNonNull(gso, "send super-packet: gso");
        requireVnet("send a super-packet");
        return sendWaiting(src, gso);
    }

    private void requireVnet(String operation) {
        if (vnet == null) {
            throw new dev.tappers.UnsupportedFeatureException(dev.tappers.Feature.OFFLOAD, "linux", operation + " on "
                    + label.get() + ": the device was created without offload (DeviceOptions.withOffload)");
        }
    }

    /** See {@link dev.tappers.PacketDevice#receiveBatch}: waits (in blocking mode) for the first packet only. */
    int receiveBatch(ByteBuffer[] dsts) throws IOException {
        Checks.batch(label.get(), "receive", dsts);
        for (ByteBuffer dst : dsts) {
            Checks.receiveBuffer(label.get(), dst);
        }
        if (dsts.length == 0) {
            return 0;
        }
        guard.enter();
        rxLock.lock();
        try {
            int count = 0;
            while (count < dsts.length) {
                int n;
                try {
                    n = readOne(dsts[count], null);
                } catch (PacketTooLargeException e) {
                    if (count == 0) {
                        throw e;
                    }
                    return count; // the packet stays queued for the next call
                } catch (IOException e) {
                    if (count == 0) {
                        throw e;
                    }
                    // Report the packets that did arrive; a lasting fault shows again on the next call.
                    return count;
                }
                if (n != PacketIo.AGAIN) {
                    count++;
                } else if (count > 0 || nonBlocking) {
                    return count;
                } else {
                    awaitReady(rxIo, Readiness.READABLE);
                }
            }
            return count;
        } catch (SyscallException e) {
            throw fail("receive", e);
        } finally {
            unlockRx();
            guard.exit();
        }
    }

    /**
     * One packet into {@code dst} without waiting: one held in user space first, else a read. Under rxLock.
     * Returns its length or {@link PacketIo#AGAIN}.
     */
    private int readOne(ByteBuffer dst, dev.tappers.GsoInfo gso) throws IOException {
        try {
            if (gso != null) { // a super-packet whole: only on an offload device (the caller checked)
                return vnet.receiveWhole(rxIo, dst, dst.isDirect() ? rxAddress(dst) + dst.position() : 0, gso);
            }
            if (vnet != null) {
                return vnet.receive(rxIo, dst);
            }
            if (rxPending >= 0) {
                return deliverPending(dst);
            }
            return dst.isDirect() ? readInPlace(dst) : readStaged(dst);
        } finally {
            rxBuffered = vnet != null ? vnet.hasQueued() : rxPending >= 0;
        }
    }

    /**
     * Whether a packet waits in user space, where readiness of the descriptor cannot show it: the poller asks,
     * so that a future does not wait for the next packet from the kernel while one is already here.
     */
    boolean hasBufferedPacket() {
        return rxBuffered;
    }

    /** Lets go of the receive lock, and tells the pollers when one of them is owed a look. */
    private void unlockRx() {
        rxLock.unlock();
        if (rxContended || rxBuffered) {
            rxContended = false;
            for (Runnable listener : rxReleaseListeners) {
                listener.run();
            }
        }
    }

    void addRxReleaseListener(Runnable listener) {
        rxReleaseListeners.add(listener);
    }

    void removeRxReleaseListener(Runnable listener) {
        rxReleaseListeners.remove(listener);
    }

    /** Reads straight into a direct buffer; a packet too long for it spills into the staging buffer and is kept. */
    private int readInPlace(ByteBuffer dst) throws IOException {
        int room = dst.remaining();
        int pos = dst.position();
        long address = rxAddress(dst) + pos;
        // With room for the largest packet nothing can spill: a plain read(2), the same call a C reader makes,
        // is cheaper than readv(2) with an overflow region.
        int n = room >= maxPacket ? rxIo.read(address, room) : rxIo.readTwo(address, room, rxStagingAddress, maxPacket);
        if (n == PacketIo.AGAIN || n <= room) {
            if (n > 0) {
                dst.position(pos + n);
            }
            return n;
        }
        if (n > maxPacket) {
            // Only a packet socket can deliver this much (a veth with GRO or BIG TCP); it cannot be kept whole.
            throw new IOException("receive on " + label.get() + ": a frame of " + n + " bytes or more arrived, larger "
                    + "than the " + maxPacket + " bytes this channel can keep; it was dropped (give receive a buffer "
                    + "of at least that size, or turn GRO off on the interface)");
        }
        // The packet's head is in dst and its tail at the start of the staging buffer: make it whole there.
        byte[] tail = new byte[n - room];
        rxStaging.get(0, tail);
        ByteBuffer head = dst.duplicate();
        head.limit(pos + room);
        rxStaging.put(0, head, pos, room);
        rxStaging.put(room, tail);
        rxPending = n;
        throw new PacketTooLargeException(label.get(), n, room);
    }

    private int readStaged(ByteBuffer dst) throws SyscallException {
        int n = rxIo.read(rxStagingAddress, maxPacket);
        if (n == PacketIo.AGAIN) {
            return n;
        }
        rxPending = n;
        return deliverPending(dst);
    }

    private int deliverPending(ByteBuffer dst) {
        int n = rxPending;
        if (dst.remaining() < n) {
            throw new PacketTooLargeException(label.get(), n, dst.remaining());
        }
        dst.put(dst.position(), rxStaging, 0, n);
        dst.position(dst.position() + n);
        rxPending = -1;
        return n;
    }

    private long rxAddress(ByteBuffer direct) {
        if (direct != rxCachedBuffer) {
            rxCachedAddress = PacketIo.addressOf(direct);
            rxCachedBuffer = direct;
        }
        return rxCachedAddress;
    }

    /** Sends one packet; the caller has checked its contents. */
    int send(ByteBuffer src) throws IOException {
        return sendWaiting(src, null);
    }

    /** {@link #send}, or with {@code gso} {@link #sendSuperPacket}: under the send lock, waiting in blocking mode. */
    private int sendWaiting(ByteBuffer src, dev.tappers.GsoInfo gso) throws IOException {
        guard.enter();
        txLock.lock();
        try {
            return sendLocked(src, gso);
        } catch (SyscallException e) {
            throw sendFailure(e);
        } finally {
            txLock.unlock();
            guard.exit();
        }
    }

    /**
     * One send attempt that never waits, for the poller: the bytes sent, or {@link PacketIo#AGAIN} when the
     * device cannot take the packet now or another thread is sending. The caller has checked the packet.
     */
    int trySend(ByteBuffer src) throws IOException {
        guard.enter();
        try {
            if (!txLock.tryLock()) {
                return PacketIo.AGAIN;
            }
            try {
                return writeOnce(src, null);
            } finally {
                txLock.unlock();
            }
        } catch (SyscallException e) {
            throw sendFailure(e);
        } finally {
            guard.exit();
        }
    }

    /** See {@link dev.tappers.PacketDevice#sendBatch}; the caller has checked every packet. */
    int sendBatch(ByteBuffer[] srcs) throws IOException {
        guard.enter();
        txLock.lock();
        try {
            if (vnet != null) {
                return sendJoinedLocked(srcs);
            }
            for (int i = 0; i < srcs.length; i++) {
                try {
                    if (sendLocked(srcs[i], null) == 0) {
                        return i; // nonblocking, and the device is full
                    }
                } catch (IOException e) {
                    if (i == 0) {
                        throw e;
                    }
                    return i; // what went, went; the failing packet fails again on the next call
                }
            }
            return srcs.length;
        } catch (SyscallException e) {
            throw sendFailure(e);
        } finally {
            txLock.unlock();
            guard.exit();
        }
    }

    /** sendBatch on an offload device: consecutive segments of a flow go out as one super-packet. */
    private int sendJoinedLocked(ByteBuffer[] srcs) throws IOException {
        int i = 0;
        while (i < srcs.length) {
            int joined;
            try {
                joined = vnet.sendJoined(txIo, srcs, i);
            } catch (SyscallException e) {
                if (i == 0) {
                    throw e;
                }
                return i;
            }
            if (joined > 0) {
                i += joined;
            } else if (nonBlocking) {
                return i;
            } else {
                awaitReady(txIo, Readiness.WRITABLE);
            }
        }
        return i;
    }

    /** Writes one packet, waiting for room in blocking mode; 0 in nonblocking mode when there is none. */
    private int sendLocked(ByteBuffer src, dev.tappers.GsoInfo gso) throws IOException {
        while (true) {
            int n = writeOnce(src, gso);
            if (n != PacketIo.AGAIN) {
                return n;
            }
            if (nonBlocking) {
                return 0;
            }
            awaitReady(txIo, Readiness.WRITABLE);
        }
    }

    /** One write(2) of the packet: its length (the position moves to the limit), or AGAIN. Under txLock. */
    private int writeOnce(ByteBuffer src, dev.tappers.GsoInfo gso) throws SyscallException {
        int length = src.remaining();
        long address;
        if (vnet != null) {
            long direct = src.isDirect() ? txAddress(src) + src.position() : 0;
            int n = gso != null ? vnet.sendWhole(txIo, src, direct, gso) : vnet.send(txIo, src, direct);
            if (n != PacketIo.AGAIN) {
                src.position(src.limit());
            }
            return n;
        }
        if (src.isDirect()) {
            address = txAddress(src) + src.position();
        } else {
            txStaging.put(0, src, src.position(), length);
            address = txStagingAddress;
        }
        int n = txIo.write(address, length);
        if (n != PacketIo.AGAIN) {
            src.position(src.limit());
        }
        return n;
    }

    private long txAddress(ByteBuffer direct) {
        if (direct != txCachedBuffer) {
            txCachedAddress = PacketIo.addressOf(direct);
            txCachedBuffer = direct;
        }
        return txCachedAddress;
    }

    /** The offload framing, for the device's offload settings; null for plain packets. */
    VnetPath vnet() {
        return vnet;
    }

    private TappersException sendFailure(SyscallException e) {
        return fail("send", e, e.errno() == EINVAL ? "the kernel rejected the packet as malformed" : null);
    }

    /**
     * Asks for {@code listener} to run when the channel closes: after it is marked closed (so new calls fail)
     * and before the descriptor is released (so the listener may still name it, to epoll for instance).
     * Returns false, and keeps nothing, when the channel is already closing.
     */
    boolean addCloseListener(Runnable listener) {
        synchronized (closeListeners) {
            if (closeListenersTaken) {
                return false;
            }
            closeListeners.add(listener);
            return true;
        }
    }

    void removeCloseListener(Runnable listener) {
        synchronized (closeListeners) {
            closeListeners.remove(listener);
        }
    }

    boolean isClosed() {
        return guard.isClosed();
    }

    /** Marks the owner closed, wakes every waiting thread, waits for them to leave, then closes the descriptors. */
    void close() throws IOException {
        if (!guard.markClosed()) {
            return;
        }
        PacketIo.wake(wakeFd);
        List<Runnable> listeners;
        synchronized (closeListeners) {
            closeListenersTaken = true;
            listeners = new ArrayList<>(closeListeners);
            closeListeners.clear();
        }
        for (Runnable listener : listeners) {
            listener.run(); // wakes what waits on a poller; must not throw (the pollers' listeners don't)
        }
        if (!guard.awaitDrained(CLOSE_DRAIN_MILLIS)) {
            // Releasing the descriptor under a thread that still uses it could let that thread hit a reused
            // descriptor number: the last thread to leave releases it instead.
            guard.whenDrained(() -> {
                try {
                    release();
                } catch (SyscallException ignored) {
                    // Nobody is left to tell; the descriptor is released either way on Linux.
                }
            });
            throw new IOException("close " + label.get() + ": threads still inside after " + CLOSE_DRAIN_MILLIS
                    + " ms; the last one to leave will release the descriptor");
        }
        try {
            release();
        } catch (SyscallException e) {
            throw fail("close", e);
        }
    }

    /** Closes both descriptors and frees the native memory; only once no thread is inside. */
    private void release() throws SyscallException {
        rxCachedBuffer = null;
        txCachedBuffer = null;
        try {
            Syscalls.close(fd);
        } finally {
            Syscalls.closeQuietly(wakeFd);
            rxIo.close();
            txIo.close();
        }
    }

    private TappersException fail(String operation, SyscallException e) {
        return fail(operation, e, null);
    }

    private TappersException fail(String operation, SyscallException e, String hint) {
        TappersException t = LinuxErrors.device(operation + " [" + e.syscall() + "]", label.get(), e.errno(), hint);
        t.initCause(e);
        return t;
    }
}
