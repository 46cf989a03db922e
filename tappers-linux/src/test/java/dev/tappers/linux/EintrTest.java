package dev.tappers.linux;

import dev.tappers.tck.report.ReliabilityFigures;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Poller;
import dev.tappers.Readiness;
import dev.tappers.Tun;
import dev.tappers.linux.jna.ThreadSignals;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EINTR for real: signals arrive while a platform thread is blocked in a receive (poll(2)) and while the shared
 * poller's thread waits in epoll_wait(2) for a pending {@code receiveAsync}. Neither call is restarted by the
 * kernel after a signal handler ran, SA_RESTART or not (signal(7), "Interruption of system calls"), so each signal
 * makes the wait return EINTR; the library must wait again rather than fail. A Java handler for SIGWINCH (harmless:
 * the terminal-resized signal) counts the deliveries; {@code tgkill} aims each signal at the one waiting thread.
 * Afterwards, both calls still get the packet the kernel sends, with no exception.
 */
class EintrTest {
    private static final int SIGNALS = 300;
    private static final InetAddress LOCAL = address("198.18.12.1");
    private static final InetSocketAddress PEER = new InetSocketAddress(address("198.18.12.2"), 9);

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    @Test
    void blockedReceiveAndThePollerThreadWaitAgainAfterSignals() throws Exception {
        Signal winch = new Signal("WINCH");
        AtomicInteger deliveries = new AtomicInteger();
        SignalHandler previous = Signal.handle(winch, s -> deliveries.incrementAndGet());
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults())) { // blocking
            boolean quiet = disableIpv6(tun.name().value()); // no neighbour discovery to wake the receive early
            tun.addAddress(AddressRequest.of(LOCAL, 24));
            tun.up();
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOCAL, 0))) {
                exchange(tun, socket, winch, deliveries, quiet);
            }
        } finally {
            Signal.handle(winch, previous);
        }
    }

    private static void exchange(Tun tun, DatagramSocket socket, Signal winch, AtomicInteger deliveries,
                                 boolean quiet) throws Exception {
        {

            // 1. A platform thread blocked in receive: poll(2) on the device and its wake-up eventfd.
            AtomicInteger receiverTid = new AtomicInteger();
            CompletableFuture<Object> received = new CompletableFuture<>();
            Thread receiver = new Thread(() -> {
                receiverTid.set(ThreadSignals.currentTid());
                ByteBuffer rx = ByteBuffer.allocateDirect(tun.maxPacketSize());
                try {
                    for (int i = 0; i < 100; i++) { // skips anything but our datagram (IPv6 noise if still on)
                        rx.clear();
                        int n = tun.receive(rx);
                        if (isOurs(rx, n, "blocked-receive")) {
                            received.complete(n);
                            return;
                        }
                    }
                    received.complete(new AssertionError("our datagram never came"));
                } catch (Throwable t) {
                    received.complete(t);
                }
            }, "eintr-receiver");
            receiver.setDaemon(true);
            receiver.start();
            String receiverWait = awaitSleepingIn(receiverTid, "poll");
            int before = deliveries.get();
            signal(receiverTid.get(), winch.getNumber());
            int toReceiver = awaitDeliveries(deliveries, before);
            assertFalse(received.isDone(), () -> "the receive returned during the signals: " + received.join());
            assertTrue(toReceiver > 0, "the handler ran: the signals reached the thread in poll");
            send(socket, "blocked-receive");
            Object outcome = received.get(5, TimeUnit.SECONDS);
            assertTrue(outcome instanceof Integer, () -> "the blocked receive failed: " + outcome);
            receiver.join(5000);

            // 2. The shared poller's thread in epoll_wait, a receiveAsync pending. Its thread id comes from a
            // listener, which runs on that thread (a TUN is always writable, so it runs at once).
            AtomicInteger pollerTid = new AtomicInteger();
            CompletableFuture<Void> listened = new CompletableFuture<>();
            Poller.Registration registration = LinuxPoller.shared().watch(tun, Readiness.WRITABLE, r -> {
                pollerTid.set(ThreadSignals.currentTid());
                listened.complete(null);
            });
            listened.get(5, TimeUnit.SECONDS);
            registration.cancel();
            ByteBuffer asyncBuffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
            CompletableFuture<Integer> pending = receiveOurs(tun, asyncBuffer, "pending-async", 100);
            String pollerWait = awaitSleepingIn(pollerTid, "poll");
            before = deliveries.get();
            signal(pollerTid.get(), winch.getNumber());
            int toPoller = awaitDeliveries(deliveries, before);
            assertTrue(toPoller > 0, "the handler ran: the signals reached the poller thread in epoll_wait");
            assertFalse(pending.isDone(), () -> "the future completed during the signals: " + pending);
            send(socket, "pending-async");
            int n = pending.get(5, TimeUnit.SECONDS);
            assertTrue(n > 28, "the datagram's packet: " + n);
            // The poller still serves later requests: its loop went on after the interrupted waits.
            CompletableFuture<Integer> next = receiveOurs(tun, asyncBuffer, "after-signals", 100);
            send(socket, "after-signals");
            assertTrue(next.get(5, TimeUnit.SECONDS) > 28);

            System.out.printf("EINTR: %d signals to the receiving thread (in %s), handler ran %d times; %d to the"
                    + " poller thread (in %s), handler ran %d times; IPv6 off: %s%n", SIGNALS, receiverWait,
                    toReceiver, SIGNALS, pollerWait, toPoller, quiet);
            ReliabilityFigures.record("Eintr", "SIGWINCH (a Java handler) sent with tgkill to a platform thread"
                    + " blocked in receive (poll) and to the shared poller thread (epoll_wait) with a receiveAsync"
                    + " pending; then the kernel sends the packet", String.format("%d signals to each: the"
                    + " handler counted %d deliveries to the receiving thread (kernel wait: %s) and %d to the poller"
                    + " thread (%s; standard signals pending at once merge into one); the blocked receive and the"
                    + " pending future then got their packet; 0 exceptions. A blocked send is not covered: a TUN/TAP"
                    + " write never waits", SIGNALS, toReceiver, receiverWait, toPoller, pollerWait));
        }
    }

    /** A receiveAsync that skips packets other than our datagram, up to {@code tries}. */
    private static CompletableFuture<Integer> receiveOurs(Tun tun, ByteBuffer rx, String marker, int tries) {
        rx.clear();
        return tun.receiveAsync(rx).thenCompose(n -> {
            if (isOurs(rx, n, marker)) {
                return CompletableFuture.completedFuture(n);
            }
            if (tries == 0) {
                return CompletableFuture.failedFuture(new AssertionError("no " + marker + " datagram"));
            }
            return receiveOurs(tun, rx, marker, tries - 1);
        });
    }

    /** An IPv4 UDP packet (no options) whose payload is {@code marker}. */
    private static boolean isOurs(ByteBuffer rx, int n, String marker) {
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        if (n != 28 + m.length || (rx.get(0) >> 4) != 4 || rx.get(9) != 17) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (rx.get(28 + i) != m[i]) {
                return false;
            }
        }
        return true;
    }

    private static void send(DatagramSocket socket, String marker) throws IOException {
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(m, m.length, PEER));
    }

    /** Sends the signals spread over about half a second, so most land while the thread waits again. */
    private static void signal(int tid, int number) throws Exception {
        for (int i = 0; i < SIGNALS; i++) {
            ThreadSignals.send(tid, number);
            if (i % 3 == 0) {
                Thread.sleep(5);
            }
        }
    }

    /** Waits until the count stops growing (the JVM runs Java handlers on its own dispatcher thread). */
    private static int awaitDeliveries(AtomicInteger deliveries, int before) throws InterruptedException {
        int last = -1;
        for (int i = 0; i < 100 && deliveries.get() != last; i++) {
            last = deliveries.get();
            Thread.sleep(20);
        }
        return deliveries.get() - before;
    }

    /** Waits (up to 5 s) until the thread sleeps in a kernel function whose name contains {@code what}. */
    private static String awaitSleepingIn(AtomicInteger tid, String what) throws Exception {
        String wchan = "";
        for (int i = 0; i < 500; i++) {
            if (tid.get() != 0) {
                wchan = ThreadSignals.waitChannel(tid.get());
                if (wchan.contains(what)) {
                    return wchan;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("thread " + tid.get() + " never slept in " + what + " (wchan " + wchan + ")");
    }

    /** Turns IPv6 off on the interface (its sysctl in this namespace), so the kernel sends nothing unasked. */
    private static boolean disableIpv6(String name) {
        try {
            Files.writeString(Path.of("/proc/sys/net/ipv6/conf", name, "disable_ipv6"), "1");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
