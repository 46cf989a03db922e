package dev.tappers.linux;

import dev.tappers.InterfaceName;
import dev.tappers.PacketDevice;
import dev.tappers.PacketTooLargeException;
import dev.tappers.TappersException;
import dev.tappers.linux.jna.PacketIo;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.spi.Checks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * A TUN or TAP device on one {@code /dev/net/tun} descriptor: the packet path, persistence and close; the
 * interface configuration comes from {@link LinuxInterface}.
 *
 * <p>Receive and send each have their own lock, native memory and staging buffer, so one thread can receive
 * while another sends. Direct buffers are read into and written from in place; heap buffers go through the
 * staging buffer, allocated once per device.
 */
abstract class LinuxPacketDevice extends LinuxInterface implements PacketDevice {
    /** How long close waits for threads inside the device to leave before it gives up (they are woken at once). */
    private static final long CLOSE_DRAIN_MILLIS = 15_000;

    private final boolean createdByUs;
    private final int fd;
    private final int wakeFd;
    private final int maxPacket;

    private final ReentrantLock rxLock = new ReentrantLock();
    private final PacketIo rxIo;
    private final ByteBuffer rxStaging;
    private final long rxStagingAddress;
    /** Length of a packet read but not yet delivered (it did not fit the caller's buffer), or -1. */
    private int rxPending = -1;
    private boolean rxLastWasEmpty;
    private ByteBuffer rxCachedBuffer;
    private long rxCachedAddress;

    private final ReentrantLock txLock = new ReentrantLock();
    private final PacketIo txIo;
    private final ByteBuffer txStaging;
    private final long txStagingAddress;
    private ByteBuffer txCachedBuffer;
    private long txCachedAddress;

    private volatile boolean nonBlocking;

    LinuxPacketDevice(InterfaceName name, int index, HomeNamespace home, boolean createdByUs, int fd, int wakeFd,
                      int maxPacket, boolean nonBlocking) {
        super(name, index, home);
        this.createdByUs = createdByUs;
        this.fd = fd;
        this.wakeFd = wakeFd;
        this.maxPacket = maxPacket;
        this.nonBlocking = nonBlocking;
        this.rxIo = new PacketIo(fd, wakeFd);
        this.txIo = new PacketIo(fd, wakeFd);
        this.rxStaging = ByteBuffer.allocateDirect(maxPacket);
        this.rxStagingAddress = PacketIo.addressOf(rxStaging);
        this.txStaging = ByteBuffer.allocateDirect(maxPacket);
        this.txStagingAddress = PacketIo.addressOf(txStaging);
    }

    /** Checks a packet about to be sent, beyond its size (a TUN wants IP). */
    abstract void checkOutgoing(ByteBuffer src);

    @Override
    public boolean isCreatedByUs() {
        return createdByUs;
    }

    @Override
    public int maxPacketSize() {
        return maxPacket;
    }

    // ---- persistence ---------------------------------------------------------------------------------------

    @Override
    public boolean isPersistent() throws IOException {
        return configure("get persistence", () -> (Syscalls.tunFlags(fd) & IFF_PERSIST) != 0);
    }

    @Override
    public void setPersistent(boolean persistent) throws IOException {
        configure("set persistent " + persistent, () -> {
            Syscalls.tunSetPersist(fd, persistent);
            return null;
        });
    }

    /** The device's descriptor, for features that hand it on (descriptor passing); valid only while open. */
    final int descriptor() {
        return fd;
    }

    @Override
    public void delete() throws IOException {
        setPersistent(false);
        close();
    }

    @Override
    public void setNonBlocking(boolean nonBlocking) throws IOException {
        guard.enter();
        this.nonBlocking = nonBlocking;
        guard.exit();
    }

    @Override
    public boolean isNonBlocking() {
        return nonBlocking;
    }

    // ---- packet path ---------------------------------------------------------------------------------------

