package dev.tappers.linux;

import dev.tappers.NetworkNamespace;
import dev.tappers.TappersException;
import dev.tappers.linux.jna.Namespaces;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.jna.Syscalls;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * Creates and opens network namespaces, and keeps track of the ones open in this process so that a device made
 * inside one finds its way back to it.
 *
 * <p>A named namespace is an empty file in {@code /run/netns} with the namespace bind-mounted onto it, exactly as
 * iproute2 makes them, so {@code ip netns list} and {@code ip netns exec} see ours and we can open theirs. The
 * directory can be changed with the system property {@value #DIRECTORY_PROPERTY} (the tests use a temporary one).
 */
final class LinuxNamespaces {
    /** System property naming the directory of named namespaces. */
    static final String DIRECTORY_PROPERTY = "tappers.netns.dir";
    /** iproute2's directory ({@code NETNS_RUN_DIR} in ip/ipnetns.c). */
    static final String DEFAULT_DIRECTORY = "/run/netns";
    /** NAME_MAX (<linux/limits.h>): the longest file name, and so the longest namespace name. */
    private static final int NAME_MAX = 255;

    /** Weak: a namespace object nobody refers to any more must be collectable, so that its thread can end. */
    private static final List<WeakReference<LinuxNamespace>> OPEN = new ArrayList<>();

    private LinuxNamespaces() {
    }

    static NetworkNamespace create(String nameOrNull) throws IOException {
        if (nameOrNull != null) {
            checkName("create network namespace", nameOrNull);
        }
        keepNativeHelpersOutside();
        return nameOrNull == null ? createAnonymous() : createNamed(nameOrNull);
    }

    /**
     * Makes sure no helper thread that a library starts on demand is first started from a namespace's thread,
     * where it would stay and keep the namespace alive: JNA's cleaner is pinned to the process's own namespace.
     * (Threads that a task starts inside a namespace, a pool's workers for one, are inside it too: that is the
     * task's business.)
     */
    private static void keepNativeHelpersOutside() throws IOException {
        if (!Namespaces.isNativeCleanerKept() && NamespaceInodes.ofCurrentThread() == NamespaceInodes.ofProcess()) {
            Namespaces.keepNativeCleanerRunning();
        }
    }

    private static LinuxNamespace createAnonymous() throws IOException {
        String operation = "create anonymous network namespace";
        NamespaceThread thread = NamespaceThread.start(operation, "anonymous", new NamespaceThread.Entry() {
            @Override
            public int enter() throws IOException {
                try {
                    Namespaces.unshareNetwork();
                    return Namespaces.openNamespaceFile(Namespaces.THREAD_NETWORK_NAMESPACE);
                } catch (SyscallException e) {
                    throw failure(operation, e, null); // the new namespace ends with this thread
                }
            }

            @Override
            public void undo(int namespaceFd) {
                Syscalls.closeQuietly(namespaceFd);
            }
        });
        return finish(operation, null, null, thread, () -> { });
    }

    private static LinuxNamespace createNamed(String name) throws IOException {
        String operation = "create network namespace '" + name + "'"; // the name was checked in create
        Path directory = directory();
        Path file = directory.resolve(name);
        Files.createDirectories(directory);
        try {
            Files.createFile(file); // the mount point, as iproute2 makes it
        } catch (FileAlreadyExistsException e) {
            TappersException t = LinuxErrors.entry(operation, null, EEXIST,
                    "a namespace by that name exists already (" + file + ")");
            t.initCause(e);
            throw t;
        }
        String target = file.toString();
        NamespaceThread thread;
        try {
            thread = NamespaceThread.start(operation, name, new NamespaceThread.Entry() {
                @Override
                public int enter() throws IOException {
                    int fd = -1;
                    try {
                        Namespaces.unshareNetwork();
                        fd = Namespaces.openNamespaceFile(Namespaces.THREAD_NETWORK_NAMESPACE);
                        // The source is this thread's own namespace: /proc/thread-self names the mounting thread.
                        Namespaces.bindMount(Namespaces.THREAD_NETWORK_NAMESPACE, target);
                        return fd;
                    } catch (SyscallException e) {
                        if (fd >= 0) {
                            Syscalls.closeQuietly(fd);
                        }
                        throw failure(operation, e, null);
                    }
                }

                @Override
                public void undo(int namespaceFd) {
                    removeQuietly(target);
                    Syscalls.closeQuietly(namespaceFd);
                }
            });
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return finish(operation, name, file, thread, () -> removeQuietly(target));
    }

    static NetworkNamespace open(String name) throws IOException {
        String operation = "open network namespace '" + Objects.requireNonNull(name, "name") + "'";
        checkName(operation, name);
        keepNativeHelpersOutside();
        Path file = directory().resolve(name);
        String path = file.toString();
        NamespaceThread thread = NamespaceThread.start(operation, name, new NamespaceThread.Entry() {
            @Override
            public int enter() throws IOException {
                int fd;
                try {
                    fd = Namespaces.openNamespaceFile(path);
                } catch (SyscallException e) {
                    throw failure(operation, e, e.errno() == ENOENT
                            ? "no network namespace by that name in " + file.getParent() : null);
                }
                try {
                    Namespaces.enterNetwork(fd);
                    return fd;
                } catch (SyscallException e) {
                    Syscalls.closeQuietly(fd);
                    throw failure(operation, e, e.errno() == EINVAL ? path + " is not a network namespace" : null);
                }
            }

            @Override
            public void undo(int namespaceFd) {
                Syscalls.closeQuietly(namespaceFd);
            }
        });
        return finish(operation, name, file, thread, () -> { });
    }

    /** Wraps a started thread into the namespace object, or undoes everything when that fails. */
    private static LinuxNamespace finish(String operation, String name, Path file, NamespaceThread thread,
                                         Runnable undoName) throws IOException {
        long inode;
        try {
            inode = NamespaceInodes.ofDescriptor(thread.namespaceFd());
        } catch (IOException | RuntimeException e) {
            thread.stop(NamespaceThread.START_TIMEOUT_MILLIS);
            Syscalls.closeQuietly(thread.namespaceFd());
            undoName.run();
            throw new IOException(operation + ": cannot identify the new namespace: " + e, e);
        }
        LinuxNamespace ns = new LinuxNamespace(name, file, thread, inode);
        remember(ns);
        return ns;
    }

    private static void removeQuietly(String target) {
        try {
            Namespaces.detachMount(target);
        } catch (SyscallException ignored) {
            // Not mounted: nothing to undo.
        }
        try {
            Files.deleteIfExists(Path.of(target));
        } catch (IOException ignored) {
            // The original failure is the one to report.
        }
    }

    private static TappersException failure(String operation, SyscallException e, String hint) {
        String h = hint;
        if (h == null && (e.errno() == EPERM || e.errno() == EACCES)) {
            h = "namespaces need CAP_SYS_ADMIN (run as root)";
        }
        TappersException t = LinuxErrors.entry(operation + " [" + e.syscall() + "]", null, e.errno(), h);
        t.initCause(e);
        return t;
    }

    /** The directory of named namespaces: {@value #DIRECTORY_PROPERTY}, or {@value #DEFAULT_DIRECTORY}. */
    static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY, "").trim();
        return Path.of(configured.isEmpty() ? DEFAULT_DIRECTORY : configured).toAbsolutePath();
    }

    /** A name is one file name in the directory: iproute2 refuses the same ones. */
    static void checkName(String operation, String name) {
        Objects.requireNonNull(name, "name");
        String problem = null;
        if (name.isEmpty()) {
            problem = "is empty";
        } else if (name.equals(".") || name.equals("..")) {
            problem = "is a directory reference";
        } else if (name.indexOf('/') >= 0) {
            problem = "contains '/'";
        } else if (name.indexOf('\0') >= 0) {
            problem = "contains a NUL character";
        } else if (name.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
            problem = "is longer than " + NAME_MAX + " bytes";
        }
        if (problem != null) {
            throw new IllegalArgumentException(operation + ": the name \"" + name + "\" " + problem);
        }
    }

    // ---- the namespaces open in this process ----------------------------------------------------------------

    private static void remember(LinuxNamespace ns) {
        synchronized (OPEN) {
            OPEN.add(new WeakReference<>(ns));
        }
    }

    static void forget(LinuxNamespace ns) {
        synchronized (OPEN) {
            OPEN.removeIf(r -> r.get() == null || r.get() == ns);
        }
    }

    /** The open namespaces, oldest first. */
    static List<LinuxNamespace> openNamespaces() {
        List<LinuxNamespace> out = new ArrayList<>();
        synchronized (OPEN) {
            for (Iterator<WeakReference<LinuxNamespace>> i = OPEN.iterator(); i.hasNext(); ) {
                LinuxNamespace ns = i.next().get();
                if (ns == null) {
                    i.remove();
                } else if (ns.isOpen()) {
                    out.add(ns);
                }
            }
        }
        return out;
    }

    /** The open namespace whose own thread is the calling thread, or null. */
    static LinuxNamespace ofCurrentThread() {
        for (LinuxNamespace ns : openNamespaces()) {
            if (ns.isItsThread()) {
                return ns;
            }
        }
        return null;
    }

    /** An open namespace object for the namespace {@code inode}, or null. */
    static LinuxNamespace withInode(long inode) {
        for (LinuxNamespace ns : openNamespaces()) {
            if (ns.inode() == inode) {
                return ns;
            }
        }
        return null;
    }
}
