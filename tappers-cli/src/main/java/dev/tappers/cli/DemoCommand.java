package dev.tappers.cli;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.NetworkNamespace;
import dev.tappers.Route;
import dev.tappers.Tappers;
import dev.tappers.Tun;
import dev.tappers.Veth;
import dev.tappers.VethOptions;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code tappers demo}: a TUN in a private network namespace, answered in Java, with traffic driven through the
 * kernel. Everything it makes lives in namespaces of its own, which are gone when it ends.
 *
 * <pre>
 *   client namespace                     router namespace
 *   UDP client, pinger  --vETH pair-->  kernel forwards  --TUN-->  EchoResponder (Java): 198.18.0.2
 *   198.51.100.2/24                     198.51.100.1/24, tun 198.18.0.1/24
 * </pre>
 * Without vETH support the client and the pinger run in the router namespace itself.
 */
final class DemoCommand implements Command {
    private static final String SECONDS = "--seconds";
    private static final String TUN_ADDRESS = "198.18.0.1/24";
    /** The address the Java responder answers for (any other in 198.18.0.0/24 but .1 would do). */
    private static final String JAVA_HOST = "198.18.0.2";
    private static final String ROUTER_VETH = "198.51.100.1/24";
    private static final String CLIENT_VETH = "198.51.100.2/24";
    private static final String ROUTER_ON_VETH = "198.51.100.1";
    private static final String TUN_SUBNET = "198.18.0.0/24";
    private static final int PAYLOAD = 64;
    private static final int UDP_TIMEOUT_MS = 200;
    private static final int PING_TIMEOUT_MS = 1000;
    private static final long PING_INTERVAL_MS = 200;
    /** How long the end waits for a thread; every loop ends by its own deadline well before. */
    private static final long JOIN_MS = 5000;
    /** Packet forwarding in the calling thread's network namespace (/proc/sys/net follows the thread). */
    private static final Path IP_FORWARD = Path.of("/proc/sys/net/ipv4/ip_forward");

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String synopsis() {
        return "demo [--seconds N]";
    }

    @Override
    public String summary() {
        return "answer ping and UDP echo in Java on a TUN in a private namespace, with live counters";
    }

    @Override
    public String details() {
        return "Creates a private network namespace with a TUN (" + TUN_ADDRESS + ") whose packets a Java thread\n"
                + "answers: ICMP echo and UDP echo (port 7) for " + JAVA_HOST + ". Where the provider has vETH pairs, a\n"
                + "second namespace is joined to the first by one, and the traffic comes from there, forwarded by the\n"
                + "kernel. A UDP client sends one datagram at a time and a pinger pings five times a second, both\n"
                + "through the kernel. Live counters: packets and bytes on the TUN, round trips per second, and\n"
                + "round-trip time p50/p99; one updating line on a terminal, a line a second otherwise. A summary\n"
                + "at the end. Nothing is left behind: both namespaces, and the devices in them, go with the demo.\n\n"
                + "  --seconds N   how long to send traffic, 1-20 (default 5)\n\n"
                + "Needs root (or CAP_NET_ADMIN and CAP_SYS_ADMIN, for the namespaces). Changes nothing outside them.\n";
    }

    @Override
    public Set<String> valued() {
        return Set.of(SECONDS);
    }

    @Override
    public int run(Args args, Terminal terminal) throws Exception {
        args.words(0, 0, "");
        int seconds = args.intValue(SECONDS, 1, 20).orElse(5);
        Tappers.provider().require(Feature.NAMESPACES);
        boolean withVeth = Tappers.provider().supports(Feature.VETH);

        try (NetworkNamespace router = NetworkNamespace.createAnonymous();
             Tun tun = router.call(() -> Tun.create(DeviceOptions.defaults()))) { // made inside, so it lives there
            tun.addAddress(AddressRequest.parse(TUN_ADDRESS));
            tun.up();
            EchoResponder responder = new EchoResponder(tun,
                    ByteBuffer.wrap(InetAddress.getByName("198.18.0.1").getAddress()).getInt());
            Thread responderThread = new Thread(responder, "tappers-demo-responder");
            responderThread.setDaemon(true);
            responderThread.start();
            try {
                if (withVeth) {
                    try (NetworkNamespace client = NetworkNamespace.createAnonymous();
                         Veth veth = router.call(() -> Veth.create(VethOptions.defaults().withPeerNamespace(client)))) {
                        veth.end().addAddress(AddressRequest.parse(ROUTER_VETH));
                        veth.peer().addAddress(AddressRequest.parse(CLIENT_VETH));
                        veth.end().up();
                        veth.peer().up();
                        veth.peer().addRoute(Route.to(TUN_SUBNET).withGateway(InetAddress.getByName(ROUTER_ON_VETH)));
                        router.call(DemoCommand::enableForwarding);
                        String path = "from a second namespace over a vETH pair, forwarded by the kernel into " + tun.name();
                        return drive(terminal, client, tun, responder, seconds, path);
                    }
                }
                return drive(terminal, router, tun, responder, seconds, "from the TUN's own namespace (no vETH here)");
            } finally {
                tun.close(); // wakes the responder
                responderThread.join(JOIN_MS);
            }
        }
    }

