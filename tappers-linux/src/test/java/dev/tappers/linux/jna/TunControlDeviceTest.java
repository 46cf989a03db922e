package dev.tappers.linux.jna;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control device is never reached through a symlink, and nothing but the 10:200 character device passes. */
class TunControlDeviceTest {
    private static final int ELOOP = 40;
    private static final int ENODEV = 19;

    @TempDir
    Path tmp;

    @Test
    void theRealDeviceOpens() throws Exception {
        int fd = TunControlDevice.open();
        assertTrue(fd >= 0);
        Syscalls.close(fd);
    }

    @Test
    void aSymlinkInAUserWritableDirectoryIsNotFollowed() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("tun"), Path.of(TunControlDevice.PATH));
        SyscallException e = assertThrows(SyscallException.class, () -> TunControlDevice.open(link.toString()));
        assertEquals(ELOOP, e.errno(), e.getMessage());
    }

    @Test
    void aPlainFileOrAnotherDeviceIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("tun"), "not a device");
        assertThrows(SyscallException.class, () -> TunControlDevice.open(file.toString())); // loads what it needs
        long fds = descriptors();
        SyscallException e = assertThrows(SyscallException.class, () -> TunControlDevice.open(file.toString()));
        assertEquals(ENODEV, e.errno());
        assertTrue(e.getMessage().contains("not the TUN/TAP character device 10:200"), e.getMessage());
        SyscallException nul = assertThrows(SyscallException.class, () -> TunControlDevice.open("/dev/null"));
        assertTrue(nul.getMessage().contains("found character device 1:3"), nul.getMessage());
        assertEquals(fds, descriptors(), "the refused descriptors are closed");
    }

    private static long descriptors() throws Exception {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void oNoFollowByArchitecture() {
        assertEquals(0x20000, TunControlDevice.oNoFollow("amd64"));   // asm-generic 00400000
        assertEquals(0x8000, TunControlDevice.oNoFollow("aarch64"));  // arm64 0100000
        assertEquals(0x8000, TunControlDevice.oNoFollow("ppc64le"));
        assertEquals(0, TunControlDevice.oNoFollow("sparcv9"));
    }
}
