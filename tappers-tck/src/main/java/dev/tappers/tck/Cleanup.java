package dev.tappers.tck;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Closing what a test opened: everything, newest first (a device before the namespace it lives in), carrying on
 * past a failure so that one broken close does not leak the rest.
 */
final class Cleanup {
    private Cleanup() {
    }

    /**
     * Closes every one of {@code opened}, newest first, and empties the list. Returns the first failure, with the
     * later ones suppressed on it, or null when every close succeeded.
     */
    static Exception closeAll(List<? extends AutoCloseable> opened) {
        Exception first = null;
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        opened.clear();
        return first;
    }

    /** {@link #closeAll}, throwing its first failure. */
    static void closeNewestFirst(List<? extends Closeable> opened) throws IOException {
        Exception first = closeAll(opened);
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        // Closeable.close throws no other checked exception.
    }
}
