package dev.tappers.linux.jna;

import com.sun.jna.Native;

/**
 * The packet-path calls, direct-mapped WITHOUT {@code throws LastErrorException}: an empty nonblocking read is
 * routine there, and an exception per EAGAIN cost about 2 KB of garbage each time. JNA still records errno
 * right after every call (preserveLastError, on by default), and {@link #errno()} reads it: consult it only
 * when a call returned -1.
 */
final class PacketCalls {
    static {
        Native.register(PacketCalls.class, "c");
    }

    private PacketCalls() {
    }

    static native long read(int fd, long buf, long count);

    static native long readv(int fd, long iov, int iovcnt);

    static native long write(int fd, long buf, long count);

    static native long writev(int fd, long iov, int iovcnt);

    static native int poll(long fds, long nfds, int timeout);

    /** errno as JNA captured it after this thread's last native call. */
    static int errno() {
        return Native.getLastError();
    }
}
