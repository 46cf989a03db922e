package dev.tappers.linux;

import dev.tappers.linux.jna.MallocStats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a soak compares before and after, read from the kernel and the JVM rather than from the library's own
 * books: open descriptors ({@code /proc/self/fd}), interfaces of this namespace ({@code /proc/thread-self/net/dev}),
 * direct buffers (the JVM's "direct" {@link BufferPoolMXBean}), malloc'ed bytes in use (glibc {@code mallinfo2}:
 * where JNA's {@code Memory} lives) and the resident set ({@code VmRSS}), of which the Java heap's committed
 * size is subtracted for comparisons: the heap grows as it likes and is not native memory.
 */
record ProcessFigures(int descriptors, List<String> interfaces, long directBuffers, long directBytes,
                      OptionalLong mallocBytes, long rssKiB, long heapCommittedKiB) {

    static ProcessFigures now() throws IOException {
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
        return new ProcessFigures(descriptorCount(), LinuxTestSupport.interfaceNames().stream().sorted()
                .collect(Collectors.toList()), direct.getCount(), direct.getMemoryUsed(), MallocStats.inUse(), readRssKiB(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1024);
    }

    /**
     * The figures once garbage whose cleaners free direct buffers and JNA memory has been collected: collects
     * until the direct-buffer count stops falling (at most about 2 seconds).
     */
    static ProcessFigures settled() throws Exception {
        ProcessFigures last = null;
        for (int i = 0; i < 20; i++) {
            System.gc();
            Thread.sleep(100);
            ProcessFigures f = now();
            if (last != null && f.directBuffers >= last.directBuffers && f.descriptors == last.descriptors) {
                return f;
            }
            last = f;
        }
        return last;
    }

    static int descriptorCount() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count() - 1; // less the directory stream's own descriptor
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long readRssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** VmRSS less the committed Java heap: native memory, code and metadata, roughly. */
    long nonHeapRssKiB() {
        return rssKiB - heapCommittedKiB;
    }

    String malloc() {
        return mallocBytes.isPresent() ? String.format("%,d KiB", mallocBytes.getAsLong() / 1024) : "n/a (no mallinfo2)";
    }

    @Override
    public String toString() {
        return String.format("fds %d, interfaces %s, direct buffers %d (%,d bytes), malloc in use %s, VmRSS %,d KiB"
                + " (%,d KiB without the committed heap)", descriptors, interfaces, directBuffers, directBytes, malloc(),
                rssKiB, nonHeapRssKiB());
    }
}
