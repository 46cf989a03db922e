package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * The system calls behind network namespaces, with plain Java types in and out.
 *
 * <p>A network namespace belongs to a thread: {@link #unshareNetwork()} and {@link #enterNetwork(int)} move only
 * the calling thread, so the provider calls them on a thread of its own, never on a pool or virtual thread that
 * would carry other work into the namespace. Mounts, on the other hand, belong to the process's mount namespace
 * and can be made or removed from any thread.
 */
public final class Namespaces {
    /** The calling thread's own network namespace file (Linux 3.17 and later). */
    public static final String THREAD_NETWORK_NAMESPACE = "/proc/thread-self/ns/net";

    /** Never freed: see {@link #keepNativeCleanerRunning()}. Guarded by the class. */
    private static Memory cleanerAnchor;

    private Namespaces() {
    }

    /**
     * Keeps JNA's cleaner thread running for good, in the calling thread's network namespace. JNA frees native
     * memory on a "JNA Cleaner" thread that it starts on demand, from whichever thread allocates first, and stops
     * after 30 s without work (com.sun.jna.internal.Cleaner). Started from a namespace's thread, it would live
     * inside that namespace and keep it alive after its deletion. One allocation that is never freed keeps the
     * cleaner from stopping; call this from a thread in the process's own namespace before any other namespace
     * thread runs.
     */
    public static synchronized void keepNativeCleanerRunning() {
        if (cleanerAnchor == null) {
            cleanerAnchor = new Memory(1);
        }
    }

    /** Whether {@link #keepNativeCleanerRunning()} has run. */
    public static synchronized boolean isNativeCleanerKept() {
        return cleanerAnchor != null;
    }

    /** unshare(CLONE_NEWNET): moves the calling thread into a new network namespace that holds only {@code lo}. */
    public static void unshareNetwork() throws SyscallException {
        try {
            Calls.unshare(CLONE_NEWNET);
        } catch (LastErrorException e) {
            throw new SyscallException("unshare(CLONE_NEWNET)", e.getErrorCode());
        }
    }

    /**
     * setns(fd, CLONE_NEWNET): moves the calling thread into the network namespace {@code namespaceFd} refers to.
     * The kernel answers EINVAL when the file is not a network namespace.
     */
    public static void enterNetwork(int namespaceFd) throws SyscallException {
        try {
            Calls.setns(namespaceFd, CLONE_NEWNET);
        } catch (LastErrorException e) {
            throw new SyscallException("setns(CLONE_NEWNET)", e.getErrorCode());
        }
    }

    /** Opens a namespace file ({@code /proc/.../ns/net} or a bind mount of one) read-only and close-on-exec. */
    public static int openNamespaceFile(String path) throws SyscallException {
        while (true) {
            try {
                return LibC.open(path, O_CLOEXEC); // O_RDONLY is 0
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw new SyscallException("open(" + path + ")", e.getErrorCode());
                }
            }
        }
    }

    /**
     * Bind-mounts {@code source} onto {@code target} (an existing empty file): how a namespace gets a name that
     * keeps it alive with no process inside, as {@code ip netns add} does.
     */
    public static void bindMount(String source, String target) throws SyscallException {
        try {
            Calls.mount(source, target, "none", MS_BIND, null);
        } catch (LastErrorException e) {
            throw new SyscallException("mount(" + source + ", " + target + ", MS_BIND)", e.getErrorCode());
        }
    }

    /** umount2(target, MNT_DETACH): removes the mount now, even while something still has the namespace open. */
    public static void detachMount(String target) throws SyscallException {
        try {
            Calls.umount2(target, MNT_DETACH);
        } catch (LastErrorException e) {
            throw new SyscallException("umount2(" + target + ", MNT_DETACH)", e.getErrorCode());
        }
    }

    /** The native signatures, and nothing else. Direct mapping: these are all fixed-argument functions. */
    private static final class Calls {
        static {
            Native.register(Calls.class, "c");
        }

        private Calls() {
        }

        static native int unshare(int flags) throws LastErrorException;

        static native int setns(int fd, int nstype) throws LastErrorException;

        /** {@code unsigned long mountflags}: a long on the LP64 targets this provider supports. */
        static native int mount(String source, String target, String filesystemType, long flags, Pointer data)
                throws LastErrorException;

        static native int umount2(String target, int flags) throws LastErrorException;
    }
}
