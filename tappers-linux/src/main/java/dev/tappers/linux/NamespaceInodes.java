package dev.tappers.linux;

import dev.tappers.linux.jna.Namespaces;
import dev.tappers.linux.jna.Syscalls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Names a network namespace by the inode number of its nsfs file, the number {@code ip netns identify} and
 * {@code readlink /proc/PID/ns/net} ("net:[4026531840]") show: two files name the same namespace exactly when the
 * numbers match. Read with {@code stat}, which follows the {@code /proc} magic links, so no JNA is needed.
 */
final class NamespaceInodes {
    private static final Path THREAD = Path.of(Namespaces.THREAD_NETWORK_NAMESPACE);
    private static final Path PROCESS = Path.of("/proc/self/ns/net");
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Bounds the scan of the process's threads; a JVM has a few hundred at most. */
    private static final int MAX_TASKS_SCANNED = 100_000;

    private NamespaceInodes() {
    }

    /** The network namespace of the calling thread. */
    static long ofCurrentThread() {
        try {
            return inode(THREAD);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + THREAD + " (Linux 3.17 or later is needed)", e);
        }
    }

    /** The network namespace of the process's main thread. */
    static long ofProcess() throws IOException {
        return inode(PROCESS);
    }

    /** The network namespace a namespace file (a bind mount of one, or a /proc link) refers to. */
    static long ofPath(Path file) throws IOException {
        return inode(file);
    }

    /** The network namespace an open descriptor refers to. */
    static long ofDescriptor(int fd) throws IOException {
        return inode(Path.of("/proc/self/fd/" + fd));
    }

    /**
     * Opens the network namespace {@code inode} through a thread of this process that is inside it: the main
     * thread's first, then every thread's. The opened file is checked again after the open, since the thread may
     * have moved meanwhile.
     *
     * @return an O_CLOEXEC descriptor, or empty when no thread of this process is inside that namespace
     */
    static OptionalInt openThroughAThreadInside(long inode) throws IOException {
        OptionalInt fd = openIfIn(PROCESS, inode);
        if (fd.isPresent()) {
            return fd;
        }
        int seen = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                if (++seen > MAX_TASKS_SCANNED) {
                    break;
                }
                fd = openIfIn(task.resolve("ns/net"), inode);
                if (fd.isPresent()) {
                    return fd;
                }
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt openIfIn(Path file, long inode) {
        int fd;
        try {
            if (inode(file) != inode) {
                return OptionalInt.empty();
            }
            fd = Namespaces.openNamespaceFile(file.toString());
        } catch (IOException e) {
            return OptionalInt.empty(); // the thread ended while we looked
        }
        boolean keep = false;
        try {
            keep = ofDescriptor(fd) == inode;
            return keep ? OptionalInt.of(fd) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        } finally {
            if (!keep) {
                Syscalls.closeQuietly(fd);
            }
        }
    }

    private static long inode(Path path) throws IOException {
        return (Long) Files.getAttribute(path, "unix:ino");
    }
}
