package dev.tappers.linux;

import dev.tappers.linux.jna.Syscalls;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The network namespace an interface lives in. Configuration sockets act in the namespace of the thread that
 * opens them, so every configuration step of an interface runs through {@link #call}, which runs it inside the
 * interface's namespace whatever the calling thread's.
 *
 * <p>A device remembers the namespace of the thread that made it, by inode number ({@link NamespaceInodes}).
 * A step called from a thread in that namespace runs inline, with no thread hop. From elsewhere it runs on the
 * thread of a {@link LinuxNamespace} for that namespace when one is open (the one the device was made through
 * first), and otherwise on a short-lived thread that enters the namespace through a thread of this process that
 * is inside it ({@link NamespaceVisit}): the main thread, for a device made outside any namespace object.
 *
 * <p>No descriptor of the namespace is kept here, so a device never keeps a namespace alive and there is nothing
 * to release when it closes. (A device made inside a namespace whose object was closed, and with no thread of
 * this process left inside, can then be configured only from a thread inside it; the call says so.)
 */
final class HomeNamespace {
    private static final String OPERATION = "configure an interface";

    private final long inode;
    private final LinuxNamespace owner;

    /**
     * @param inode the namespace's inode number
     * @param owner the namespace object the device was made through, or null
     */
    HomeNamespace(long inode, LinuxNamespace owner) {
        this.inode = inode;
        this.owner = owner;
    }

    /** The namespace of the calling thread. */
    static HomeNamespace ofCurrentThread() {
        LinuxNamespace running = LinuxNamespaces.ofCurrentThread();
        if (running != null) {
            return running.home();
        }
        // A thread started by a task inside a namespace is inside it too: it finds the namespace's object here.
        long inode = NamespaceInodes.ofCurrentThread();
        LinuxNamespace ns = LinuxNamespaces.withInode(inode);
        return ns != null ? ns.home() : new HomeNamespace(inode, null);
    }

    /** The namespace's inode number. */
    long inode() {
        return inode;
    }

    /** The namespace object the device was made through, if it was. */
    Optional<LinuxNamespace> owner() {
        return Optional.ofNullable(owner);
    }

    /** True when the calling thread is inside this namespace. */
    boolean isCurrentThreadInside() {
        return NamespaceInodes.ofCurrentThread() == inode;
    }

    /** Runs {@code step} inside this namespace and returns its result; what it throws comes out as it is. */
    <T> T call(IoCall<T> step) throws IOException {
        if (isCurrentThreadInside()) {
            return step.call();
        }
        LinuxNamespace ns = owner != null && owner.isOpen() ? owner : LinuxNamespaces.withInode(inode);
        if (ns != null) {
            return ns.runStep(step);
        }
        OptionalInt fd = NamespaceInodes.openThroughAThreadInside(inode);
        if (fd.isEmpty()) {
            throw new NamespaceClosedException(OPERATION, (owner != null ? owner.name().map(n -> "'" + n + "' ").orElse("") : "")
                    + "net:[" + inode + "]", (owner != null ? "was closed, and " : "")
                    + "no thread of this process is inside it: configure the interface from a thread inside its namespace");
        }
        try {
            return NamespaceVisit.run(OPERATION, fd.getAsInt(), step);
        } finally {
            Syscalls.closeQuietly(fd.getAsInt());
        }
    }

    @Override
    public String toString() {
        return "net:[" + inode + "]" + (owner != null ? " (" + owner + ")" : "");
    }
}
