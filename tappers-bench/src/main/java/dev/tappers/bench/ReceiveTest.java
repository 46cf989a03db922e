package dev.tappers.bench;

import dev.tappers.Tun;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The receive test: a sender thread blasts UDP datagrams at the peer through a kernel {@link DatagramChannel};
 * the kernel routes them into the TUN, and this thread takes them out with blocking {@link Tun#receive} calls
 * into one direct buffer. A round ends when the sender, having sent its packets, sends 1-byte end markers and one
 * arrives; packets sent but never received were dropped by the kernel because the TUN's queue was full.
 */
final class ReceiveTest implements AutoCloseable {
    /** How long the sender keeps repeating end markers, should the reader never see one. */
    private static final long MARKER_NANOS = 5_000_000_000L;
    /** Gap between end markers: markers can be dropped like any packet, so the sender repeats them. */
    private static final long MARKER_GAP_NANOS = 200_000;
    /** Extra time, beyond the round's limit, before the watchdog closes the TUN to wake a stuck reader. */
    private static final long WATCHDOG_SLACK_SECONDS = 10;

    private final Tun tun;
    private final BenchConfig config;
    private final ScheduledExecutorService watchdog;
    private final DatagramChannel channel;
    private final ByteBuffer dst;

    ReceiveTest(Tun tun, BenchConfig config, ScheduledExecutorService watchdog) throws IOException {
        this.tun = tun;
        this.config = config;
        this.watchdog = watchdog;
        this.channel = DatagramChannel.open(StandardProtocolFamily.INET);
        // A literal: no lookup. The TUN's /24 route sends everything for the peer into the TUN.
        channel.connect(new InetSocketAddress(InetAddress.getByName(Ipv4Udp.PEER_TEXT), Ipv4Udp.DISCARD_PORT));
        this.dst = ByteBuffer.allocateDirect(tun.maxPacketSize());
    }

    ResultRow run(int payload) throws IOException, InterruptedException {
        for (int i = 0; i < config.warmups(); i++) {
            round(payload);
        }
        double[] rates = new double[config.rounds()];
        long fewest = Long.MAX_VALUE;
        long allocated = 0;
        long cpu = 0;
        long received = 0;
        long sent = 0;
        boolean cut = false;
        for (int i = 0; i < config.rounds(); i++) {
            Round r = round(payload);
            rates[i] = r.received * 1e9 / r.nanos;
            fewest = Math.min(fewest, r.received);
            allocated += r.allocated;
            cpu += r.cpuNanos;
            received += r.received;
            sent += r.sent;
            cut |= r.cut;
        }
        boolean counted = ThreadCounters.supported() && received > 0;
        return new ResultRow("recv", payload, fewest, Summary.of(rates), 100.0 * (sent - received) / sent,
                counted ? (double) cpu / received : Double.NaN, counted ? (double) allocated / received : Double.NaN, cut);
    }

    private record Round(long received, long sent, long nanos, long cpuNanos, long allocated, boolean cut) {
    }

    private Round round(int payload) throws IOException, InterruptedException {
        drain();
        Sender sender = new Sender(payload);
        Thread thread = new Thread(sender, "udp-sender");
        thread.setDaemon(true);
        thread.start();
        ScheduledFuture<?> alarm = watchdog.schedule(this::wakeReader, config.maxSeconds() + WATCHDOG_SLACK_SECONDS,
                TimeUnit.SECONDS);
        long received = 0;
        long allocatedBefore = ThreadCounters.allocatedBytes();
        long cpuBefore = ThreadCounters.cpuNanos();
        long start = System.nanoTime();
        long nanos;
        long cpuNanos;
        long allocated;
        try {
            sender.go.countDown();
            while (true) {
                dst.clear();
                int n = tun.receive(dst);
                Ipv4Udp.Kind kind = Ipv4Udp.classify(dst, n, payload);
                if (kind == Ipv4Udp.Kind.DATA) {
                    received++;
                } else if (kind == Ipv4Udp.Kind.END_MARKER) {
                    break;
                }
            }
            nanos = System.nanoTime() - start;
            cpuNanos = ThreadCounters.cpuNanos() - cpuBefore;
            allocated = ThreadCounters.allocatedBytes() - allocatedBefore;
        } catch (AsynchronousCloseException e) {
            String why = sender.failure != null ? "; the sender failed: " + sender.failure : "";
            throw new IOException("receive test: no end marker arrived within "
                    + (config.maxSeconds() + WATCHDOG_SLACK_SECONDS) + " s" + why, e);
        } finally {
            sender.stop = true;
            alarm.cancel(false);
            thread.join(MARKER_NANOS / 1_000_000 + 1000);
        }
        if (thread.isAlive()) {
            throw new IOException("receive test: the sender thread did not stop");
        }
        if (sender.failure != null) {
            throw new IOException("receive test: the sender failed", sender.failure);
        }
        return new Round(received, sender.sent, nanos, cpuNanos, allocated, sender.cut);
    }

    /** Empties the TUN of whatever is left: markers of the last round, ICMP errors from the send test. */
    private void drain() throws IOException {
        tun.setNonBlocking(true);
        try {
            for (int i = 0; i < 1_000_000 && tun.receive(dst.clear()) > 0; i++) {
                // discard
            }
        } finally {
            tun.setNonBlocking(false);
        }
    }

    private void wakeReader() {
        try {
            tun.close(); // wakes the blocked receive with AsynchronousCloseException
        } catch (IOException ignored) {
            // the round fails with the reason anyway
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The sending side of one round, on its own thread. */
    private final class Sender implements Runnable {
        final CountDownLatch go = new CountDownLatch(1);
        final ByteBuffer data;
        final ByteBuffer marker;
        volatile boolean stop;
        volatile long sent;
        volatile boolean cut;
        volatile Throwable failure;

        Sender(int payload) {
            data = ByteBuffer.allocateDirect(payload);
            for (int i = 0; i < payload; i++) {
                data.put(i, (byte) (i % 251));
            }
            marker = ByteBuffer.allocateDirect(Ipv4Udp.END_MARKER_PAYLOAD);
        }

        @Override
        public void run() {
            try {
                if (!go.await(30, TimeUnit.SECONDS)) {
                    return;
                }
                long packets = config.packets();
                long maxNanos = config.maxSeconds() * 1_000_000_000L;
                long n = 0;
                long start = System.nanoTime();
                while (n < packets) {
                    data.position(0);
                    channel.write(data);
                    n++;
                    if ((n & 1023) == 0 && System.nanoTime() - start > maxNanos) {
                        cut = true;
                        break;
                    }
                }
                sent = n;
                long markersFrom = System.nanoTime();
                while (!stop && System.nanoTime() - markersFrom < MARKER_NANOS) {
                    marker.position(0);
                    channel.write(marker);
                    LockSupport.parkNanos(MARKER_GAP_NANOS);
                }
            } catch (Throwable t) {
                failure = t;
            }
        }
    }
}
