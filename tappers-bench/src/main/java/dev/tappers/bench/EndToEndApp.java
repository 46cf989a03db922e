package dev.tappers.bench;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Offload;
import dev.tappers.Tun;
import dev.tappers.GsoInfo;
import dev.tappers.MultiQueue;
import dev.tappers.linux.jna.PacketIo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The Java app of the end-to-end harness (issue 5): the same workloads as {@code src/main/c/e2e_bench.c
 * --role=app}, against the same load generator ({@code e2e_bench --role=load}, started beside it by
 * run-bench.sh in one fresh network namespace), through the library's API only: {@link Tun#receive} and
 * {@link Tun#send} on one direct buffer, blocking; bulk-offload on an offloading TUN
 * ({@link DeviceOptions#withOffload}) with {@link Tun#receiveSuperPacket}, super-packets whole; {@code bulk-split}
 * the same traffic cut into packets by the provider ({@link Tun#receiveBatch}); {@code mq1-64} and
 * {@code mq2-64} a multi-queue TUN ({@link Tun#createMultiQueue}) with one reading thread per queue.
 *
 * <p>It prints the packet-path binding in use ({@link PacketIo#binding()}: FFM on Java 22+ when run-bench.sh
 * asks for it, JNA otherwise) and tags every MEASURE line with it.
 *
 * <p>Options: --workload=recv-64|recv-512|recv-1400|echo-64|bulk-offload|bulk-split|mq1-64|mq2-64
 * --outside-netns=LINK [--warmup-ms=N] [--measure-ms=N]. Prints one MEASURE line (echo-64: the load does).
 * {@code --binding} alone prints the binding and exits.
 * Exit 0 done, 1 failed, 2 refused, 64 bad options.
 */
public final class EndToEndApp {
    private static final int IPV4_UDP_HEADERS = 28;
    private static final long ROUTE_WAIT_MS = 15_000;
    private static final long ECHO_APP_LINGER_MS = 1000;

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
            if (a.equals("--binding")) { // run-bench.sh's header: which binding this JVM and these options give
                System.out.println(PacketIo.binding());
                return 0;
            } else if (a.startsWith("--workload=")) {
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
        System.out.println("# java packet-path binding: " + PacketIo.binding());
        EndToEndApp app = new EndToEndApp(workload, warmup, measure);
        switch (workload) {
            case "recv-64": return app.receive(64);
            case "recv-512": return app.receive(512);
            case "recv-1400": return app.receive(1400);
            case "echo-64": return app.echo(64);
            case "bulk-offload": return app.bulkSuperPackets();
            case "bulk-split": return app.bulkSplitByTheDevice();
            case "mq1-64": return app.multiQueue(1);
            case "mq2-64": return app.multiQueue(2);
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
                Thread.sleep(3000); // closing wakes a blocked receive; give the app the chance to report
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
        System.out.printf("MEASURE impl=java workload=%s value=%.0f unit=pps binding=%s %s%n", workload, w.rate(),
                bindingTag(), w.perPacket(w.countTo - w.countFrom));
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

    /**
     * bulk-offload: the library's offloading TUN ({@link DeviceOptions#withOffload}) read through
     * {@link Tun#receiveSuperPacket}: one read per UDP-GSO super-packet, handed over whole with its {@link GsoInfo}
     * (the wireguard-go way), as the C reference reads them. Gbit/s of UDP payload.
     */
    private int bulkSuperPackets() throws IOException {
        Window w = new Window();
        long reads = 0;
        long segments = 0;
        long bytes = 0;
        try (Tun tun = createTun(offloadOptions())) {
            monitor(tun);
            ByteBuffer dst = ByteBuffer.allocateDirect(Math.max(Tun.MAX_PACKET_SIZE, tun.maxPacketSize()));
            GsoInfo gso = new GsoInfo();
            while (!w.done()) {
                dst.clear();
                int n = tun.receiveSuperPacket(dst, gso);
                if (n <= IPV4_UDP_HEADERS || dst.get(0) != 0x45 || dst.get(9) != 17) {
                    continue;
                }
                int payload = n - IPV4_UDP_HEADERS;
                segments += gso.type() == GsoInfo.Type.UDP_L4 ? (payload + gso.segmentSize() - 1) / gso.segmentSize() : 1;
                bytes += payload;
                reads++;
                w.tick(bytes, 0);
            }
            System.out.printf("MEASURE impl=java workload=%s value=%.3f unit=gbps segments_per_read=%.1f offloads=%s "
                            + "binding=%s %s%n", workload, w.rate() * 8 / 1e9, reads > 0 ? (double) segments / reads : 0,
                    tun.offloads().toString().replace(" ", ""), bindingTag(), w.perPacket(Math.max(1, segmentsIn(w))));
        } catch (ClosedChannelException e) {
            throw new IOException("bulk-offload: the deadline closed the device before the window ended", e);
        }
        return 0;
    }

    private static DeviceOptions offloadOptions() {
        return DeviceOptions.defaults().withOffload(EnumSet.of(Offload.TSO4, Offload.TSO6, Offload.USO4, Offload.USO6));
    }

    /**
     * bulk-split: the same UDP-GSO traffic through the same offloading TUN, received as ordinary packets, 64 per
     * {@link Tun#receiveBatch}: the provider cuts every super-packet into its datagrams (a copy and fresh
     * checksums each), what a user of the one-packet API gets. Not a RESULT: it shows what the cutting costs.
     */
    private int bulkSplitByTheDevice() throws IOException {
        Window w = new Window();
        long bytes = 0;
        long packets = 0;
        long calls = 0;
        try (Tun tun = createTun(offloadOptions())) {
            monitor(tun);
            ByteBuffer[] batch = new ByteBuffer[64];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = ByteBuffer.allocateDirect(2048);
            }
            while (!w.done()) {
                for (ByteBuffer b : batch) {
                    b.clear();
                }
                int n = tun.receiveBatch(batch);
                calls++;
                for (int i = 0; i < n; i++) {
                    ByteBuffer p = batch[i];
                    int length = p.position();
                    if (length > IPV4_UDP_HEADERS && p.get(0) == 0x45 && p.get(9) == 17) {
                        bytes += length - IPV4_UDP_HEADERS;
                        packets++;
                    }
                }
                w.tick(bytes, 0);
            }
            System.out.printf("MEASURE impl=java workload=%s value=%.3f unit=gbps packets_per_call=%.1f offloads=%s "
                            + "binding=%s %s%n", workload, w.rate() * 8 / 1e9, calls > 0 ? (double) packets / calls : 0,
                    tun.offloads().toString().replace(" ", ""), bindingTag(), w.perPacket(Math.max(1, segmentsIn(w))));
        } catch (ClosedChannelException e) {
            throw new IOException("bulk-split: the deadline closed the device before the window ended", e);
        }
        return 0;
    }

    /**
     * mqN-64: a multi-queue TUN ({@link Tun#createMultiQueue}) with {@code queues} queues and one reading thread
     * per queue, under the load's 16 flows (the kernel picks a queue per flow by its hash). The main thread
     * samples the readers' counters at the ends of the window; packets/s of all queues together, with each
     * queue's share and the readers' CPU time per packet.
     */
    private int multiQueue(int queues) throws IOException, InterruptedException {
        final int stride = 16; // one counter per 128-byte line: the readers do not share a cache line
        AtomicLongArray counts = new AtomicLongArray(queues * stride);
        Thread[] readers = new Thread[queues];
        long[] from = new long[queues];
        long[] to = new long[queues];
        long cpuFrom = 0;
        long cpuTo = 0;
        long allocFrom = 0;
        long allocTo = 0;
        long tFrom;
        long tTo;
        try (MultiQueue<Tun> mq = Tun.createMultiQueue(DeviceOptions.defaults(), queues)) {
            Tun first = mq.queues().get(0);
            first.addAddress(AddressRequest.parse("198.18.100.1/24"));
            first.up();
            monitor(mq);
            for (int q = 0; q < queues; q++) {
                Tun tun = mq.queues().get(q);
                int slot = q * stride;
                readers[q] = new Thread(() -> {
                    ByteBuffer dst = ByteBuffer.allocateDirect(tun.maxPacketSize());
                    long count = 0;
                    try {
                        while (true) {
                            dst.clear();
                            int n = tun.receive(dst);
                            if (isData(dst, n, 64)) {
                                counts.lazySet(slot, ++count);
                            }
                        }
                    } catch (IOException e) {
                        // closed at the end of the run: done
                    }
                }, "reader-" + q);
                readers[q].start();
            }
            long wait = System.nanoTime() + ROUTE_WAIT_MS * 1_000_000;
            while (sum(counts, queues, stride) == 0) {
                if (System.nanoTime() - wait > 0) {
                    throw new IOException("mq: no traffic within " + ROUTE_WAIT_MS + " ms");
                }
                Thread.sleep(1);
            }
            deadline = System.nanoTime() + (warmupMs + measureMs + 5000) * 1_000_000;
            Thread.sleep(warmupMs);
            tFrom = System.nanoTime();
            for (int q = 0; q < queues; q++) {
                from[q] = counts.get(q * stride);
                cpuFrom += ThreadCounters.cpuNanos(readers[q]);
                allocFrom += ThreadCounters.allocatedBytes(readers[q]);
            }
            Thread.sleep(measureMs);
            tTo = System.nanoTime();
            for (int q = 0; q < queues; q++) {
                to[q] = counts.get(q * stride);
                cpuTo += ThreadCounters.cpuNanos(readers[q]);
                allocTo += ThreadCounters.allocatedBytes(readers[q]);
            }
        }
        for (Thread t : readers) {
            t.join(5000);
        }
        long packets = 0;
        StringBuilder shares = new StringBuilder();
        for (int q = 0; q < queues; q++) {
            packets += to[q] - from[q];
            shares.append(q == 0 ? "" : "/").append(to[q] - from[q]);
        }
        if (packets == 0) {
            throw new IOException("mq: no packet in the measured window");
        }
        System.out.printf("MEASURE impl=java workload=%s value=%.0f unit=pps queues=%d per_queue=%s binding=%s "
                        + "cpu_ns_per_pkt=%.0f alloc_b_per_pkt=%.3f%n", workload, packets * 1e9 / (tTo - tFrom), queues,
                shares, bindingTag(), (double) (cpuTo - cpuFrom) / packets, (double) (allocTo - allocFrom) / packets);
        return 0;
    }

    private static long sum(AtomicLongArray counts, int queues, int stride) {
        long s = 0;
        for (int q = 0; q < queues; q++) {
            s += counts.get(q * stride);
        }
        return s;
    }

    /** The packet-path binding in use, one word for the MEASURE line: FFM or JNA. */
    private static String bindingTag() {
        return PacketIo.binding().startsWith("FFM") ? "FFM" : "JNA";
    }

    /** Segments (1,400-byte datagrams) in the window: payload bytes counted there over the segment size. */
    private static long segmentsIn(Window w) {
        return (long) ((w.countTo - w.countFrom) / 1400.0);
    }
}
