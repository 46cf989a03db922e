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
 * Test support: {@code /dev/net/tun} opened up to every user, in this test JVM's private mount namespace only.
 *
 * <p>Many systems ship the control device as {@code crw-------} root, so an unprivileged process cannot even open
 * it, whatever owner a device has. Changing the mode of the real node would change it for the whole host; instead
 * a new node for the same device (character 10:200, mode 0666) is made on a private tmpfs and bind-mounted over
 * {@code /dev/net/tun}, only when this JVM's mount namespace differs from its parent's (the test wrapper's
 * {@code unshare --mount} makes it private), and undone by {@link #close()}. Child processes started meanwhile
 * inherit the namespace and see the open node; the kernel still applies the device's owner and group checks.
 */
public final class WorldOpenTunNode implements AutoCloseable {
    private static final String TUN = "/dev/net/tun";
    /** <sys/mount.h> */
    private static final long MS_BIND = 4096;
    private static final int MNT_DETACH = 2;
    /** <sys/stat.h>: a character device node. */
    private static final int S_IFCHR = 0020000;
    /** The TUN/TAP control device, character major 10 (misc) minor 200 (Documentation/admin-guide/devices.txt),
     *  in glibc's dev_t encoding (gnu_dev_makedev: major bits 8-19, minor bits 0-7 for numbers this small). */
    private static final long TUN_DEV = (10L << 8) | 200L;

    interface C extends Library {
        C INSTANCE = Native.load("c", C.class);

        int mount(String source, String target, String fstype, NativeLong flags, Pointer data) throws LastErrorException;

        int umount2(String target, int flags) throws LastErrorException;

        int mknod(String path, int mode, long dev) throws LastErrorException;
    }

    private final Path dir;

    private WorldOpenTunNode(Path dir) {
        this.dir = dir;
    }

    /** Installs the node; empty, with the reason in {@code why[0]}, where it cannot be done privately. */
    public static Optional<WorldOpenTunNode> install(String[] why) {
        Optional<String> mine = link(Path.of("/proc/self/ns/mnt"));
        Optional<String> parent = ProcessHandle.current().parent()
                .flatMap(p -> link(Path.of("/proc/" + p.pid() + "/ns/mnt")));
        if (mine.isEmpty() || parent.isEmpty() || Objects.equals(mine, parent)) {
            why[0] = "this JVM's mount namespace is not shown to be private";
            return Optional.empty();
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("tappers-tun-node");
        } catch (IOException e) {
            why[0] = "cannot make a directory: " + e;
            return Optional.empty();
        }
        boolean tmpfs = false;
        try {
            C.INSTANCE.mount("tmpfs", dir.toString(), "tmpfs", new NativeLong(0), null);
            tmpfs = true;
            String node = dir.resolve("tun").toString();
            C.INSTANCE.mknod(node, S_IFCHR | 0666, TUN_DEV);
            Files.setPosixFilePermissions(Path.of(node),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-")); // past the umask
            C.INSTANCE.mount(node, TUN, null, new NativeLong(MS_BIND), null);
            return Optional.of(new WorldOpenTunNode(dir));
        } catch (LastErrorException | IOException e) {
            why[0] = "cannot bind a private node over " + TUN + ": " + e;
            if (tmpfs) {
                umountQuietly(dir.toString());
            }
            deleteQuietly(dir);
            return Optional.empty();
        }
    }

    /** Puts the real node back (in this namespace) and removes the private one. */
    @Override
    public void close() {
        umountQuietly(TUN);
        umountQuietly(dir.toString());
        deleteQuietly(dir);
    }

    private static void umountQuietly(String target) {
        try {
            C.INSTANCE.umount2(target, MNT_DETACH);
        } catch (LastErrorException ignored) {
            // gone with the JVM's mount namespace anyway
        }
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
