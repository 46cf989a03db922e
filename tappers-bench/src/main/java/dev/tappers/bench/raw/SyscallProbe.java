package dev.tappers.bench.raw;

import com.sun.jna.Native;

/**
 * The cheapest system call there is, through the same JNA direct mapping the provider's packet path uses: the
 * JMH baseline for "what does one native call cost" (JNA's transition plus the kernel's entry and exit).
 */
public final class SyscallProbe {
    static {
        Native.register(SyscallProbe.class, "c");
    }

    private SyscallProbe() {
    }

    /** getppid(2): no arguments, no memory touched, cannot fail. */
    public static native int getppid();

    /** read(2) on descriptor -1: fails at once with EBADF, so only the call's own cost remains. */
    public static native long read(int fd, long buf, long count);
}
