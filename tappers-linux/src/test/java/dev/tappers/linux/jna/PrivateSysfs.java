package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Test support: a sysfs of the test JVM's own network namespace, mounted once at a private directory.
 *
 * <p>{@code /sys/class/net} shows the interfaces of the namespace that sysfs was mounted from, which for the
 * test JVM is the host's: the wrapper starts it in new network and mount namespaces but leaves {@code /sys} as it
 * was. A sysfs mounted from inside the new network namespace shows its interfaces instead, and the files there
 * ({@code flags}, {@code tx_queue_len}, {@code owner}, {@code group}, {@code tun_flags}) are an oracle that owes
 * nothing to the provider's ioctls and netlink code.
 *
 * <p>It mounts only when this JVM's mount namespace differs from its parent's, so the mount can never be seen
 * outside it; it is gone with the JVM, and a shutdown hook detaches it and removes the directory.
 */
public final class PrivateSysfs {
    /** <sys/mount.h>: umount2 flag, detach now and clean up when no longer busy. */
    private static final int MNT_DETACH = 2;

    interface Mount extends Library {
        Mount INSTANCE = Native.load("c", Mount.class);

        int mount(String source, String target, String fstype, NativeLong flags, Pointer data) throws LastErrorException;

        int umount2(String target, int flags) throws LastErrorException;
    }

    private static Optional<Path> root;
    private static String whyNot;

    private PrivateSysfs() {
    }

    /** The mount point, or empty (see {@link #whyNot()}) when no private mount could be made here. */
    public static synchronized Optional<Path> root() {
        if (root == null) {
            root = mount();
        }
        return root;
    }

    /** Why {@link #root()} is empty. */
    public static synchronized String whyNot() {
        return whyNot;
    }

    private static Optional<Path> mount() {
        Optional<String> mine = link(Path.of("/proc/self/ns/mnt"));
        Optional<String> parent = ProcessHandle.current().parent()
                .flatMap(p -> link(Path.of("/proc/" + p.pid() + "/ns/mnt")));
        if (mine.isEmpty() || parent.isEmpty() || Objects.equals(mine, parent)) {
            whyNot = "this JVM's mount namespace (" + mine.orElse("?") + ") is not shown to differ from its parent's ("
                    + parent.orElse("?") + ")";
            return Optional.empty();
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("tappers-sysfs");
        } catch (IOException e) {
            whyNot = "cannot make a mount point: " + e;
            return Optional.empty();
        }
        try {
            Mount.INSTANCE.mount("sysfs", dir.toString(), "sysfs", new NativeLong(0), null);
        } catch (LastErrorException e) {
            whyNot = "mount(sysfs) failed with errno " + e.getErrorCode();
            deleteQuietly(dir);
            return Optional.empty();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Mount.INSTANCE.umount2(dir.toString(), MNT_DETACH);
                Files.deleteIfExists(dir);
            } catch (LastErrorException | IOException ignored) {
                // the mount namespace ends with the JVM anyway
            }
        }, "tappers-sysfs-unmount"));
        return Optional.of(dir);
    }

    private static Optional<String> link(Path p) {
        try {
            return Optional.of(Files.readSymbolicLink(p).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // an empty temporary directory left behind
        }
    }
}
