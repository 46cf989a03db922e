package dev.tappers.linux;

import dev.tappers.InterfaceName;
import dev.tappers.OsFamily;
import dev.tappers.Tap;
import dev.tappers.TappersException;
import dev.tappers.Tun;
import dev.tappers.linux.TunTapFactory.Kind;
import dev.tappers.linux.jna.DescriptorCalls;
import dev.tappers.linux.jna.DescriptorCalls.TunAttachment;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.jna.PacketIo;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.linux.jna.UnixSockets;
import dev.tappers.linux.netlink.NetlinkErrorException;
import dev.tappers.linux.netlink.TunLinkOps;
import dev.tappers.posix.Errno;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * TUN/TAP descriptors that this library did not open: adopting one handed over in-process (a platform VPN
 * service, a parent process), and passing one between processes over a Unix socket with {@code SCM_RIGHTS}, so
 * that a small privileged helper creates the device and the application never needs CAP_NET_ADMIN.
 *
 * <p><b>Adopting.</b> TUNGETIFF tells which interface the descriptor is attached to and whether it is a TUN or a
 * TAP; rtnetlink tells whether packet information is on ({@link TunLinkOps}: TUNGETIFF shares that bit with
 * IFF_NOFILTER). The descriptor must deliver bare packets: one opened without {@code IFF_NO_PI} (a 4-byte packet
 * information header before each packet) or with {@code IFF_VNET_HDR} is refused, naming the flag. Neither can be
 * switched once attached, and refusing keeps one packet path for every device instead of a second one that
 * strips and adds headers for a case the creator can avoid with one flag. The device is never
 * "created by us": closing it never deletes the interface (but the kernel removes a non-persistent TUN/TAP when
 * its last descriptor closes, whoever holds it).
 *
 * <p><b>Ownership.</b> An owned descriptor is closed with the device. A descriptor that is not owned is
 * duplicated first and the device works on the duplicate, so closing the device never closes the caller's
 * number. Both refer to one open file, though, and the file status flags belong to the open file: the device
 * sets {@code O_NONBLOCK} on it (its blocking receive waits in poll, where close can wake it), which the other
 * holder then sees too, and keeps it set after close.
 *
 * <p><b>Passing.</b> The sender connects to the receiver's socket and sends one message: the interface name as
 * data and the descriptor as one {@code SCM_RIGHTS} control message. The receiver listens on a path that must
 * not exist, accepts one connection within its timeout, takes the descriptor (close-on-exec), adopts it as
 * owned, and removes the socket file and closes its sockets whatever happens. Anyone who can connect to the
 * socket can send a descriptor: put it in a directory only the helper and the application can reach.
 */
final class DescriptorAdoption {
    /** How long a sender waits for the receiver to take its connection and message. */
    static final long SEND_TIMEOUT_MILLIS = 10_000;
    /** How long a sender retries a refused connection: the receiver binds, then listens. */
    static final long REFUSED_RETRY_MILLIS = 1_000;
    private static final long REFUSED_RETRY_PAUSE_MILLIS = 10;
    /** The message is an interface name; anything longer is not from a tappers sender. */
    private static final int MAX_MESSAGE_BYTES = 64;
    /** Room for one descriptor more than wanted, so a sender that passes several is caught (and they are closed). */
    private static final int MAX_DESCRIPTORS = 2;
    /** The longest wait a receiver honours (about 31 years). */
    private static final long MAX_WAIT_SECONDS = 1L << 30;
    /** Waits are cut into slices this long, so an interrupt ends them promptly. */
    private static final int WAIT_SLICE_MILLIS = 100;

    private DescriptorAdoption() {
    }

    // ---- adopting ------------------------------------------------------------------------------------------

    static Tun adoptTun(int descriptor, boolean owned) throws IOException {
        return (Tun) adopt(Kind.TUN, descriptor, owned);
    }

    static Tap adoptTap(int descriptor, boolean owned) throws IOException {
        return (Tap) adopt(Kind.TAP, descriptor, owned);
    }

