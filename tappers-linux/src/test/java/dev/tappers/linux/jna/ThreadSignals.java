package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test support: sends a signal to one thread of this process, to make a system call it is blocked in return
 * {@code EINTR}. The thread is named by its kernel thread id, which a thread learns with {@link #currentTid()}.
 * glibc's {@code gettid} and {@code tgkill} wrappers (glibc 2.30 and later).
 */
public final class ThreadSignals {
    interface Glibc extends Library {
        int getpid();

        int gettid();

        int tgkill(int tgid, int tid, int sig) throws LastErrorException;
    }

    private static final Glibc GLIBC = Native.load("c", Glibc.class);

    private ThreadSignals() {
    }

    /** The kernel's id of the calling thread. */
    public static int currentTid() {
        return GLIBC.gettid();
    }

    /** Sends {@code signal} to thread {@code tid} of this process. */
    public static void send(int tid, int signal) throws IOException {
        try {
            GLIBC.tgkill(GLIBC.getpid(), tid, signal);
        } catch (LastErrorException e) {
            throw new IOException("tgkill " + tid + " signal " + signal + ": errno " + e.getErrorCode(), e);
        }
    }

    /** Where thread {@code tid} sleeps in the kernel ({@code /proc/self/task/<tid>/wchan}): "0" when running. */
    public static String waitChannel(int tid) throws IOException {
        return Files.readString(Path.of("/proc/self/task/" + tid + "/wchan")).trim();
    }
}
