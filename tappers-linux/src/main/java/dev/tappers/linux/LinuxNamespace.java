package dev.tappers.linux;

import dev.tappers.InterfaceName;
import dev.tappers.NetworkNamespace;
import dev.tappers.TappersException;
import dev.tappers.linux.jna.Namespaces;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.linux.netlink.LinkOps;
import dev.tappers.linux.netlink.NetlinkErrorException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.ref.WeakReference;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * A network namespace held by this process: its own platform thread inside it ({@link NamespaceThread}), an
 * O_CLOEXEC descriptor of it (for moving interfaces in and creating vETH peers there), and, for a named one,
 * the bind mount that gives it its name. Made by {@link LinuxNamespaces}.
 */
final class LinuxNamespace implements NetworkNamespace {
    /** How long close waits for the thread to finish the tasks already queued, and for descriptor users. */
    private static final long CLOSE_WAIT_MILLIS = 15_000;
    private static final String STEP = "configure an interface";

    private final String name;
    private final Path mountPoint;
    private final long inode;
    private final NamespaceThread thread;
    private final Descriptor descriptor;
    private final HomeNamespace home;
    private final AtomicBoolean open = new AtomicBoolean(true);

    /**
     * @param name       the name, or null for an anonymous namespace
     * @param mountPoint the file the name is bound to, or null for an anonymous namespace
     */
    LinuxNamespace(String name, Path mountPoint, NamespaceThread thread, long inode) {
        this.name = name;
        this.mountPoint = mountPoint;
        this.inode = inode;
        this.thread = thread;
        this.descriptor = new Descriptor(thread.namespaceFd(), label(name, inode));
        this.home = new HomeNamespace(inode, this);
        // Forgotten without close: once nothing refers to this object, the idle thread ends and releases the
        // descriptor. Neither lambda may refer to this object, or it would never be collected.
        WeakReference<LinuxNamespace> self = new WeakReference<>(this);
        Descriptor d = descriptor;
        thread.watch(() -> self.get() == null, d::close);
    }

    private static String label(String name, long inode) {
        return (name != null ? "'" + name + "' " : "") + "net:[" + inode + "]";
    }

    /** The namespace's inode number, which names it (see {@link NamespaceInodes}). */
    long inode() {
        return inode;
    }

    /** How messages name this namespace: its name if it has one, and its inode. */
    String label() {
        return descriptor.label;
    }

    /** The home of devices made inside this namespace. */
    HomeNamespace home() {
        return home;
    }

