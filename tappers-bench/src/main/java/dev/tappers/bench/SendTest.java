package dev.tappers.bench;

import dev.tappers.Tun;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The send test: one prepared IPv4/UDP packet written to the TUN again and again from a direct buffer. The kernel
 * takes each one through its IP and UDP input (synchronously, inside the write) and drops it at the closed
 * discard port, so the figure is the cost of {@link Tun#send} plus the kernel's work, as the C reference's is
 * the cost of write(2) plus the same kernel work.
 */
final class SendTest {
    private final Tun tun;
    private final BenchConfig config;
    /** The packets written so far, warm-up rounds included, to compare with the kernel's UDP counters. */
    private long written;

    SendTest(Tun tun, BenchConfig config) {
        this.tun = tun;
        this.config = config;
    }

    long written() {
        return written;
    }

    ResultRow run(int payload) throws IOException {
        byte[] bytes = Ipv4Udp.toTun(payload);
        ByteBuffer packet = ByteBuffer.allocateDirect(bytes.length);
        packet.put(bytes).flip();
        for (int i = 0; i < config.warmups(); i++) {
            round(packet);
        }
        double[] rates = new double[config.rounds()];
        long fewest = Long.MAX_VALUE;
        long allocated = 0;
        long cpu = 0;
        long packets = 0;
        boolean cut = false;
        for (int i = 0; i < config.rounds(); i++) {
            Round r = round(packet);
            rates[i] = r.sent * 1e9 / r.nanos;
            fewest = Math.min(fewest, r.sent);
            allocated += r.allocated;
            cpu += r.cpuNanos;
            packets += r.sent;
            cut |= r.sent < config.packets();
        }
        boolean counted = ThreadCounters.supported();
        return new ResultRow("send", payload, fewest, Summary.of(rates), Double.NaN,
                counted ? (double) cpu / packets : Double.NaN, counted ? (double) allocated / packets : Double.NaN, cut);
    }

    private record Round(long sent, long nanos, long cpuNanos, long allocated) {
    }

    private Round round(ByteBuffer packet) throws IOException {
        int length = packet.limit(); // the whole packet, from 0; send leaves the position at the limit
        long packets = config.packets();
        long maxNanos = config.maxSeconds() * 1_000_000_000L;
        long sent = 0;
        long allocatedBefore = ThreadCounters.allocatedBytes();
        long cpuBefore = ThreadCounters.cpuNanos();
        long start = System.nanoTime();
        while (sent < packets) {
            packet.position(0);
            int n = tun.send(packet);
            if (n != length) {
                throw new IOException("send test: the TUN took " + n + " of " + length + " bytes");
            }
            sent++;
            // Looking at the clock every 1024 packets bounds the round without timing every packet.
            if ((sent & 1023) == 0 && System.nanoTime() - start > maxNanos) {
                break;
            }
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = ThreadCounters.cpuNanos() - cpuBefore;
        long allocated = ThreadCounters.allocatedBytes() - allocatedBefore;
        written += sent;
        return new Round(sent, nanos, cpuNanos, allocated);
    }
}