    /**
     * Wraps {@code descriptor} as a device of {@code kind}. If this throws, the descriptor is left open, and a
     * caller that passed it as owned still owns it.
     *
     * @throws IllegalArgumentException when the descriptor is negative, not open, not a TUN/TAP, of the other
     *                                  kind, or delivers packets with a header
     */
    private static LinuxPacketDevice adopt(Kind kind, int descriptor, boolean owned) throws IOException {
        String operation = "adopt " + kind + " descriptor " + descriptor;
        if (descriptor < 0) {
            throw new IllegalArgumentException(operation + ": a descriptor is a number of 0 or more");
        }
        TunAttachment attachment = attachmentOf(operation, descriptor);
        String problem = mismatch(kind, descriptor, attachment);
        if (problem != null) {
            throw new IllegalArgumentException(operation + ": " + problem);
        }
        requireSameNamespace(operation, descriptor, attachment);
        int index;
        try {
            index = Syscalls.interfaceIndex(attachment.name());
            if (carriesPacketInformation(index, attachment)) {
                throw new IllegalArgumentException(operation + ": descriptor " + descriptor + " ("
                        + attachment.name() + ") was attached without IFF_NO_PI, so each packet carries a 4-byte "
                        + "packet information header, and the flag cannot be changed once attached; this library "
                        + "delivers bare " + (kind == Kind.TUN ? "IP packets" : "Ethernet frames")
                        + ": have the creator set IFF_NO_PI");
            }
        } catch (SyscallException e) {
            throw adoptFailure(operation, attachment, e.syscall(), e.errno(), e);
        } catch (NetlinkErrorException e) {
            throw adoptFailure(operation, attachment, "netlink", e.errno(), e);
        }
        int fd = descriptor;
        int restoreFlags = -1;
        int wakeFd = -1;
        boolean done = false;
        try {
            if (!owned) {
                fd = DescriptorCalls.duplicate(descriptor);
            }
            int flags = DescriptorCalls.statusFlags(fd);
            if ((flags & O_NONBLOCK) == 0) {
                DescriptorCalls.setStatusFlags(fd, flags | O_NONBLOCK);
                restoreFlags = flags;
            }
            wakeFd = PacketIo.newWakeFd();
            InterfaceName name = InterfaceName.of(attachment.name());
            HomeNamespace home = HomeNamespace.ofCurrentThread();
            LinuxPacketDevice device = kind == Kind.TUN
                    ? new LinuxTun(name, index, home, false, fd, wakeFd, false)
                    : new LinuxTap(name, index, home, false, fd, wakeFd, false);
            done = true;
            return device;
        } catch (SyscallException e) {
            throw adoptFailure(operation, attachment, e.syscall(), e.errno(), e);
        } finally {
            if (!done) {
                if (restoreFlags >= 0) {
                    try {
                        DescriptorCalls.setStatusFlags(fd, restoreFlags);
                    } catch (SyscallException ignored) {
                        // The original failure is the one to report.
                    }
                }
                if (fd != descriptor) {
                    Syscalls.closeQuietly(fd);
                }
                if (wakeFd >= 0) {
                    Syscalls.closeQuietly(wakeFd);
                }
            }
        }
    }

    /**
     * Whether the interface's packets carry packet information. TUNGETIFF cannot tell (see {@link TunLinkOps});
     * rtnetlink can since Linux 4.15. On an older kernel TUNGETIFF's bit is trusted where it can be: clear means
     * packet information for sure, set may also mean only "no filter attached".
     */
    /**
     * The name TUNGETIFF gives is looked up in the caller's namespace; a descriptor from another namespace (a
     * helper's, where "tun0" may name something else here) would bind this object to an unrelated interface.
     * Where the kernel tells (Linux 5.2+, with CAP_NET_ADMIN), refuse that. Without the privilege it cannot be
     * checked, and the name is trusted.
     */
    private static void requireSameNamespace(String operation, int descriptor, TunAttachment attachment) throws IOException {
        int ns = DescriptorCalls.deviceNamespace(descriptor);
        if (ns < 0) {
            return;
        }
        try {
            long device = NamespaceInodes.ofDescriptor(ns);
            long here = NamespaceInodes.ofCurrentThread();
            if (device != here) {
                throw new IllegalArgumentException(operation + ": " + attachment.name() + " lives in network namespace net:["
                        + device + "], not this thread's net:[" + here + "]; adopt it from a thread inside that namespace");
            }
        } finally {
            Syscalls.closeQuietly(ns);
        }
    }

    private static boolean carriesPacketInformation(int index, TunAttachment attachment) throws IOException {
        Optional<Boolean> said;
        try (NetlinkSocket netlink = NetlinkSocket.open()) {
            said = TunLinkOps.packetInformation(netlink, index);
        }
        return said.orElse(!attachment.has(IFF_NO_PI));
    }

