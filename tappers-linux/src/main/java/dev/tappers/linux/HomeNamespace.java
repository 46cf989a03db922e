package dev.tappers.linux;

import java.io.IOException;

/**
 * The network namespace an interface lives in. Configuration sockets act in the namespace of the thread that
 * opens them, so every configuration step of an interface runs through {@link #call}, which runs it in the
 * interface's namespace whatever the calling thread's.
 *
 * <p>This first version runs steps on the calling thread: every interface is in the caller's namespace. The
 * namespace work replaces it with one that captures the creating thread's namespace.
 */
final class HomeNamespace {
    private static final HomeNamespace CALLERS = new HomeNamespace();

    private HomeNamespace() {
    }

    /** The namespace of the calling thread. */
    static HomeNamespace ofCurrentThread() {
        return CALLERS;
    }

    /** Runs {@code step} inside this namespace. */
    <T> T call(IoCall<T> step) throws IOException {
        return step.call();
    }
}
