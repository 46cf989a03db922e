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
    /** What close left for the last thread out to release; guarded by {@link #drained}. */
    private Runnable pendingRelease;

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
            Runnable release;
            synchronized (drained) {
                drained.notifyAll();
                release = pendingRelease;
                pendingRelease = null;
            }
            if (release != null) {
                release.run(); // the last thread out releases what close could not
            }
        }
    }

    /**
     * Runs {@code release} once every thread has left: now, if none is inside, else in the last one's
     * {@link #exit()}. For a close that gave up waiting, so the descriptor is released late rather than never.
     */
    void whenDrained(Runnable release) {
        synchronized (drained) {
            if (state.get() != CLOSED) {
                pendingRelease = release;
                return;
            }
        }
        release.run();
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

    /**
     * Waits, up to {@code timeoutMillis}, for every thread inside to leave; returns whether they all did. Not
     * interruptible: a close in a {@code finally} after an interrupt must still release the descriptor. The
     * interrupt is kept and restored.
     */
    boolean awaitDrained(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean interrupted = false;
        try {
            synchronized (drained) {
                while (state.get() != CLOSED) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        return false;
                    }
                    try {
                        drained.wait(left);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                return true;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