    private static TappersException adoptFailure(String operation, TunAttachment attachment, String call, int errno,
                                                 Exception cause) {
        TappersException t = LinuxErrors.device(operation + " [" + call + "]", attachment.name(), errno,
                errno == ENODEV ? "the interface the descriptor is attached to is not in this thread's network "
                        + "namespace" : null);
        t.initCause(cause);
        return t;
    }

    /** TUNGETIFF, with each way a descriptor can fail to be a TUN/TAP told in words. */
    private static TunAttachment attachmentOf(String operation, int descriptor) throws IOException {
        try {
            return DescriptorCalls.tunAttachment(descriptor);
        } catch (SyscallException e) {
            String what;
            switch (e.errno()) {
                case DescriptorCalls.EBADF:
                    what = "descriptor " + descriptor + " is not open in this process";
                    break;
                case DescriptorCalls.EBADFD:
                    what = "descriptor " + descriptor + " is " + LinuxTappersProvider.TUN_CONTROL
                            + " but attached to no interface (TUNSETIFF was never called on it)";
                    break;
                default:
                    // ENOTTY from files, pipes and most devices; EINVAL or ENOIOCTLCMD-style answers from sockets.
                    what = "descriptor " + descriptor + " (" + describe(descriptor) + ") is not a TUN/TAP device";
                    break;
            }
            IllegalArgumentException iae = new IllegalArgumentException(operation + ": " + what + " ["
                    + e.syscall() + ": " + Errno.name(OsFamily.LINUX, e.errno()) + ", " + Syscalls.strerror(e.errno()) + "]");
            iae.initCause(e);
            throw iae;
        }
    }

    /** Why {@code attachment} cannot be used as {@code kind}, or null when it can. */
    private static String mismatch(Kind kind, int descriptor, TunAttachment attachment) {
        Kind actual = attachment.has(IFF_TAP) ? Kind.TAP : Kind.TUN;
        if (actual != kind) {
            return "descriptor " + descriptor + " is attached to " + attachment.name() + ", a " + actual
                    + " device, not a " + kind + ": adopt it as a " + actual;
        }
        if (attachment.has(dev.tappers.linux.jna.LinuxConstants.IFF_VNET_HDR)) {
            return "descriptor " + descriptor + " (" + attachment.name() + ") was attached with IFF_VNET_HDR, so "
                    + "each packet carries a virtio-net header; have the creator leave IFF_VNET_HDR off";
        }
        return null;
    }

