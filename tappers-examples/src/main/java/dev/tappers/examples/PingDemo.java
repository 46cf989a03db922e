package dev.tappers.examples;

import dev.tappers.AddressRequest;
import dev.tappers.Tappers;
import dev.tappers.Tun;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The README's main job: a TUN answers pings in Java while the kernel pings through it.
 *
 * <p>In a private network namespace (made by {@code run-demo.sh} with {@code unshare --net}), it creates a TUN,
 * assigns 198.18.0.1/24 and brings it up. A responder thread reads the packets the kernel routes into the TUN
 * and answers ICMP echo requests for 198.18.0.2 with echo replies. The main thread then pings 198.18.0.2 three
 * times through the kernel with {@link InetAddress#isReachable(NetworkInterface, int, int)}, which as root sends
 * real ICMP echo requests from a raw socket. Exit status 0 when all three were answered, 1 otherwise, 2 when
 * refused because the namespace is not private. Every step is bounded in time.
 */
public final class PingDemo {
    private static final String LOCAL = "198.18.0.1/24";
    private static final String PEER = "198.18.0.2";
    private static final int PINGS = 3;
    private static final int PING_TIMEOUT_MS = 2000;
    private static final int PING_TTL = 64;
    private static final long RESPONDER_STOP_MS = 2000;
    private static final long WATCHDOG_MS = 60_000;

    private PingDemo() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run();
        } catch (Exception e) {
            System.out.println("FAILED: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    @SuppressWarnings("try") // the TUN is closed early on purpose, to wake the responder; try covers the failures
    static int run() throws IOException, InterruptedException {
        Optional<String> problem = NamespaceCheck.problem();
        if (problem.isPresent()) {
            System.out.println("refusing to run: " + problem.get());
            return 2;
        }
        System.out.println("network namespace " + NamespaceCheck.netNamespaceOf("self").orElseThrow() + " (the parent's: "
                + ProcessHandle.current().parent().flatMap(p -> NamespaceCheck.netNamespaceOf(Long.toString(p.pid())))
                        .orElse("unreadable")
                + ", PID 1's: " + NamespaceCheck.netNamespaceOf("1").orElse("unreadable") + ")");
        startWatchdog();

        InetAddress peer = InetAddress.getByName(PEER); // a literal: no lookup
        try (Tun tun = Tun.create()) {
            tun.addAddress(AddressRequest.parse(LOCAL));
            tun.up();
            System.out.println("provider " + Tappers.provider().name() + " created " + tun.name() + ": index " + tun.index()
                    + ", mtu " + tun.mtu() + ", " + tun.state() + ", addresses " + tun.addresses());

            NetworkInterface nif = NetworkInterface.getByName(tun.name().value());
            if (nif == null) {
                System.out.println("FAILED: java.net.NetworkInterface does not see " + tun.name());
                return 1;
            }
            System.out.println("java.net.NetworkInterface sees " + nif.getName() + ": index " + nif.getIndex() + ", mtu "
                    + nif.getMTU() + ", up " + nif.isUp() + ", addresses " + Collections.list(nif.getInetAddresses()));

            Responder responder = new Responder(tun, peer);
            Thread thread = new Thread(responder, "icmp-responder");
            thread.setDaemon(true);
            thread.start();

            int answered = 0;
            for (int i = 1; i <= PINGS; i++) {
                long start = System.nanoTime();
                boolean reachable = peer.isReachable(nif, PING_TTL, PING_TIMEOUT_MS);
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.out.println("ping " + i + "/" + PINGS + " " + PEER + " via " + tun.name() + ": reachable="
                        + reachable + " in " + ms + " ms");
                if (reachable) {
                    answered++;
                }
            }

            tun.close(); // wakes the responder's blocking receive
            thread.join(RESPONDER_STOP_MS);
            boolean stopped = !thread.isAlive();
            System.out.println("responder answered " + responder.answered.get() + " echo request(s) and passed over "
                    + responder.ignored.get() + " other packet(s); "
                    + (stopped ? "close() woke its receive" : "still blocked " + RESPONDER_STOP_MS + " ms after close()"));
            responder.failure.ifPresent(f -> System.out.println("responder failed: " + f));

            boolean ok = answered == PINGS && responder.answered.get() >= PINGS && stopped && responder.failure.isEmpty();
            System.out.println(ok ? "OK: " + PINGS + " of " + PINGS + " pings answered through " + tun.name()
                    : "FAILED: " + answered + " of " + PINGS + " pings answered");
            return ok ? 0 : 1;
        }
    }

    /** Ends the JVM if anything hangs, so the demo always stops by itself. */
    private static void startWatchdog() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(WATCHDOG_MS);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("FAILED: the demo did not finish within " + WATCHDOG_MS / 1000 + " s");
            Runtime.getRuntime().halt(3);
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Answers ICMP echo requests for one address; passes over every other packet. */
    private static final class Responder implements Runnable {
        private final Tun tun;
        private final InetAddress answerFor;
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger ignored = new AtomicInteger();
        volatile Optional<Throwable> failure = Optional.empty();

        Responder(Tun tun, InetAddress answerFor) {
            this.tun = tun;
            this.answerFor = answerFor;
        }

        @Override
        public void run() {
            ByteBuffer buffer = ByteBuffer.allocate(tun.maxPacketSize());
            try {
                while (true) {
                    buffer.clear();
                    int length = tun.receive(buffer);
                    Optional<IcmpEcho> request = IcmpEcho.parseRequest(buffer.array(), length)
                            .filter(r -> r.destination().equals(answerFor));
                    if (request.isEmpty()) {
                        ignored.incrementAndGet();
                        continue;
                    }
                    tun.send(ByteBuffer.wrap(request.get().reply()));
                    answered.incrementAndGet();
                    System.out.println("  responder saw " + request.get() + ", sent the echo reply");
                }
            } catch (ClosedChannelException e) {
                // close() from the main thread: the normal way out (AsynchronousCloseException is a subclass)
            } catch (IOException | RuntimeException e) {
                failure = Optional.of(e);
            }
        }
    }
}
