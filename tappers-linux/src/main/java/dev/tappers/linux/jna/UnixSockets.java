package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.util.Arrays;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * The calls behind descriptor passing: Unix stream sockets that carry a descriptor in an {@code SCM_RIGHTS}
 * control message. Plain Java types in and out; the structures are laid out by hand for LP64, and
 * {@code UnixSocketsConstantsTest} pins every size and offset to what gcc printed from the glibc headers.
 */
public final class UnixSockets {
    private UnixSockets() {
    }

    // <bits/socket.h> (glibc; PF_LOCAL), <bits/socket_type.h>
    public static final int AF_UNIX = 1;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_NONBLOCK = O_NONBLOCK;

    // <bits/socket.h>: the SCM_* control message types and the MSG_* flags (Linux's own numbers,
    // include/linux/socket.h in the kernel)
    public static final int SCM_RIGHTS = 1;
    public static final int MSG_CTRUNC = 0x8;
    public static final int MSG_NOSIGNAL = 0x4000;
    /** Marks received descriptors close-on-exec atomically, so no subprocess started meanwhile inherits them. */
    public static final int MSG_CMSG_CLOEXEC = 0x40000000;

    // <asm-generic/socket.h>: SO_SNDTIMEO_OLD, the struct timeval form, which is what SO_SNDTIMEO means on LP64
    public static final int SO_SNDTIMEO = 21;
    /** sizeof(struct timeval) on LP64: long tv_sec, long tv_usec. */
    public static final int TIMEVAL_SIZE = 16;

    // <asm-generic/errno.h>
    public static final int EADDRINUSE = 98;
    public static final int ECONNREFUSED = 111;

    /** sizeof(struct sockaddr_un) (<sys/un.h>, <linux/un.h>): sa_family_t sun_family, char sun_path[108]. */
    public static final int SOCKADDR_UN_SIZE = 110;
    public static final int SUN_PATH_OFFSET = 2;
    /** Bytes in sun_path, the terminating NUL included: a path may have one byte fewer. */
    public static final int SUN_PATH_SIZE = 108;

    /**
     * struct msghdr on LP64 (<bits/socket.h>): void *msg_name; socklen_t msg_namelen (padded to 8);
     * struct iovec *msg_iov; size_t msg_iovlen; void *msg_control; size_t msg_controllen; int msg_flags.
     */
    public static final int MSGHDR_SIZE = 56;
    public static final int MSGHDR_IOV = 16;
    public static final int MSGHDR_IOVLEN = 24;
    public static final int MSGHDR_CONTROL = 32;
    public static final int MSGHDR_CONTROLLEN = 40;
    public static final int MSGHDR_FLAGS = 48;

    /** struct cmsghdr on LP64: size_t cmsg_len; int cmsg_level; int cmsg_type; then the data, 8-aligned. */
    public static final int CMSGHDR_SIZE = 16;
    public static final int CMSG_LEVEL = 8;
    public static final int CMSG_TYPE = 12;
    /** CMSG_ALIGN rounds to sizeof(size_t), 8 on LP64. */
    public static final int CMSG_ALIGNMENT = 8;

    /** CMSG_LEN(n): the header and n data bytes, the value of cmsg_len. */
    public static int cmsgLen(int dataBytes) {
        return CMSGHDR_SIZE + dataBytes;
    }

    /** CMSG_SPACE(n): the header and n data bytes rounded up to the alignment, the room one message takes. */
    public static int cmsgSpace(int dataBytes) {
        return CMSGHDR_SIZE + align(dataBytes);
    }

    private static int align(int n) {
        return (n + CMSG_ALIGNMENT - 1) & -CMSG_ALIGNMENT;
    }

    /** The socket calls LibC does not map, directly mapped as LibC is. */
    private static final class Calls {
        static {
            Native.register(Calls.class, "c");
        }

        private Calls() {
        }

        static native int listen(int fd, int backlog) throws LastErrorException;

        static native int accept4(int fd, long addr, long addrlen, int flags) throws LastErrorException;

        static native int connect(int fd, long addr, int addrlen) throws LastErrorException;

        static native long sendmsg(int fd, long msg, int flags) throws LastErrorException;

        static native long recvmsg(int fd, long msg, int flags) throws LastErrorException;
    }

    /** A message read by {@link #receiveWithDescriptors}. */
    public static final class Received {
        private final byte[] data;
        private final int[] descriptors;
        private final boolean controlTruncated;

        Received(byte[] data, int[] descriptors, boolean controlTruncated) {
            this.data = data;
            this.descriptors = descriptors;
            this.controlTruncated = controlTruncated;
        }

        /** The bytes of the message; empty when the peer closed the connection without sending. */
        public byte[] data() {
            return data.clone();
        }