    @Override
    public int receive(ByteBuffer dst) throws IOException {
        Checks.receiveBuffer(name().value(), dst);
        guard.enter();
        rxLock.lock();
        try {
            if (rxPending >= 0) {
                return deliverPending(dst);
            }
            while (true) {
                if (rxLastWasEmpty || nonBlocking) {
                    // Look before reading: an empty read costs JNA an exception to report EAGAIN.
                    int ready = rxIo.await(false, nonBlocking ? 0 : -1);
                    if (ready == PacketIo.WOKEN) {
                        guard.throwIfClosedWhileWaiting();
                    }
                    if (ready != PacketIo.READY) {
                        if (nonBlocking) {
                            return 0;
                        }
                        continue;
                    }
                }
                int n = dst.isDirect() ? readInPlace(dst) : readStaged(dst);
                if (n != PacketIo.AGAIN) {
                    rxLastWasEmpty = false;
                    return n;
                }
                rxLastWasEmpty = true;
            }
        } catch (SyscallException e) {
            throw fail("receive", e);
        } finally {
            rxLock.unlock();
            guard.exit();
        }
    }

    /** Reads straight into a direct buffer; a packet too long for it spills into the staging buffer and is kept. */
    private int readInPlace(ByteBuffer dst) throws SyscallException {
        int room = dst.remaining();
        int pos = dst.position();
        long address = rxAddress(dst) + pos;
        int n = rxIo.readTwo(address, room, rxStagingAddress, maxPacket);
        if (n == PacketIo.AGAIN || n <= room) {
            if (n > 0) {
                dst.position(pos + n);
            }
            return n;
        }
        // The packet's head is in dst and its tail at the start of the staging buffer: make it whole there.
        byte[] tail = new byte[n - room];
        rxStaging.get(0, tail);
        ByteBuffer head = dst.duplicate();
        head.limit(pos + room);
        rxStaging.put(0, head, pos, room);
        rxStaging.put(room, tail);
        rxPending = n;
        throw new PacketTooLargeException(name().value(), n, room);
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
            throw new PacketTooLargeException(name().value(), n, dst.remaining());
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

    @Override
    public int send(ByteBuffer src) throws IOException {
        Checks.packetToSend(name().value(), src, maxPacket);
        checkOutgoing(src);
        guard.enter();
        txLock.lock();
        try {
            int length = src.remaining();
            long address;
            if (src.isDirect()) {
                if (src != txCachedBuffer) {
                    txCachedAddress = PacketIo.addressOf(src);
                    txCachedBuffer = src;
                }
                address = txCachedAddress + src.position();
            } else {
                txStaging.put(0, src, src.position(), length);
                address = txStagingAddress;
            }
            while (true) {
                int n = txIo.write(address, length);
                if (n != PacketIo.AGAIN) {
                    src.position(src.limit());
                    return n;
                }
                if (nonBlocking) {
                    return 0;
                }
                if (txIo.await(true, -1) == PacketIo.WOKEN) {
                    guard.throwIfClosedWhileWaiting();
                }
            }
        } catch (SyscallException e) {
            throw fail("send", e, e.errno() == EINVAL ? "the kernel rejected the packet as malformed" : null);
        } finally {
            txLock.unlock();
            guard.exit();
        }
    }

    // ---- close ---------------------------------------------------------------------------------------------

    @Override
    public void close() throws IOException {
        if (!guard.markClosed()) {
            return;
        }
        PacketIo.wake(wakeFd);
        if (!guard.awaitDrained(CLOSE_DRAIN_MILLIS)) {
            // Releasing the descriptor under a thread that still uses it could let that thread hit a reused
            // descriptor number; keeping it open is the lesser harm.
            throw new IOException("close " + name() + ": threads still inside after " + CLOSE_DRAIN_MILLIS
                    + " ms; the descriptor is left open");
        }
        rxCachedBuffer = null;
        txCachedBuffer = null;
        try {
            Syscalls.close(fd);
        } catch (SyscallException e) {
            throw fail("close", e);
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
        TappersException t = LinuxErrors.device(operation + " [" + e.syscall() + "]", name().value(), e.errno(), hint);
        t.initCause(e);
        return t;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name() + ", index " + rawIndex() + (createdByUs ? ", created" : ", opened")
                + (isOpen() ? "" : ", closed") + "]";
    }
}
