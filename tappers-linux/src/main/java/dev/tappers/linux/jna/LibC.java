package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The C library calls this provider makes. Direct mapping for everything on the packet path: pointers travel as
 * {@code long} addresses so a call allocates nothing. {@code throws LastErrorException} makes JNA capture errno
 * right after the call, before the JVM can run anything that would overwrite it.
 */
final class LibC {
    static {
        Native.register(LibC.class, "c");
    }

    private LibC() {
    }

    static native int open(String path, int flags) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    static native long read(int fd, long buf, long count) throws LastErrorException;

    static native long write(int fd, long buf, long count) throws LastErrorException;

    static native long readv(int fd, long iov, int iovcnt) throws LastErrorException;

    static native int poll(long fds, long nfds, int timeout) throws LastErrorException;

    static native int eventfd(int initval, int flags) throws LastErrorException;

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int bind(int fd, long addr, int addrlen) throws LastErrorException;

    static native int setsockopt(int fd, int level, int name, long value, int len) throws LastErrorException;

    static native long send(int fd, long buf, long len, int flags) throws LastErrorException;

    static native long recv(int fd, long buf, long len, int flags) throws LastErrorException;

    static native Pointer strerror(int errnum);

    /** ioctl is variadic, which direct mapping does not support; it is only on configuration paths. */
    interface Ioctl extends Library {
        Ioctl INSTANCE = Native.load("c", Ioctl.class);

        int ioctl(int fd, NativeLong request, Pointer arg) throws LastErrorException;
    }
}
