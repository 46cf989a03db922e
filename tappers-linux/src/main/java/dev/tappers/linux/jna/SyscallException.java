package dev.tappers.linux.jna;

import java.io.IOException;

/**
 * A system call returned an error. Carries the raw errno; {@code dev.tappers.linux} turns it into the public
 * exception types with the operation and interface name.
 */
public final class SyscallException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String syscall;
    private final int errno;

    public SyscallException(String syscall, int errno) {
        super(syscall + " failed: errno " + errno);
        this.syscall = syscall;
        this.errno = errno;
    }

    public String syscall() {
        return syscall;
    }

    public int errno() {
        return errno;
    }
}
