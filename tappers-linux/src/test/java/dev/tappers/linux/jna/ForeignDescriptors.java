package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.tappers.tck.ForeignDescriptor;

import java.io.IOException;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * Test support: descriptors opened the way another program would, straight through the C library and never
 * through the provider, for the adoption tests. A TUN/TAP is opened blocking (the default a C program gets),
 * so the tests also see that adoption makes it nonblocking.
 */
public final class ForeignDescriptors {
    interface Pipes extends Library {
        Pipes INSTANCE = Native.load("c", Pipes.class);

        int pipe2(int[] fds, int flags) throws LastErrorException;
    }

    private ForeignDescriptors() {
    }

    /** /dev/net/tun attached with TUNSETIFF to a new interface {@code name}, with exactly {@code flags}. */
    public static Foreign tunTap(String name, short flags) throws IOException {
        int fd = open("/dev/net/tun");
        try {
            return new Foreign(fd, Syscalls.tunSetIff(fd, name, flags));
        } catch (SyscallException e) {
            Syscalls.closeQuietly(fd);
            throw e;
        }
    }

    /** A TUN as a C program that wants bare IP packets opens it. */
    public static Foreign tun(String name) throws IOException {
        return tunTap(name, (short) (IFF_TUN | IFF_NO_PI));
    }

    /** A TAP as a C program that wants bare frames opens it. */
    public static Foreign tap(String name) throws IOException {
        return tunTap(name, (short) (IFF_TAP | IFF_NO_PI));
    }

    /** /dev/net/tun opened but attached to nothing. */
    public static Foreign unattachedTunControl() throws IOException {
        return new Foreign(open("/dev/net/tun"), "");
    }

    /** The write end of a pipe; its read end stays open with it (so writes work) and closes with it. */
    public static Foreign pipe() throws IOException {
        int[] fds = new int[2];
        try {
            Pipes.INSTANCE.pipe2(fds, O_CLOEXEC | O_NONBLOCK);
        } catch (LastErrorException e) {
            throw new SyscallException("pipe2", e.getErrorCode());
        }
        return new Foreign(fds[1], "", fds[0]);
    }

    public static Foreign devNull() throws IOException {
        return new Foreign(open("/dev/null"), "");
    }

    private static int open(String path) throws SyscallException {
        try {
            return LibC.open(path, O_RDWR | O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new SyscallException("open(" + path + ")", e.getErrorCode());
        }
    }

    /** Whether {@code fd} is open in this process. */
    public static boolean isOpen(int fd) {
        return DescriptorCalls.isOpen(fd);
    }

    /** One descriptor; closes it unless handed over. */
    public static final class Foreign implements ForeignDescriptor {
        private final int fd;
        private final String name;
        /** Another descriptor closed with this one (a pipe's read end), or -1. */
        private final int partner;
        private boolean released;
        private boolean closed;

        Foreign(int fd, String name) {
            this(fd, name, -1);
        }

        Foreign(int fd, String name, int partner) {
            this.fd = fd;
            this.name = name;
            this.partner = partner;
        }

        @Override
        public int descriptor() {
            return fd;
        }

        @Override
        public String interfaceName() {
            return name;
        }

        @Override
        public void write(byte[] packet) throws IOException {
            try (Memory m = new Memory(Math.max(1, packet.length))) {
                m.write(0, packet, 0, packet.length);
                long n = LibC.write(fd, Pointer.nativeValue(m), packet.length);
                if (n != packet.length) {
                    throw new IOException("wrote " + n + " of " + packet.length + " bytes to descriptor " + fd);
                }
            } catch (LastErrorException e) {
                throw new SyscallException("write", e.getErrorCode());
            }
        }

        @Override
        public synchronized int handOver() {
            released = true;
            return fd;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (!released) {
                Syscalls.closeQuietly(fd);
            }
            if (partner >= 0) {
                Syscalls.closeQuietly(partner);
            }
        }

        @Override
        public String toString() {
            return "descriptor " + fd + (name.isEmpty() ? "" : " (" + name + ")");
        }
    }
}
