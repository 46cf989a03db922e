package dev.tappers.linux.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;

import java.util.OptionalLong;

/**
 * Test support: the bytes the C library's allocator has handed out and not had back, from glibc's
 * {@code mallinfo2()} (glibc 2.33 and later; it walks every arena). JNA's {@code Memory} is malloc'ed, so a
 * leaked {@code Memory} shows here; so does the JVM's own malloc use (JIT, class data), which is why a soak
 * compares figures after a warm-up and allows some slack.
 */
public final class MallocStats {
    /** struct mallinfo2 ({@code <malloc.h>}): ten size_t fields. */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
            "fordblks", "keepcost"})
    public static class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        /** Bytes in blocks obtained with mmap (large allocations). */
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        /** Bytes in use from the arenas. */
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }

    interface Glibc extends Library {
        MallInfo2 mallinfo2();
    }

    private static final Glibc GLIBC = load();

    private MallocStats() {
    }

    private static Glibc load() {
        try {
            Glibc g = Native.load("c", Glibc.class);
            g.mallinfo2();
            return g;
        } catch (UnsatisfiedLinkError e) {
            return null; // not glibc, or older than 2.33
        }
    }

    /** Bytes malloc'ed and not freed (uordblks + hblkhd), or empty without glibc's mallinfo2. */
    public static OptionalLong inUse() {
        if (GLIBC == null) {
            return OptionalLong.empty();
        }
        MallInfo2 m = GLIBC.mallinfo2();
        return OptionalLong.of(m.uordblks + m.hblkhd);
    }
}
