package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.ByteBuffer;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * The packet path of one device descriptor: read, readv, write and the poll that waits for them, with all the
 * native memory they need allocated once, here, so a packet costs no allocation.
 *
 * <p>The descriptor is always nonblocking. A "blocking" wait is a poll on the descriptor and on an eventfd that
 * {@link #wake(int)} signals, which is how closing the device wakes a thread blocked in receive: Linux does not
 * wake a read that is blocked on a descriptor another thread closes.
 *
 * <p>Not thread-safe: the device uses one instance for receiving and another for sending, each under its own lock.
 */
public final class PacketIo implements AutoCloseable {
    /** Returned by the I/O methods when the kernel has nothing now (EAGAIN). */
    public static final int AGAIN = -1;

    /** {@link #await} outcomes. */
    public static final int READY = 1;
    public static final int WOKEN = 2;
    public static final int TIMED_OUT = 3;

    private final int fd;
    private final int wakeFd;
    private final Memory iov = new Memory(2L * IOVEC_SIZE);
    private final Memory pollFds = new Memory(2L * POLLFD_SIZE);
    private final long iovAddress = Pointer.nativeValue(iov);
    private final long pollAddress = Pointer.nativeValue(pollFds);
    /** Where the FFM binding leaves errno after each call; unused (and tiny) with JNA. */
    private final Memory ffmStateMemory = new Memory(Math.max(8, FfmPacketCalls.STATE_SIZE));
    private final Object ffmState = FFM ? FfmPacketCalls.stateSegment(ffmStateMemory) : null;

    /** Whether the packet path goes through the JDK's foreign function interface instead of JNA; fixed per JVM. */
    private static final boolean FFM = FfmPacketCalls.SELECTED;

    /** The binding the packet path uses in this JVM, for diagnostics and benchmark reports. */
    public static String binding() {
        return FfmPacketCalls.description();
    }

    public PacketIo(int fd, int wakeFd) {
        this.fd = fd;
        this.wakeFd = wakeFd;
    }

    /** Creates the eventfd that {@link #wake(int)} signals: nonblocking and close-on-exec. */
    public static int newWakeFd() throws SyscallException {
        try {
            return LibC.eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        } catch (LastErrorException e) {
            throw new SyscallException("eventfd", e.getErrorCode());
        }
    }

    /** The 8-byte counter increment every wake writes: only ever read, so all threads share it. */
    private static final Memory ONE = oneCounter();
    /** Where drains put the counter they read and discard: its content never matters, so it is shared too. */
    private static final Memory DRAINED = new Memory(8);
    private static final long ONE_ADDRESS = Pointer.nativeValue(ONE);
    private static final long DRAINED_ADDRESS = Pointer.nativeValue(DRAINED);

    private static Memory oneCounter() {
        Memory one = new Memory(8);
        one.setLong(0, 1);
        return one;
    }

    /** Makes any {@link #await} on {@code wakeFd}, now or later, return {@link #WOKEN}. Allocates nothing. */
    public static void wake(int wakeFd) {
        // A -1 with EAGAIN means the counter is already non-zero: a wake-up is pending anyway.
        PacketCalls.write(wakeFd, ONE_ADDRESS, 8);
    }

    /** Resets an eventfd that {@link #wake} signalled, so that level-triggered watchers stop seeing it. */
    public static void drainWake(int wakeFd) {
        PacketCalls.read(wakeFd, DRAINED_ADDRESS, 8); // EAGAIN: already reset
    }

    /**
     * The native address of a direct buffer's first byte (not its position). JNA allocates a small Pointer here,
     * so callers cache the result per buffer.
     */
    public static long addressOf(ByteBuffer direct) {
        return Pointer.nativeValue(Native.getDirectBufferPointer(direct));
    }

    /** read(2) into {@code [address, address+length)}: the byte count, or {@link #AGAIN}. */
    public int read(long address, int length) throws SyscallException {
        while (true) {
            long n = FFM ? FfmPacketCalls.read(ffmState, fd, address, length) : PacketCalls.read(fd, address, length);
            if (n >= 0) {
                return (int) n;
            }
            if (!retry("read")) {
                return AGAIN;
            }
        }
    }

    /**
     * After a call returned -1: false for EAGAIN (nothing now), true for EINTR (call again), and a
     * {@link SyscallException} for anything else.
     */
    private boolean retry(String call) throws SyscallException {
        int errno = errno();
        if (errno == EAGAIN) {
            return false;
        }
        if (errno == EINTR) {
            return true;
        }
        throw new SyscallException(call, errno);
    }

    /**
     * readv(2) into two regions: the caller's buffer first, then an overflow area. A packet longer than the
     * first region spills into the second instead of being cut off. Returns the byte count, or {@link #AGAIN}.
     */
    public int readTwo(long first, int firstLength, long second, int secondLength) throws SyscallException {
        iov.setLong(0, first);
        iov.setLong(8, firstLength);
        iov.setLong(16, second);
        iov.setLong(24, secondLength);
        while (true) {
            long n = FFM ? FfmPacketCalls.readv(ffmState, fd, iovAddress, 2) : PacketCalls.readv(fd, iovAddress, 2);
            if (n >= 0) {
                return (int) n;
            }
            if (!retry("readv")) {
                return AGAIN;
            }
        }
    }

    /**
     * writev(2) of two regions as one packet (a virtio-net header, then the packet itself): the byte count, or
     * {@link #AGAIN}.
     */
    public int writeTwo(long first, int firstLength, long second, int secondLength) throws SyscallException {
        iov.setLong(0, first);
        iov.setLong(8, firstLength);
        iov.setLong(16, second);
        iov.setLong(24, secondLength);
        while (true) {
            long n = FFM ? FfmPacketCalls.writev(ffmState, fd, iovAddress, 2) : PacketCalls.writev(fd, iovAddress, 2);
            if (n >= 0) {
                return (int) n;
            }
            if (!retry("writev")) {
                return AGAIN;
            }
        }
    }

    /** write(2) of one whole packet: the byte count, or {@link #AGAIN}. */
    public int write(long address, int length) throws SyscallException {
        while (true) {
            long n = FFM ? FfmPacketCalls.write(ffmState, fd, address, length) : PacketCalls.write(fd, address, length);
            if (n >= 0) {
                return (int) n;
            }
            if (!retry("write")) {
                return AGAIN;
            }
        }
    }

    /**
     * Waits until the descriptor is readable ({@code forWrite} false) or writable, or until {@link #wake} is
     * called, or {@code timeoutMillis} pass (-1: no limit; 0: just look).
     */
    public int await(boolean forWrite, int timeoutMillis) throws SyscallException {
        pollFds.setInt(0, fd);
        pollFds.setShort(4, forWrite ? POLLOUT : POLLIN);
        pollFds.setShort(6, (short) 0);
        pollFds.setInt(8, wakeFd);
        pollFds.setShort(12, POLLIN);
        pollFds.setShort(14, (short) 0);
        while (true) {
            int n = FFM ? FfmPacketCalls.poll(ffmState, pollAddress, 2, timeoutMillis) : PacketCalls.poll(pollAddress, 2, timeoutMillis);
            if (n < 0) {
                int errno = errno();
                if (errno == EINTR) {
                    continue;
                }
                throw new SyscallException("poll", errno);
            }
            if (n == 0) {
                return TIMED_OUT;
            }
            if (pollFds.getShort(14) != 0) {
                return WOKEN;
            }
            // POLLERR/POLLHUP on the device also count as ready: the next read or write reports the error.
            return READY;
        }
    }

    /** errno after this instance's last call that returned -1, from the binding that made it. */
    private int errno() {
        return FFM ? ffmStateMemory.getInt(FfmPacketCalls.ERRNO_OFFSET) : PacketCalls.errno();
    }

    /** Frees the native memory; the descriptors belong to the caller. */
    @Override
    public void close() {
        iov.close();
        pollFds.close();
        ffmStateMemory.close();
    }
}
