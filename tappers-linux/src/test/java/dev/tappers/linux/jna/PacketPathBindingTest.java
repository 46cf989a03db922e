package dev.tappers.linux.jna;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which binding the packet path took in this JVM. The default surefire run must get JNA; the
 * {@code ffm-packet-path} run asks for FFM ({@code -Dtappers.native=ffm}, {@code tappers.test.binding=ffm}) and
 * must get the foreign function interface on Java 22 and later — and JNA, with the reason, before.
 */
class PacketPathBindingTest {
    @Test
    void theBindingIsTheOneThisRunAskedFor() {
        boolean ffmRun = "ffm".equals(System.getProperty("tappers.test.binding"));
        if (ffmRun && Runtime.version().feature() >= 22) {
            assertTrue(FfmPacketCalls.SELECTED, "native access is enabled on " + Runtime.version() + ", yet: "
                    + PacketIo.binding());
            assertTrue(PacketIo.binding().startsWith("FFM"), PacketIo.binding());
            assertTrue(FfmPacketCalls.STATE_SIZE >= 4 && FfmPacketCalls.ERRNO_OFFSET >= 0, "errno in the state block");
        } else if (ffmRun) {
            assertFalse(FfmPacketCalls.SELECTED);
            assertTrue(FfmPacketCalls.UNAVAILABLE.isPresent(), "why FFM is unavailable on " + Runtime.version());
        } else {
            assertFalse(FfmPacketCalls.SELECTED, "the default run must keep JNA: " + PacketIo.binding());
        }
    }

    @Test
    void errnoComesBackThroughTheChosenBinding() throws Exception {
        int wake = PacketIo.newWakeFd();
        try (PacketIo io = new PacketIo(wake, wake)) {
            // An empty nonblocking eventfd read fails with EAGAIN, which read() reports as AGAIN, not as an error.
            long buffer = com.sun.jna.Pointer.nativeValue(new com.sun.jna.Memory(8));
            assertEquals(PacketIo.AGAIN, io.read(buffer, 8));
            // A read of fewer than 8 bytes from an eventfd fails with EINVAL: that errno must come back exactly.
            PacketIo.wake(wake);
            SyscallException e = org.junit.jupiter.api.Assertions.assertThrows(SyscallException.class,
                    () -> io.read(buffer, 4));
            assertEquals(LinuxConstants.EINVAL, e.errno(), PacketIo.binding());
        } finally {
            Syscalls.closeQuietly(wake);
        }
    }
}
