package dev.tappers.linux;

import dev.tappers.linux.jna.Namespaces;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one configuration step on a short-lived platform thread that first enters a network namespace by
 * descriptor (setns), for a caller that is in another namespace and has no thread of the right one to hand it
 * to. A new thread starts in its creator's namespace, so it must enter the target itself; it ends with the step,
 * so the namespace never leaks into other work.
 */
final class NamespaceVisit<T> implements Runnable {
    /** Steps are netlink requests and ioctls, each bounded by its socket's timeout; this bounds the whole. */
    private static final long STEP_TIMEOUT_MILLIS = 60_000;
    /** A finished step's thread ends at once; the join only keeps a thread count honest right after. */
    private static final long JOIN_MILLIS = 5_000;

    private final int namespaceFd;
    private final IoCall<T> step;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Object gate = new Object();
    /** Set when the caller stopped waiting, after which the descriptor may be closed under us. Guarded by gate. */
    private boolean abandoned;

    private NamespaceVisit(int namespaceFd, IoCall<T> step) {
        this.namespaceFd = namespaceFd;
        this.step = step;
    }

    /**
     * Runs {@code step} inside the namespace {@code namespaceFd} refers to and returns its result, or rethrows
     * what it threw. The descriptor must stay open until this returns; it is not used after.
     */
    static <T> T run(String operation, int namespaceFd, IoCall<T> step) throws IOException {
        NamespaceVisit<T> visit = new NamespaceVisit<>(namespaceFd, step);
        Thread thread = new Thread(visit, "tappers-netns-visit");
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_TIMEOUT_MILLIS);
        try {
            while (true) {
                try {
                    // Not cut short by an interrupt: the step may be using the device's descriptor, and the
                    // caller's guard must not be released (letting a close free that number) while it does.
                    T value = visit.result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    joinQuietly(thread);
                    return value;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            joinQuietly(thread);
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IOException(operation + ": " + cause, cause);
        } catch (TimeoutException e) {
            visit.abandon();
            throw new IOException(operation + ": did not finish within " + STEP_TIMEOUT_MILLIS
                    + " ms in the interface's network namespace");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void abandon() {
        synchronized (gate) {
            abandoned = true;
        }
    }

    @Override
    public void run() {
        try {
            synchronized (gate) {
                if (abandoned) {
                    return;
                }
                Namespaces.enterNetwork(namespaceFd);
            }
            result.complete(step.call());
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }
}