    /** Turns on IPv4 forwarding; runs on the router namespace's thread, and refuses to run on any other. */
    private static Void enableForwarding() throws IOException {
        Path thread = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net"));
        Path process = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
        if (thread.equals(process)) { // would be the process's own namespace, perhaps the host's: never touch it
            throw new IllegalStateException("demo: refusing to enable forwarding outside the demo's namespace");
        }
        Files.writeString(IP_FORWARD, "1\n");
        return null;
    }

    /** Runs the client and the pinger in {@code from} for {@code seconds}, showing counters; prints the summary. */
    private static int drive(Terminal terminal, NetworkNamespace from, Tun tun, EchoResponder responder, int seconds,
                             String path) throws Exception {
        terminal.out.println("demo: " + tun.name() + " " + TUN_ADDRESS + " in a private namespace; Java answers ping"
                + " and UDP echo for " + JAVA_HOST + "; traffic " + path + " for " + seconds + " s");
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        LatencyHistogram udpRtt = new LatencyHistogram();
        LatencyHistogram pingRtt = new LatencyHistogram();
        UdpClient client = new UdpClient(deadline, udpRtt);
        Pinger pinger = new Pinger(deadline, pingRtt);
        // Threads started by a task inside the namespace live in it too: their sockets are opened there.
        Thread clientThread = from.call(() -> start(client, "tappers-demo-udp-client"));
        Thread pingerThread = from.call(() -> start(pinger, "tappers-demo-pinger"));

        long started = System.nanoTime();
        long lastTime = started;
        long lastEchoes = 0;
        long interval = terminal.interactive ? 200 : 1000;
        while (clientThread.isAlive() || pingerThread.isAlive()) {
            (clientThread.isAlive() ? clientThread : pingerThread).join(interval); // an interval, or sooner at the end
            long now = System.nanoTime();
            long echoes = client.received.get();
            double rate = (echoes - lastEchoes) * 1e9 / Math.max(1, now - lastTime);
            String line = status(now - started, responder, echoes, pinger, rate, udpRtt);
            if (terminal.interactive) {
                terminal.out.print("\r" + line + "\u001b[K"); // erase the rest of the previous, longer line
            } else {
                terminal.out.println(line);
            }
            terminal.out.flush();
            lastTime = now;
            lastEchoes = echoes;
            if (now - deadline > JOIN_MS * 1_000_000L) {
                break; // a thread ignored its deadline; do not wait for ever
            }
        }
        if (terminal.interactive) {
            terminal.out.println();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long echoes = client.received.get();
        String summary = String.format("summary: %d UDP echoes (%d lost) and %d of %d pings answered by Java through %s"
                        + " in %.1f s: %.0f round trips/s, UDP rtt p50 %s p99 %s, ping rtt p50 %s; TUN %d packets in,"
                        + " %d out, %d bytes",
                echoes, client.lost.get(), pinger.answered.get(), pinger.sent.get(), tun.name(), elapsed,
                echoes / elapsed, micros(udpRtt.percentileMicros(0.50)), micros(udpRtt.percentileMicros(0.99)),
                micros(pingRtt.percentileMicros(0.50)), responder.packetsIn.get(), responder.packetsOut.get(),
                responder.bytesIn.get() + responder.bytesOut.get());
        terminal.out.println(summary);
        Optional<Throwable> failure = Optional.ofNullable(responder.failure)
                .or(() -> Optional.ofNullable(client.failure)).or(() -> Optional.ofNullable(pinger.failure));
        if (failure.isPresent()) {
            throw new CommandException(ExitCode.FAILURE, "failed: " + failure.get());
        }
        if (echoes == 0) {
            throw new CommandException(ExitCode.FAILURE, "no UDP echo came back through " + tun.name());
        }
        return ExitCode.OK;
    }

    private static Thread start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String status(long elapsedNanos, EchoResponder r, long echoes, Pinger pinger, double rate,
                                 LatencyHistogram rtt) {
        return String.format("%4.1f s  tun: %d pkts in, %d out, %s  |  %d UDP echoes, %.0f/s  |  ping %d/%d  |  rtt p50 %s"
                        + " p99 %s",
                elapsedNanos / 1e9, r.packetsIn.get(), r.packetsOut.get(), bytes(r.bytesIn.get() + r.bytesOut.get()),
                echoes, rate, pinger.answered.get(), pinger.sent.get(), micros(rtt.percentileMicros(0.50)),
                micros(rtt.percentileMicros(0.99)));
    }

    static String micros(long us) {
        if (us < 0) {
            return "-";
        }
        return us >= LatencyHistogram.MAX_MICROS ? ">=100 ms" : us >= 1000 ? String.format("%.1f ms", us / 1000.0)
                : us + " us";
    }

    static String bytes(long n) {
        return n >= 10_000_000 ? (n / 1_000_000) + " MB" : n >= 10_000 ? (n / 1000) + " kB" : n + " B";
    }

    /** Sends one UDP datagram to the echo port at a time and times its echo, until the deadline. */
    private static final class UdpClient implements Runnable {
        private final long deadline;
        private final LatencyHistogram rtt;
        final AtomicLong received = new AtomicLong();
        final AtomicLong lost = new AtomicLong();
        volatile Throwable failure;

        UdpClient(long deadline, LatencyHistogram rtt) {
            this.deadline = deadline;
            this.rtt = rtt;
        }

        @Override
        public void run() {
            byte[] out = new byte[PAYLOAD];
            byte[] in = new byte[PAYLOAD * 2];
            ByteBuffer outView = ByteBuffer.wrap(out);
            ByteBuffer inView = ByteBuffer.wrap(in);
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.setSoTimeout(UDP_TIMEOUT_MS);
                DatagramPacket request = new DatagramPacket(out, out.length,
                        new InetSocketAddress(InetAddress.getByName(JAVA_HOST), EchoResponder.ECHO_PORT));
                DatagramPacket answer = new DatagramPacket(in, in.length);
                for (long sequence = 0; System.nanoTime() - deadline < 0; sequence++) {
                    long sent = System.nanoTime();
                    outView.putLong(0, sequence).putLong(8, sent);
                    socket.send(request);
                    if (awaitEcho(socket, answer, inView, sequence)) {
                        rtt.record(System.nanoTime() - sent);
                        received.incrementAndGet();
                    } else {
                        lost.incrementAndGet();
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }

        /** Waits for the echo of {@code sequence}, passing over late echoes of earlier ones. */
        private static boolean awaitEcho(DatagramSocket socket, DatagramPacket answer, ByteBuffer inView, long sequence)
                throws IOException {
            while (true) {
                answer.setLength(inView.capacity());
                try {
                    socket.receive(answer);
                } catch (SocketTimeoutException e) {
                    return false;
                }
                if (answer.getLength() == PAYLOAD && inView.getLong(0) == sequence) {
                    return true;
                }
            }
        }
    }

    /**
     * Pings the Java host five times a second until the deadline, with {@link InetAddress#isReachable(int)}: as
     * root the JDK sends a real ICMP echo request from a raw socket.
     */
    private static final class Pinger implements Runnable {
        private final long deadline;
        private final LatencyHistogram rtt;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong answered = new AtomicLong();
        volatile Throwable failure;

        Pinger(long deadline, LatencyHistogram rtt) {
            this.deadline = deadline;
            this.rtt = rtt;
        }

        @Override
        public void run() {
            try {
                InetAddress host = InetAddress.getByName(JAVA_HOST); // a literal: no lookup
                while (System.nanoTime() - deadline < 0) {
                    long start = System.nanoTime();
                    sent.incrementAndGet();
                    if (host.isReachable(PING_TIMEOUT_MS)) {
                        rtt.record(System.nanoTime() - start);
                        answered.incrementAndGet();
                    }
                    long rest = PING_INTERVAL_MS - (System.nanoTime() - start) / 1_000_000;
                    if (rest > 0) {
                        Thread.sleep(Math.min(rest, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }
    }
}
