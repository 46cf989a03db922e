package dev.tappers.tck;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Starts virtual threads on Java 21 and later from a kit compiled for Java 17: {@code Thread.startVirtualThread}
 * is looked up once, at class load. On Java 17 {@link #available()} is false and the tests that need virtual
 * threads are skipped with that reason.
 */
final class VirtualThreadSupport {
    private static final Optional<MethodHandle> START = find();

    private VirtualThreadSupport() {
    }

    private static Optional<MethodHandle> find() {
        try {
            return Optional.of(MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
                    MethodType.methodType(Thread.class, Runnable.class)));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.empty();
        }
    }

    static boolean available() {
        return START.isPresent();
    }

    /** Starts {@code task} on a new virtual thread. */
    static Thread start(Runnable task) {
        MethodHandle start = START.orElseThrow(() -> new IllegalStateException("virtual threads need Java 21 or later"));
        try {
            return (Thread) start.invokeExact(task);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Thread.startVirtualThread failed", e);
        }
    }

    /**
     * How many carrier threads the virtual-thread scheduler has: {@code jdk.virtualThreadScheduler.parallelism},
     * by default the number of processors.
     */
    static int carriers() {
        String configured = System.getProperty("jdk.virtualThreadScheduler.parallelism");
        if (configured != null) {
            try {
                return Integer.parseInt(configured.trim());
            } catch (NumberFormatException ignored) {
                // the JDK ignores a bad value too
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
