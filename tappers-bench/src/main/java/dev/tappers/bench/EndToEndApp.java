package dev.tappers.bench;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Tun;
import dev.tappers.bench.raw.RawVnetTun;
import dev.tappers.linux.offload.GsoSplitter;
import dev.tappers.linux.offload.MalformedPacketException;
import dev.tappers.linux.offload.TunOffloadAbi;
import dev.tappers.linux.offload.VirtioNetHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;

/**
 * The Java app of the end-to-end harness (issue 5): the same workloads as {@code src/main/c/e2e_bench.c
 * --role=app}, against the same load generator ({@code e2e_bench --role=load}, started beside it by
 * run-bench.sh in one fresh network namespace), through the library's API: {@link Tun#receive} and
 * {@link Tun#send} on one direct buffer, blocking. bulk-offload goes through {@link RawVnetTun}, the bench-local
 * raw descriptor path, until the device API offers IFF_VNET_HDR; {@code bulk-split} also cuts every
 * super-packet into packets with {@link GsoSplitter} (what a one-packet-per-receive user of an offloading
 * device would get).
 *
 * <p>Options: --workload=recv-64|recv-512|recv-1400|echo-64|bulk-offload|bulk-split --outside-netns=LINK
 * [--warmup-ms=N] [--measure-ms=N]. Prints one MEASURE line. Exit 0 done, 1 failed, 2 refused, 64 bad options.
 */
public final class EndToEndApp {
    private static final int IPV4_UDP_HEADERS = 28;
    private static final long ROUTE_WAIT_MS = 15_000;
    private static final long ECHO_APP_LINGER_MS = 1000;
    private static final String PERSISTENT_NAME = "tbvnet0";

    private final String workload;
    private final long warmupMs;
    private final long measureMs;
    /** When the monitor closes the device, ending a receive blocked for lack of traffic (nanoTime). */
    private volatile long deadline;

