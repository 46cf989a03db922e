package dev.tappers.linux;

import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the threads using a descriptor so that close can wait for them to leave before it releases the
 * number: a released descriptor number may be reused at once by another open, and a late read on it would hit
 * someone else's file.
 */
final class DescriptorGuard {
    private static final int CLOSED = 1 << 30;

    /** Bits 0-29: threads inside; bit 30: closing or closed. */
    private final AtomicInteger state = new AtomicInteger();
    private final Object drained = new Object();

    /** Enters, or throws if the device is closed. Pair every successful call with {@link #exit()}. */
    void enter() throws ClosedChannelException {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                throw new ClosedChannelException();
            }
            if (state.compareAndSet(s, s + 1)) {
                return;
            }
        }
    }

    void exit() {
        if (state.decrementAndGet() == CLOSED) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    /** Throws the exception a thread sees when the device was closed while it waited. */
    void throwIfClosedWhileWaiting() throws AsynchronousCloseException {
        if (isClosed()) {
            throw new AsynchronousCloseException();
        }
    }

    /**
     * Marks the guard closed. Returns false if it already was (close is idempotent).
     */
    boolean markClosed() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s | CLOSED)) {
                return true;
            }
        }
    }

    /** Waits, up to {@code timeoutMillis}, for every thread inside to leave; returns whether they all did. */
    boolean awaitDrained(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (drained) {
            while (state.get() != CLOSED) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                try {
                    drained.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
