/**
 * A benchmark of the Linux provider's packet path, run beside a C program that makes the same system calls
 * ({@code src/main/c/tun_bench.c}); {@code run-bench.sh} runs both. Written against the API only: the provider
 * is a runtime dependency that discovery finds on the module path.
 */
module dev.tappers.bench {
    requires dev.tappers;
    // com.sun.management.ThreadMXBean: the bytes each measured loop allocates.
    requires java.management;
    requires jdk.management;
}
