package dev.tappers.bench;

import java.lang.management.ManagementFactory;

/**
 * The calling thread's CPU time and allocated bytes, from HotSpot's per-thread counters. CPU time (user and
 * system) is what a loop costs even when the rate it reaches is set by someone else, as the receive test's is
 * by its sender; the C reference reads the same clock (CLOCK_THREAD_CPUTIME_ID).
 */
final class ThreadCounters {
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private ThreadCounters() {
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean) {
            com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            if (t.isThreadAllocatedMemorySupported() && t.isCurrentThreadCpuTimeSupported()) {
                t.setThreadAllocatedMemoryEnabled(true);
                t.setThreadCpuTimeEnabled(true);
                return t;
            }
        }
        return null;
    }

    /** Whether the counters mean anything on this JVM. */
    static boolean supported() {
        return THREADS != null;
    }

    /** Bytes allocated by the calling thread since it started; -1 when the JVM does not count them. */
    static long allocatedBytes() {
        return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
    }

    /** CPU time, user and system, of {@code thread} in nanoseconds; -1 when the JVM does not count it. */
    static long cpuNanos(Thread thread) {
        return THREADS == null ? -1 : THREADS.getThreadCpuTime(thread.getId());
    }

    /** Bytes allocated by {@code thread} since it started; -1 when the JVM does not count them. */
    static long allocatedBytes(Thread thread) {
        return THREADS == null ? -1 : THREADS.getThreadAllocatedBytes(thread.getId());
    }

    /** CPU time, user and system, of the calling thread in nanoseconds; -1 when the JVM does not count it. */
    static long cpuNanos() {
        return THREADS == null ? -1 : THREADS.getCurrentThreadCpuTime();
    }
}