    private EndToEndApp(String workload, long warmupMs, long measureMs) {
        this.workload = workload;
        this.warmupMs = warmupMs;
        this.measureMs = measureMs;
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

    private static int run(String[] args) throws Exception {
        String workload = null;
        String outside = null;
        long warmup = 1500;
        long measure = 3000;
        for (String a : args) {
            if (a.startsWith("--workload=")) {
                workload = a.substring(11);
            } else if (a.startsWith("--outside-netns=")) {
                outside = a.substring(16);
            } else if (a.startsWith("--warmup-ms=")) {
                warmup = Long.parseLong(a.substring(12));
            } else if (a.startsWith("--measure-ms=")) {
                measure = Long.parseLong(a.substring(13));
            } else if (!a.startsWith("--role=")) {
                System.out.println("unknown option " + a);
                return 64;
            }
        }
        if (workload == null || outside == null) {
            System.out.println("need --workload=W and --outside-netns=LINK");
            return 64;
        }
        // The launcher's namespace stands in for the parent's: the parent is a shell inside the private one.
        Optional<String> problem = NamespaceGuard.problem(NamespaceGuard.netNamespaceOf("self"),
                NamespaceGuard.netNamespaceOf("1"), Optional.of(outside));
        if (problem.isPresent()) {
            System.out.println("refusing to run: " + problem.get());
            return 2;
        }
        EndToEndApp app = new EndToEndApp(workload, warmup, measure);
        switch (workload) {
            case "recv-64": return app.receive(64);
            case "recv-512": return app.receive(512);
            case "recv-1400": return app.receive(1400);
            case "echo-64": return app.echo(64);
            case "bulk-offload": return app.bulk(false);
            case "bulk-split": return app.bulk(true);
            default:
                System.out.println("unknown workload " + workload);
                return 64;
        }
    }

    private Tun createTun(DeviceOptions options) throws IOException {
        Tun tun = Tun.create(options);
        tun.addAddress(AddressRequest.parse("198.18.100.1/24"));
        tun.up();
        return tun;
    }

    /** Closes the device once {@link #deadline} passes, so a receive blocked for lack of traffic ends. */
    private void monitor(AutoCloseable device) {
        deadline = System.nanoTime() + (ROUTE_WAIT_MS + warmupMs + measureMs) * 1_000_000;
        Thread t = new Thread(() -> {
            while (System.nanoTime() - deadline < 0) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            try {
                device.close();
                Thread.sleep(3000); // closing wakes Tun.receive; a raw read(2) it cannot wake
            } catch (Exception ignored) {
                // ending the process is all that is left
            }
            System.out.println("FAILED: no traffic before the deadline");
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }, "deadline");
        t.setDaemon(true);
        t.start();
    }

    private static boolean isData(ByteBuffer p, int n, int payload) {
        return n == IPV4_UDP_HEADERS + payload && p.get(0) == 0x45 && p.get(9) == 17;
    }

    /** The measured window and the reader's own CPU time and allocation over it. */
    private final class Window {
        long first;
        long from;
        long to;
        long countFrom;
        long countTo;
        long cpuFrom;
        long cpuTo;
        long allocFrom;
        long allocTo;
        int state;

        void tick(long count, long lingerMs) {
            long t = System.nanoTime();
            if (state == 0) {
                first = t;
                state = 1;
                deadline = t + (warmupMs + measureMs + lingerMs + 2000) * 1_000_000;
            }
            if (state == 1 && t - first >= warmupMs * 1_000_000) {
                from = t;
                countFrom = count;
                cpuFrom = ThreadCounters.cpuNanos();
                allocFrom = ThreadCounters.allocatedBytes();
                state = 2;
            }
            if (state == 2 && t - first >= (warmupMs + measureMs) * 1_000_000) {
                to = t;
                countTo = count;
                cpuTo = ThreadCounters.cpuNanos();
                allocTo = ThreadCounters.allocatedBytes();
                state = 3;
            }
        }

        boolean done() {
            return state == 3;
        }

        double rate() throws IOException {
            if (state != 3) {
                throw new IOException("the app saw no traffic for the whole window (state " + state + ")");
            }
            return (countTo - countFrom) * 1e9 / (to - from);
        }

        String perPacket(long packets) {
            return String.format("cpu_ns_per_pkt=%.0f alloc_b_per_pkt=%.3f", (double) (cpuTo - cpuFrom) / packets,
                    (double) (allocTo - allocFrom) / packets);
        }
    }

    private int receive(int payload) throws IOException {
        Window w = new Window();
        long count = 0;
        try (Tun tun = createTun(DeviceOptions.defaults())) {
            monitor(tun);
            ByteBuffer dst = ByteBuffer.allocateDirect(tun.maxPacketSize());
            while (!w.done()) {
                dst.clear();
                int n = tun.receive(dst);
                if (isData(dst, n, payload)) {
                    count++;
                    if ((count & 15) == 1) {
                        w.tick(count, 0);
                    }
                }
            }
        } catch (ClosedChannelException e) {
            throw new IOException("receive: the deadline closed the device before the window ended", e);
        }
        System.out.printf("MEASURE impl=java workload=%s value=%.0f unit=pps %s%n", workload, w.rate(),
                w.perPacket(w.countTo - w.countFrom));
        return 0;
    }

    private int echo(int payload) throws IOException {
        long echoed = 0;
        long first = 0;
        long allocBefore = 0;
        try (Tun tun = createTun(DeviceOptions.defaults())) {
            monitor(tun);
            ByteBuffer p = ByteBuffer.allocateDirect(tun.maxPacketSize());
            while (true) {
                p.clear();
                int n;
                try {
                    n = tun.receive(p);
                } catch (ClosedChannelException e) {
                    break; // the deadline: the load has measured and gone
                }
                if (!isData(p, n, payload)) {
                    continue;
                }
                int src = p.getInt(12);
                p.putInt(12, p.getInt(16));
                p.putInt(16, src);
                short port = p.getShort(20);
                p.putShort(20, p.getShort(22));
                p.putShort(22, port);
                p.flip();
                tun.send(p);
                if (echoed++ == 0) {
                    first = System.nanoTime();
                    allocBefore = ThreadCounters.allocatedBytes();
                    deadline = first + (warmupMs + measureMs + ECHO_APP_LINGER_MS) * 1_000_000;
                }
            }
        }
        System.out.printf("# java echo app: %d packets echoed in %.1f s, %.3f bytes allocated per packet%n", echoed,
                (System.nanoTime() - first) / 1e9, echoed > 1 ? (double) (ThreadCounters.allocatedBytes() - allocBefore)
                        / (echoed - 1) : Double.NaN);
        return 0;
    }

    private int bulk(boolean split) throws IOException {
        // The library makes and configures the device; the raw path attaches with IFF_VNET_HDR (see RawVnetTun).
        try (Tun tun = createTun(DeviceOptions.named(PERSISTENT_NAME).withPersistent(true))) {
            tun.name(); // configured; closing leaves it (persistent)
        }
        int wanted = TunOffloadAbi.TUN_F_CSUM | TunOffloadAbi.TUN_F_TSO4 | TunOffloadAbi.TUN_F_TSO6
                | TunOffloadAbi.TUN_F_USO4 | TunOffloadAbi.TUN_F_USO6;
        int fallback = TunOffloadAbi.TUN_F_CSUM | TunOffloadAbi.TUN_F_TSO4 | TunOffloadAbi.TUN_F_TSO6;
        Window w = new Window();
        long reads = 0;
        long segments = 0;
        long bytes = 0;
        long malformed = 0;
        try (RawVnetTun raw = RawVnetTun.attach(PERSISTENT_NAME, TunOffloadAbi.TUNSETVNETHDRSZ,
                TunOffloadAbi.TUNSETOFFLOAD, wanted, fallback)) {
            monitor(raw);
            ByteBuffer buffer = ByteBuffer.allocateDirect(VirtioNetHeader.SIZE + 65536);
            long address = RawVnetTun.address(buffer);
            VirtioNetHeader header = new VirtioNetHeader();
            GsoSplitter splitter = new GsoSplitter();
            ByteBuffer[] out = new ByteBuffer[128];
            for (int i = 0; i < out.length; i++) {
                out[i] = ByteBuffer.allocateDirect(2048);
            }
            while (!w.done()) {
                int n = raw.read(buffer, address);
                if (n < 0) {
                    throw new IOException("read: errno " + -n + (n == -9 ? " (the deadline closed the device)" : ""));
                }
                if (n < VirtioNetHeader.SIZE + IPV4_UDP_HEADERS || buffer.get(VirtioNetHeader.SIZE) != 0x45
                        || buffer.get(VirtioNetHeader.SIZE + 9) != 17) {
                    continue;
                }
                header.readFrom(buffer, 0);
                buffer.limit(n).position(VirtioNetHeader.SIZE);
                try {
                    if (split) {
                        for (ByteBuffer b : out) {
                            b.clear();
                        }
                        segments += splitter.split(header, buffer, out);
                    } else {
                        segments += splitter.segmentCount(header, buffer);
                    }
                } catch (MalformedPacketException e) {
                    malformed++;
                    continue;
                } finally {
                    buffer.clear();
                }
                bytes += n - VirtioNetHeader.SIZE - IPV4_UDP_HEADERS;
                reads++;
                w.tick(bytes, 0);
            }
            System.out.printf("MEASURE impl=java workload=%s value=%.3f unit=gbps segments_per_read=%.1f offload=%#x "
                            + "malformed=%d %s%n", workload, w.rate() * 8 / 1e9, reads > 0 ? (double) segments / reads : 0,
                    raw.offload(), malformed, w.perPacket(Math.max(1, segmentsIn(w))));
        }
        return 0;
    }

    /** Segments (1,400-byte datagrams) in the window: payload bytes counted there over the segment size. */
    private static long segmentsIn(Window w) {
        return (long) ((w.countTo - w.countFrom) / 1400.0);
    }
}
