/**
 * Benchmarks of the Linux provider's packet path beside C programs ({@code src/main/c}): the end-to-end harness
 * of issue 5 ({@link dev.tappers.bench.EndToEndApp} with {@code e2e_bench.c}, run by {@code run-bench.sh}), the
 * older per-call table ({@link dev.tappers.bench.TunBenchmark} with {@code tun_bench.c}), and JMH
 * microbenchmarks ({@code *Benchmark} classes, run on the class path by run-jmh.sh).
 *
 * <p>It reads two packages the provider does not export: the offload codec (for the JMH
 * {@code OffloadBenchmark}) and {@code dev.tappers.linux.jna} (for {@code PacketIo.binding()}, the packet-path
 * binding in use, which the end-to-end app reports); compile and run with
 * {@code --add-exports dev.tappers.linux/dev.tappers.linux.offload=dev.tappers.bench} and
 * {@code --add-exports dev.tappers.linux/dev.tappers.linux.jna=dev.tappers.bench}. {@code dev.tappers.bench.raw}
 * holds a JNA system-call probe for the JMH baseline (the cost of a bare native call).
 */
module dev.tappers.bench {
    requires dev.tappers;
    requires dev.tappers.linux;
    requires com.sun.jna;
    // com.sun.management.ThreadMXBean: the bytes each measured loop allocates.
    requires java.management;
    requires jdk.management;
    // JMH: compile time only; the microbenchmarks run on the class path (run-jmh.sh).
    requires static jmh.core;

    opens dev.tappers.bench.raw to com.sun.jna;
}
