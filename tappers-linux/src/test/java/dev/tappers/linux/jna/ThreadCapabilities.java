package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Test support: runs code on a fresh thread that has dropped CAP_NET_ADMIN. Linux keeps capability sets per
 * thread, so the rest of the test JVM keeps its privileges. Used to check the "needs CAP_NET_ADMIN" errors
 * without a second, unprivileged process.
 */
public final class ThreadCapabilities {
    /** <linux/capability.h> */
    private static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;
    private static final int CAP_NET_ADMIN = 12;

    interface Caps extends Library {
        Caps INSTANCE = Native.load("c", Caps.class);

        int capget(Memory header, Memory data) throws LastErrorException;

        int capset(Memory header, Memory data) throws LastErrorException;
    }

    private ThreadCapabilities() {
    }

    /** Runs {@code body} on a new thread without CAP_NET_ADMIN and returns its result or rethrows its exception. */
    public static <T> T withoutNetAdmin(Callable<T> body) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                dropNetAdmin();
                result.complete(body.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "tappers-unprivileged");
        t.setDaemon(true);
        t.start();
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("unprivileged body did not finish within 30 s", e);
        }
    }

    private static void dropNetAdmin() {
        // struct __user_cap_header_struct { u32 version; int pid; } and two __user_cap_data_struct
        // { u32 effective, permitted, inheritable; } for the 64 capability bits of version 3.
        try (Memory header = new Memory(8); Memory data = new Memory(24)) {
            header.setInt(0, LINUX_CAPABILITY_VERSION_3);
            header.setInt(4, 0); // 0: the calling thread
            data.clear();
            Caps.INSTANCE.capget(header, data);
            int mask = ~(1 << CAP_NET_ADMIN);
            data.setInt(0, data.getInt(0) & mask); // effective
            data.setInt(4, data.getInt(4) & mask); // permitted
            data.setInt(8, data.getInt(8) & mask); // inheritable
            header.setInt(0, LINUX_CAPABILITY_VERSION_3);
            header.setInt(4, 0);
            Caps.INSTANCE.capset(header, data);
        }
    }
}