    /** True on this namespace's own thread. */
    boolean isItsThread() {
        return thread.isCurrent();
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public <T> T call(Callable<T> task) throws Exception {
        Objects.requireNonNull(task, "task");
        requireOpen("run a task");
        return thread.call("run a task", task);
    }

    /**
     * Runs one configuration step of a device that lives here: on this namespace's thread, unless that thread is
     * busy with a task, queued or running (which may itself be waiting for this step), then on a visiting thread.
     */
    <T> T runStep(IoCall<T> step) throws IOException {
        requireOpen(STEP);
        if (!thread.isBusy()) {
            try {
                return thread.call(STEP, step::call);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(STEP + " in network namespace " + descriptor.label + ": interrupted");
            } catch (Exception e) {
                throw new IOException(STEP + ": " + e, e); // an IoCall throws nothing else
            }
        }
        return descriptor.use(STEP, fd -> NamespaceVisit.run(STEP, fd, step));
    }

    /** Runs {@code body} with this namespace's descriptor, which stays open until it returns. */
    <T> T withDescriptor(String operation, Descriptor.Body<T> body) throws IOException {
        requireOpen(operation);
        return descriptor.use(operation, body);
    }

    @Override
    public void moveInterface(InterfaceName interfaceName) throws IOException {
        Objects.requireNonNull(interfaceName, "interface name");
        String operation = "move interface into network namespace " + descriptor.label;
        requireOpen(operation + " (" + interfaceName + ")");
        descriptor.use(operation, fd -> {
            // Both the index and the netlink socket belong to the caller's namespace, where the interface is now.
            try {
                int index = Syscalls.interfaceIndex(interfaceName.value());
                try (NetlinkSocket netlink = NetlinkSocket.open()) {
                    LinkOps.moveToNamespace(netlink, index, fd);
                }
                return null;
            } catch (SyscallException e) {
                throw moveFailure(operation + " [" + e.syscall() + "]", interfaceName, e.errno(), e);
            } catch (NetlinkErrorException e) {
                throw moveFailure(operation + " [netlink]", interfaceName, e.errno(), e);
            }
        });
    }

    private static TappersException moveFailure(String operation, InterfaceName iface, int errno, Exception cause) {
        TappersException t = LinuxErrors.device(operation, iface.value(), errno, moveHint(errno));
        t.initCause(cause);
        return t;
    }

    /** What the kernel's refusal of a move into a namespace means, or null for the generic message. */
    static String moveHint(int errno) {
        switch (errno) {
            case ENODEV:
                return "no such interface in the network namespace it is moved from";
            case EEXIST:
                return "the namespace has an interface by that name already";
            case EINVAL:
                return "this kind of interface cannot change namespace (lo, for one)";
            default:
                return null;
        }
    }

    @Override
    public void delete() throws IOException {
        String operation = "delete network namespace " + descriptor.label;
        requireOpen(operation);
        IOException failure = null;
        if (mountPoint != null) {
            failure = removeName(operation);
        }
        try {
            close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Unmounts and unlinks the name, unless it now names another namespace (deleted and made again by others). */
    private IOException removeName(String operation) {
        try {
            if (!Files.exists(mountPoint) || NamespaceInodes.ofPath(mountPoint) != inode) {
                return null; // gone already, or someone else's now: not ours to remove
            }
            try {
                Namespaces.detachMount(mountPoint.toString());
            } catch (SyscallException e) {
                if (e.errno() != EINVAL && e.errno() != ENOENT) { // EINVAL: no longer a mount point
                    TappersException t = LinuxErrors.entry(operation + " [" + e.syscall() + "]", null, e.errno(),
                            e.errno() == EPERM ? "needs CAP_SYS_ADMIN (run as root)" : null);
                    t.initCause(e);
                    return t;
                }
            }
            Files.deleteIfExists(mountPoint);
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() throws IOException {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        LinuxNamespaces.forget(this);
        boolean ended = thread.stop(CLOSE_WAIT_MILLIS);
        boolean released = descriptor.close();
        if (!ended) {
            throw new IOException("close network namespace " + descriptor.label + ": its thread is still running a task after "
                    + CLOSE_WAIT_MILLIS + " ms; it ends when that task returns");
        }
        if (!released) {
            throw new IOException("close network namespace " + descriptor.label + ": a thread still used its descriptor after "
                    + CLOSE_WAIT_MILLIS + " ms; the descriptor is left open");
        }
    }

    private void requireOpen(String operation) throws ClosedChannelException {
        if (!open.get()) {
            throw new NamespaceClosedException(operation, descriptor.label, "is closed");
        }
    }

    @Override
    public String toString() {
        return "LinuxNamespace[" + (name != null ? name : "anonymous") + ", net:[" + inode + "]"
                + (open.get() ? "" : ", closed") + "]";
    }

    /**
     * The namespace's descriptor, released only once no thread uses it: a released number can be reused at once,
     * and a late IFLA_NET_NS_FD naming it would move an interface into whatever namespace got that number.
     */
    static final class Descriptor {
        /** Something to do with the descriptor. */
        @FunctionalInterface
        interface Body<T> {
            T apply(int fd) throws IOException;
        }

        private final int fd;
        private final String label;
        private final DescriptorGuard guard = new DescriptorGuard();

        Descriptor(int fd, String label) {
            this.fd = fd;
            this.label = label;
        }

        <T> T use(String operation, Body<T> body) throws IOException {
            try {
                guard.enter();
            } catch (ClosedChannelException e) {
                throw new NamespaceClosedException(operation, label, "is closed");
            }
            try {
                return body.apply(fd);
            } finally {
                guard.exit();
            }
        }

        /** Closes the descriptor once its users have left; false when they did not leave in time (it stays open). */
        boolean close() {
            if (!guard.markClosed()) {
                return true;
            }
            if (!guard.awaitDrained(CLOSE_WAIT_MILLIS)) {
                return false;
            }
            Syscalls.closeQuietly(fd);
            return true;
        }
    }
}
