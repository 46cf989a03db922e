package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;

import java.util.Locale;

import static dev.tappers.linux.jna.LinuxConstants.O_CLOEXEC;
import static dev.tappers.linux.jna.LinuxConstants.O_NONBLOCK;
import static dev.tappers.linux.jna.LinuxConstants.O_RDWR;

/**
 * Opens the TUN/TAP control device so that nothing else can stand in for it: the last path component is never
 * followed as a symlink ({@code O_NOFOLLOW}: a link planted in a user-writable directory fails with ELOOP), and
 * the descriptor actually opened must be the character device 10:200 ({@code MISC_MAJOR}, {@code TUN_MINOR}),
 * checked with {@code statx} on the descriptor itself, so there is no window between the check and the use.
 * A file, a FIFO or another device node under that name is closed again and refused with ENODEV.
 */
public final class TunControlDevice {
    /** Where the kernel's devtmpfs puts the device. */
    public static final String PATH = "/dev/net/tun";

    // <linux/major.h> MISC_MAJOR, <linux/miscdevice.h> TUN_MINOR
    static final int MISC_MAJOR = 10;
    static final int TUN_MINOR = 200;

    // <linux/stat.h>: statx() on the descriptor itself (AT_EMPTY_PATH, <linux/fcntl.h>), asking for the type
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int STATX_TYPE = 0x1;
    /** sizeof(struct statx): the same on every architecture, unlike struct stat. */
    private static final int STATX_SIZE = 256;
    private static final int STX_MODE_OFFSET = 28;        // __u16 stx_mode
    private static final int STX_RDEV_MAJOR_OFFSET = 128; // __u32 stx_rdev_major
    private static final int STX_RDEV_MINOR_OFFSET = 132; // __u32 stx_rdev_minor
    // <linux/stat.h>
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    private static final int ENODEV = 19;

    interface Statx extends Library {
        Statx INSTANCE = Native.load("c", Statx.class);

        int statx(int dirfd, String path, int flags, int mask, Memory buffer) throws LastErrorException;
    }

    private TunControlDevice() {
    }

    /** {@link #open(String)} of {@link #PATH}. */
    public static int open() throws SyscallException {
        return open(PATH);
    }

    /**
     * Opens {@code path} read-write, close-on-exec and nonblocking, refusing a symlink as its last component and
     * anything that is not the TUN/TAP character device.
     *
     * @throws SyscallException ELOOP for a symlink, ENODEV for another kind of file, or open's own errno
     */
    public static int open(String path) throws SyscallException {
        int fd;
        try {
            fd = LibC.open(path, O_RDWR | O_CLOEXEC | O_NONBLOCK | oNoFollow(System.getProperty("os.arch", "")));
        } catch (LastErrorException e) {
            throw new SyscallException("open(" + path + ", O_NOFOLLOW)", e.getErrorCode());
        }
        try (Memory stx = new Memory(STATX_SIZE)) {
            stx.clear();
            Statx.INSTANCE.statx(fd, "", AT_EMPTY_PATH, STATX_TYPE, stx);
            int mode = stx.getShort(STX_MODE_OFFSET) & 0xFFFF;
            int major = stx.getInt(STX_RDEV_MAJOR_OFFSET);
            int minor = stx.getInt(STX_RDEV_MINOR_OFFSET);
            if ((mode & S_IFMT) != S_IFCHR || major != MISC_MAJOR || minor != TUN_MINOR) {
                Syscalls.closeQuietly(fd);
                throw new SyscallException("open(" + path + "): not the TUN/TAP character device " + MISC_MAJOR + ":"
                        + TUN_MINOR + " (found " + ((mode & S_IFMT) == S_IFCHR ? "character device " + major + ":"
                        + minor : "file type 0" + Integer.toOctalString(mode & S_IFMT)) + ")", ENODEV);
            }
            return fd;
        } catch (LastErrorException e) {
            Syscalls.closeQuietly(fd);
            throw new SyscallException("statx(" + path + ")", e.getErrorCode());
        }
    }

    /**
     * O_NOFOLLOW differs by architecture: 0400000 in {@code <asm-generic/fcntl.h>} (x86, riscv, s390, loongarch),
     * 0100000 in arm's, arm64's and powerpc's {@code <asm/fcntl.h>}. On an architecture not listed the flag is
     * left out and the device-number check alone stands guard.
     */
    static int oNoFollow(String arch) {
        switch (arch.toLowerCase(Locale.ROOT)) {
            case "amd64": case "x86_64": case "x86": case "i386": case "i686": case "riscv64": case "s390x":
            case "loongarch64":
                return 0400000;
            case "aarch64": case "arm": case "ppc64": case "ppc64le":
                return 0100000;
            default:
                return 0;
        }
    }
}
