package dev.tappers.bench;

import dev.tappers.AddressRequest;
import dev.tappers.Tappers;
import dev.tappers.Tun;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures the Linux provider's packet path: packets per second written to and read from a TUN, and per packet
 * the CPU time of the thread doing it and the bytes the JVM allocates. {@code src/main/c/tun_bench.c} makes the same measurements with the same system
 * calls and prints the same table, so the difference between the two is what the JVM, JNA and the provider cost.
 *
 * <p>Refuses to run outside a private network namespace (run-bench.sh starts it through {@code unshare --net}).
 * There it creates a TUN with 198.18.100.1/24, brings it up, and runs, for each payload size, the
 * {@link SendTest} and then the {@link ReceiveTest}. Every round stops at a time limit and a watchdog ends the
 * whole run if anything hangs. Exit status: 0 done, 1 failed, 2 refused (namespace), 64 bad options.
 */
public final class TunBenchmark {
    static final String IMPLEMENTATION = "java";

    private TunBenchmark() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (Exception e) {
            System.out.println("FAILED: " + e);
            e.printStackTrace(System.out);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    static int run(String[] args) throws IOException, InterruptedException {
        BenchConfig config;
        try {
            config = BenchConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            return 64;
        }
        Optional<String> problem = NamespaceGuard.problem();
        if (problem.isPresent()) {
            System.out.println("refusing to run: " + problem.get());
            return 2;
        }
        startWatchdog(config);

        System.out.println("# tappers-bench " + IMPLEMENTATION + ": " + System.getProperty("java.vm.name") + " "
                + Runtime.version() + ", provider " + Tappers.provider().name());
        System.out.println("# " + config.describe());
        List<ResultRow> rows = new ArrayList<>();
        long written;
        UdpCounters before;
        UdpCounters after;
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "round-watchdog");
            t.setDaemon(true);
            return t;
        });
        try (Tun tun = Tun.create()) {
            tun.addAddress(AddressRequest.parse(Ipv4Udp.TUN_CIDR));
            tun.up();
            System.out.println("# device " + tun.name() + " " + Ipv4Udp.TUN_CIDR + " " + tun.state() + ", mtu " + tun.mtu()
                    + ", network namespace " + NamespaceGuard.netNamespaceOf("self").orElse("?") + " (parent's "
                    + NamespaceGuard.parentNamespace().orElse("unreadable") + ")");

            SendTest send = new SendTest(tun, config);
            before = UdpCounters.read();
            for (int payload : config.payloads()) {
                rows.add(send.run(payload));
            }
            after = UdpCounters.read();
            written = send.written();

            try (ReceiveTest receive = new ReceiveTest(tun, config, watchdog)) {
                for (int payload : config.payloads()) {
                    rows.add(receive.run(payload));
                }
            }
        } finally {
            watchdog.shutdownNow();
        }

        System.out.println(ResultTable.HEADER);
        rows.forEach(r -> System.out.println(ResultTable.row(r)));
        System.out.println("# kernel UDP layer saw " + (after.arrived() - before.arrived()) + " of the " + written
                + " packets the send test wrote (warm-up rounds included)");
        rows.forEach(r -> System.out.println(ResultTable.resultLine(IMPLEMENTATION, r)));
        return 0;
    }

    /** Ends the JVM if the run as a whole outlives every round's limit: nothing may hang. */
    private static void startWatchdog(BenchConfig config) {
        long roundsInAll = (long) (config.warmups() + config.rounds()) * config.payloads().size() * 2;
        long budgetSeconds = roundsInAll * (config.maxSeconds() + 15) + 60;
        Thread t = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(budgetSeconds);
                System.out.println("FAILED: the benchmark ran longer than " + budgetSeconds + " s; stopping it");
                System.out.flush();
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException ignored) {
                // the run ended first
            }
        }, "run-watchdog");
        t.setDaemon(true);
        t.start();
    }
}
