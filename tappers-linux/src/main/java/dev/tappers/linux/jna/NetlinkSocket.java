package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.tappers.linux.netlink.NetlinkTransport;

import java.io.IOException;
import java.nio.ByteBuffer;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * A NETLINK_ROUTE socket in the network namespace of the thread that opens it. Opened per operation and closed
 * after it (see {@link Syscalls} for why nothing is cached).
 */
public final class NetlinkSocket implements NetlinkTransport {
    /** Replies come at once; this only bounds a wait that should never happen. */
    private static final int RECEIVE_TIMEOUT_SECONDS = 10;
    private static final int BUFFER_SIZE = 64 * 1024;

    private final int fd;
    private final Memory buffer = new Memory(BUFFER_SIZE);
    private boolean closed;

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /** Opens, binds (the kernel assigns the port id) and sets a receive timeout. */
    public static NetlinkSocket open() throws SyscallException {
        int fd;
        try {
            fd = LibC.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
        } catch (LastErrorException e) {
            throw new SyscallException("socket(AF_NETLINK, NETLINK_ROUTE)", e.getErrorCode());
        }
        try (Memory addr = new Memory(SOCKADDR_NL_SIZE); Memory timeout = new Memory(16)) {
            addr.clear();
            addr.setShort(0, (short) AF_NETLINK);
            LibC.bind(fd, Pointer.nativeValue(addr), SOCKADDR_NL_SIZE);
            timeout.setLong(0, RECEIVE_TIMEOUT_SECONDS); // struct timeval: tv_sec, tv_usec
            timeout.setLong(8, 0);
            LibC.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, Pointer.nativeValue(timeout), 16);
        } catch (LastErrorException e) {
            Syscalls.closeQuietly(fd);
            throw new SyscallException("bind/setsockopt on netlink socket", e.getErrorCode());
        }
        return new NetlinkSocket(fd);
    }

    @Override
    public void send(ByteBuffer request) throws IOException {
        int n = request.remaining();
        if (n > BUFFER_SIZE) {
            throw new IllegalArgumentException("netlink request of " + n + " bytes exceeds " + BUFFER_SIZE);
        }
        byte[] bytes = new byte[n];
        request.get(bytes);
        buffer.write(0, bytes, 0, n);
        while (true) {
            try {
                LibC.send(fd, Pointer.nativeValue(buffer), n, 0);
                return;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw new SyscallException("send on netlink socket", e.getErrorCode());
                }
            }
        }
    }

    @Override
    public int receive(ByteBuffer into) throws IOException {
        while (true) {
            long n;
            try {
                // MSG_TRUNC makes recv return the datagram's real length, so a cut reply is detected.
                n = LibC.recv(fd, Pointer.nativeValue(buffer), BUFFER_SIZE, MSG_TRUNC);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EINTR) {
                    continue;
                }
                throw new SyscallException(e.getErrorCode() == EAGAIN
                        ? "recv on netlink socket (no reply within " + RECEIVE_TIMEOUT_SECONDS + " s)"
                        : "recv on netlink socket", e.getErrorCode());
            }
            if (n > BUFFER_SIZE || n > into.remaining()) {
                throw new IOException("netlink reply of " + n + " bytes does not fit the "
                        + Math.min(BUFFER_SIZE, into.remaining()) + "-byte buffer");
            }
            into.put(buffer.getByteArray(0, (int) n));
            return (int) n;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Syscalls.closeQuietly(fd);
            buffer.close();
        }
    }
}