    /** What a descriptor refers to, as /proc shows it: a path, "pipe:[...]", "socket:[...]", "anon_inode:...". */
    private static String describe(int descriptor) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/" + descriptor)).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "unknown kind";
        }
    }

    // ---- passing: the receiver -----------------------------------------------------------------------------

    static Tun receiveTun(Path socketPath, Duration timeout) throws IOException {
        return (Tun) receive(Kind.TUN, socketPath, timeout);
    }

    static Tap receiveTap(Path socketPath, Duration timeout) throws IOException {
        return (Tap) receive(Kind.TAP, socketPath, timeout);
    }

    private static LinuxPacketDevice receive(Kind kind, Path socketPath, Duration timeout) throws IOException {
        Objects.requireNonNull(socketPath, "socketPath");
        Objects.requireNonNull(timeout, "timeout");
        String operation = "receive " + kind + " on " + socketPath;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(operation + ": the timeout must be positive, not " + timeout);
        }
        byte[] address = UnixSocketPath.encode(operation, socketPath);
        if (Files.exists(socketPath, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(operation + ": " + socketPath + " exists already; the receiver "
                    + "creates the socket itself, so give a path that does not exist (remove a stale socket file)");
        }
        // A timeout of centuries is as good as none; capped so the deadline arithmetic cannot overflow.
        long deadline = System.nanoTime() + Math.min(timeout.getSeconds(), MAX_WAIT_SECONDS) * 1_000_000_000L
                + timeout.getNano();
        int listener = -1;
        int connection = -1;
        int[] received = new int[0];
        boolean bound = false;
        try {
            listener = UnixSockets.openStreamSocket(true);
            UnixSockets.bind(listener, address);
            bound = true;
            UnixSockets.listen(listener, 1);
            while (connection < 0) {
                awaitReadable(operation, listener, deadline, timeout, "no sender connected");
                connection = UnixSockets.accept(listener);
            }
            awaitReadable(operation, connection, deadline, timeout, "the sender connected but sent nothing");
            UnixSockets.Received message = UnixSockets.receiveWithDescriptors(connection, MAX_MESSAGE_BYTES, MAX_DESCRIPTORS);
            received = message.descriptors();
            String sent = new String(message.data(), StandardCharsets.UTF_8);
            if (received.length != 1 || message.controlTruncated()) {
                throw new IOException(operation + ": the sender passed " + (message.controlTruncated() ? "more than "
                        + received.length : String.valueOf(received.length)) + " descriptors with the message \""
                        + sent + "\"; exactly one is expected (is the sender PacketDevice.sendDescriptor?)");
            }
            LinuxPacketDevice device;
            try {
                device = adopt(kind, received[0], true);
            } catch (IllegalArgumentException e) {
                throw new IOException(operation + ": the sender passed a descriptor (for \"" + sent
                        + "\") that cannot be adopted: " + e.getMessage(), e);
            }
            received = new int[0]; // the device owns it now
            return device;
        } catch (SyscallException e) {
            throw LinuxErrors.device(operation + " [" + e.syscall() + "]", null, e.errno(), receiveHint(e.errno()));
        } finally {
            for (int fd : received) {
                Syscalls.closeQuietly(fd);
            }
            if (connection >= 0) {
                Syscalls.closeQuietly(connection);
            }
            if (listener >= 0) {
                Syscalls.closeQuietly(listener);
            }
            if (bound) {
                try {
                    Files.deleteIfExists(socketPath);
                } catch (IOException ignored) {
                    // Not worth hiding the outcome for: the file is a dead socket, which a later bind reports.
                }
            }
        }
    }

    /**
     * Waits until {@code fd} is readable or the deadline passes, in short slices so that an interrupt ends the
     * wait.
     */
    private static void awaitReadable(String operation, int fd, long deadline, Duration timeout, String failure)
            throws IOException {
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException(operation + ": interrupted while waiting (" + failure + " yet)");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException(operation + ": " + failure + " within " + timeout.toMillis() + " ms");
            }
            int slice = (int) Math.min(WAIT_SLICE_MILLIS, Math.max(1, left / 1_000_000));
            if (UnixSockets.awaitReadable(fd, slice)) {
                return;
            }
        }
    }

    private static String receiveHint(int errno) {
        switch (errno) {
            case UnixSockets.EADDRINUSE:
                return "the socket path was taken by another process meanwhile";
            case ENOENT:
                return "the directory of the socket path does not exist";
            case EACCES:
                return "no permission to create the socket file in its directory";
            default:
                return null;
        }
    }

    // ---- passing: the sender -------------------------------------------------------------------------------

    /**
     * {@link dev.tappers.PacketDevice#sendDescriptor}: the device stays open and keeps its own descriptor.
     *
     * <p>The receiver's socket file appears at bind, a moment before it listens, and a connect in between is
     * refused: a refusal is retried for {@value #REFUSED_RETRY_MILLIS} ms, so a helper may send as soon as it
     * sees the file. A stale file is reported after that.
     */
    static void send(LinuxPacketDevice device, Path socketPath) throws IOException {
        Objects.requireNonNull(socketPath, "socketPath");
        byte[] address = UnixSocketPath.encode("send descriptor of " + device.name(), socketPath);
        device.configure("send descriptor to " + socketPath, false, DescriptorAdoption::sendHint, () -> {
            byte[] name = device.name().value().getBytes(StandardCharsets.UTF_8);
            long giveUp = System.nanoTime() + REFUSED_RETRY_MILLIS * 1_000_000;
            while (true) {
                int socket = UnixSockets.openStreamSocket(false);
                try {
                    UnixSockets.setSendTimeout(socket, SEND_TIMEOUT_MILLIS);
                    UnixSockets.connect(socket, address);
                    UnixSockets.sendWithDescriptor(socket, name, device.descriptor());
                    return null;
                } catch (SyscallException e) {
                    if (e.errno() != UnixSockets.ECONNREFUSED || System.nanoTime() - giveUp > 0) {
                        throw e;
                    }
                } finally {
                    Syscalls.closeQuietly(socket);
                }
                sleep(REFUSED_RETRY_PAUSE_MILLIS);
            }
        });
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while retrying a refused connection");
        }
    }

    private static String sendHint(int errno) {
        switch (errno) {
            case ENOENT:
                return "no socket at that path: start the receiver (DescriptorPassing.receiveTun/receiveTap) first";
            case UnixSockets.ECONNREFUSED:
                return "nothing listens on that socket (a stale socket file?)";
            case EACCES:
                return "no write permission on the socket file or no search permission on its directory";
            case EAGAIN:
                return "the receiver did not take the connection within " + SEND_TIMEOUT_MILLIS + " ms";
            default:
                return null;
        }
    }
}