        /** Every descriptor the message carried, now open in this process (close-on-exec): the caller owns them. */
        public int[] descriptors() {
            return descriptors.clone();
        }

        /** MSG_CTRUNC: the peer sent more control data than fitted, and the kernel dropped what did not fit. */
        public boolean controlTruncated() {
            return controlTruncated;
        }

        @Override
        public String toString() {
            return "Received[" + data.length + " bytes, descriptors " + Arrays.toString(descriptors)
                    + (controlTruncated ? ", control truncated" : "") + "]";
        }
    }

    /** A close-on-exec Unix stream socket; nonblocking if asked (a listener, so accept never blocks). */
    public static int openStreamSocket(boolean nonBlocking) throws SyscallException {
        try {
            return LibC.socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | (nonBlocking ? SOCK_NONBLOCK : 0), 0);
        } catch (LastErrorException e) {
            throw new SyscallException("socket(AF_UNIX, SOCK_STREAM)", e.getErrorCode());
        }
    }

    /**
     * bind(2) to the file-system path {@code path} (its bytes, without the NUL; the caller checked the length).
     * Creates the socket file.
     */
    public static void bind(int fd, byte[] path) throws SyscallException {
        try (Memory address = sockaddrUn(path)) {
            LibC.bind(fd, Pointer.nativeValue(address), SUN_PATH_OFFSET + path.length + 1);
        } catch (LastErrorException e) {
            throw new SyscallException("bind(AF_UNIX)", e.getErrorCode());
        }
    }

    /** listen(2). */
    public static void listen(int fd, int backlog) throws SyscallException {
        try {
            Calls.listen(fd, backlog);
        } catch (LastErrorException e) {
            throw new SyscallException("listen", e.getErrorCode());
        }
    }

    /**
     * accept4(2) with close-on-exec: the connected socket, or -1 when none is waiting any more (the peer gave
     * up between poll and accept).
     */
    public static int accept(int listener) throws SyscallException {
        while (true) {
            try {
                return Calls.accept4(listener, 0, 0, SOCK_CLOEXEC);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EAGAIN) {
                    return -1;
                }
                if (e.getErrorCode() != EINTR) {
                    throw new SyscallException("accept4", e.getErrorCode());
                }
            }
        }
    }

    /**
     * Sets SO_SNDTIMEO: on a Unix stream socket it bounds a blocking connect (a receiver whose backlog is full)
     * as well as sendmsg, which then fail with EAGAIN.
     */
    public static void setSendTimeout(int fd, long millis) throws SyscallException {
        try (Memory timeval = new Memory(TIMEVAL_SIZE)) {
            timeval.setLong(0, millis / 1000);
            timeval.setLong(8, (millis % 1000) * 1000);
            LibC.setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, Pointer.nativeValue(timeval), TIMEVAL_SIZE);
        } catch (LastErrorException e) {
            throw new SyscallException("setsockopt(SO_SNDTIMEO)", e.getErrorCode());
        }
    }

    /** connect(2) to the file-system path {@code path}. */
    public static void connect(int fd, byte[] path) throws SyscallException {
        try (Memory address = sockaddrUn(path)) {
            Calls.connect(fd, Pointer.nativeValue(address), SUN_PATH_OFFSET + path.length + 1);
        } catch (LastErrorException e) {
            throw new SyscallException("connect(AF_UNIX)", e.getErrorCode());
        }
    }

    /**
     * Waits until {@code fd} is readable (for a listener: a connection is waiting), for at most
     * {@code timeoutMillis}. False on timeout or when a signal interrupted the wait; the caller keeps the deadline.
     */
    public static boolean awaitReadable(int fd, int timeoutMillis) throws SyscallException {
        try (Memory pollFd = new Memory(POLLFD_SIZE)) {
            pollFd.setInt(0, fd);
            pollFd.setShort(4, POLLIN);
            pollFd.setShort(6, (short) 0);
            // POLLHUP and POLLERR count as readable: the next read reports them.
            return LibC.poll(Pointer.nativeValue(pollFd), 1, timeoutMillis) > 0;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINTR) {
                return false;
            }
            throw new SyscallException("poll", e.getErrorCode());
        }
    }

    /**
     * sendmsg(2) of {@code data} with {@code descriptor} in one SCM_RIGHTS control message. MSG_NOSIGNAL: a
     * receiver that went away gives EPIPE, not a SIGPIPE for the whole JVM.
     */
    public static void sendWithDescriptor(int socket, byte[] data, int descriptor) throws SyscallException {
        int space = cmsgSpace(Integer.BYTES);
        try (Memory message = new Memory(MSGHDR_SIZE); Memory iov = new Memory(IOVEC_SIZE);
             Memory payload = new Memory(Math.max(1, data.length)); Memory control = new Memory(space)) {
            payload.write(0, data, 0, data.length);
            iov.setLong(0, Pointer.nativeValue(payload));
            iov.setLong(8, data.length);
            control.clear();
            control.setLong(0, cmsgLen(Integer.BYTES));
            control.setInt(CMSG_LEVEL, SOL_SOCKET);
            control.setInt(CMSG_TYPE, SCM_RIGHTS);
            control.setInt(CMSGHDR_SIZE, descriptor);
            message.clear();
            message.setLong(MSGHDR_IOV, Pointer.nativeValue(iov));
            message.setLong(MSGHDR_IOVLEN, 1);
            message.setLong(MSGHDR_CONTROL, Pointer.nativeValue(control));
            message.setLong(MSGHDR_CONTROLLEN, space);
            while (true) {
                try {
                    long sent = Calls.sendmsg(socket, Pointer.nativeValue(message), MSG_NOSIGNAL);
                    if (sent != data.length) {
                        // A Unix stream socket takes a message this small whole or not at all (EAGAIN).
                        throw new SyscallException("sendmsg (sent " + sent + " of " + data.length + " bytes)", EAGAIN);
                    }
                    return;
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != EINTR) {
                        throw new SyscallException("sendmsg(SCM_RIGHTS)", e.getErrorCode());
                    }
                }
            }
        }
    }

    /**
     * recvmsg(2) of at most {@code maxData} bytes and room for {@code maxDescriptors} descriptors, received
     * close-on-exec. Every descriptor the kernel installed is returned, even when the message is not what the
     * caller expects, so that it can close them.
     */
    public static Received receiveWithDescriptors(int socket, int maxData, int maxDescriptors) throws SyscallException {
        int space = cmsgSpace(maxDescriptors * Integer.BYTES);
        try (Memory message = new Memory(MSGHDR_SIZE); Memory iov = new Memory(IOVEC_SIZE);
             Memory payload = new Memory(maxData); Memory control = new Memory(space)) {
            iov.setLong(0, Pointer.nativeValue(payload));
            iov.setLong(8, maxData);
            control.clear();
            message.clear();
            message.setLong(MSGHDR_IOV, Pointer.nativeValue(iov));
            message.setLong(MSGHDR_IOVLEN, 1);
            message.setLong(MSGHDR_CONTROL, Pointer.nativeValue(control));
            message.setLong(MSGHDR_CONTROLLEN, space);
            long n;
            while (true) {
                try {
                    n = Calls.recvmsg(socket, Pointer.nativeValue(message), MSG_CMSG_CLOEXEC);
                    break;
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != EINTR) {
                        throw new SyscallException("recvmsg", e.getErrorCode());
                    }
                }
            }
            int flags = message.getInt(MSGHDR_FLAGS);
            long controlLength = message.getLong(MSGHDR_CONTROLLEN);
            return new Received(payload.getByteArray(0, (int) n), descriptorsIn(control, controlLength),
                    (flags & MSG_CTRUNC) != 0);
        }
    }

    /** Walks the control messages as CMSG_FIRSTHDR/CMSG_NXTHDR do and collects every SCM_RIGHTS descriptor. */
    private static int[] descriptorsIn(Memory control, long controlLength) {
        int[] found = new int[0];
        long offset = 0;
        while (offset + CMSGHDR_SIZE <= controlLength) {
            long length = control.getLong(offset);
            if (length < CMSGHDR_SIZE || offset + length > controlLength) {
                break;
            }
            if (control.getInt(offset + CMSG_LEVEL) == SOL_SOCKET && control.getInt(offset + CMSG_TYPE) == SCM_RIGHTS) {
                int count = (int) ((length - CMSGHDR_SIZE) / Integer.BYTES);
                int start = found.length;
                found = Arrays.copyOf(found, start + count);
                for (int i = 0; i < count; i++) {
                    found[start + i] = control.getInt(offset + CMSGHDR_SIZE + (long) i * Integer.BYTES);
                }
            }
            offset += align((int) length);
        }
        return found;
    }

    private static Memory sockaddrUn(byte[] path) {
        if (path.length == 0 || path.length >= SUN_PATH_SIZE) {
            throw new IllegalArgumentException("a Unix socket path must have 1 to " + (SUN_PATH_SIZE - 1)
                    + " bytes, not " + path.length);
        }
        Memory address = new Memory(SOCKADDR_UN_SIZE);
        address.clear();
        address.setShort(0, (short) AF_UNIX);
        address.write(SUN_PATH_OFFSET, path, 0, path.length);
        return address;
    }
}
