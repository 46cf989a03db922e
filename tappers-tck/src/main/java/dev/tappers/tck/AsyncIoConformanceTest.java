package dev.tappers.tck;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.PacketDevice;
import dev.tappers.Poller;
import dev.tappers.Readiness;
import dev.tappers.Tun;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Conformance of event-driven I/O: readiness that is never swapped, one poller serving many devices, futures that
 * complete on it and cancel cleanly, a close that wakes every waiter within {@link #closeWakeBound()}, no
 * descriptor-reuse race, and blocking receives on virtual threads that leave their carriers free.
 * The test network's UDP sockets (kernel ones by default) are the far side; each test uses TUN devices in documentation subnets of its own.
 */
@RequiresFeature({Feature.TUN, Feature.ASYNC_IO, Feature.IPV4_ADDRESSES, Feature.SET_STATE})
public abstract class AsyncIoConformanceTest extends HermeticDeviceTest {
    /** The UDP port the Java echo side answers on. */
    private static final int ECHO_PORT = 7;

    protected AsyncIoConformanceTest() {
    }

    /** How soon a close must end every blocked or pending call (the bound). */
    protected Duration closeWakeBound() {
        return Duration.ofMillis(100);
    }

    /** How many devices the one-poller test serves. */
    protected int pollerDevices() {
        return 64;
    }

    /** How many close-while-blocked rounds the descriptor-reuse stress runs. */
    protected int closeRaceRounds() {
        return 1_000;
    }

    /** A TUN, up, with 198.18.n.1/24 of {@code s}: datagrams to other addresses of the subnet go into it. */
    final Tun upTun(TestSubnet s) throws IOException {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        tun.up();
        tun.addAddress(s.v4Request(1, 24));
        return tun;
    }

    // ---- readiness --------------------------------------------------------------------------------------------

    /**
     * A fresh TUN that is up is writable at once; readable must then fire only with a packet waiting. The kernel
     * may send an up TUN packets of its own (IPv6 router solicitations...): each readable call drains them, and a
     * call that finds nothing at all is a swapped or spurious readiness.
     */
    @Test
    void required_readinessIsNotSwapped() throws Exception {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        tun.up(); // Linux reports a TUN writable only while it is up
        tun.setNonBlocking(true);
        try (Poller poller = provider().openPoller()) {
            CountDownLatch writable = new CountDownLatch(1);
            AtomicReference<Readiness> writableSaid = new AtomicReference<>();
            poller.watch(tun, Readiness.WRITABLE, r -> {
                writableSaid.set(r.readiness());
                writable.countDown();
            });
            AtomicInteger emptyReadableCalls = new AtomicInteger();
            AtomicReference<Poller.Registration> readable = new AtomicReference<>();
            ByteBuffer buffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
            readable.set(poller.watch(tun, Readiness.READABLE, r -> {
                try {
                    buffer.clear();
                    if (r.device().receive(buffer) == 0) {
                        emptyReadableCalls.incrementAndGet();
                    }
                    while (buffer.clear() != null && r.device().receive(buffer) > 0) {
                        // drain what the kernel sent
                    }
                    r.rearm();
                } catch (IOException e) {
                    emptyReadableCalls.addAndGet(1000);
                }
            }));
            assertTrue(writable.await(packetTimeout().toMillis(), TimeUnit.MILLISECONDS),
                    "a TUN that is up and not full was not reported writable");
            assertEquals(Readiness.WRITABLE, writableSaid.get(), "the writable listener was told the wrong readiness");
            NetworkInterfaceOracle.sleep(300);
            assertEquals(0, emptyReadableCalls.get(), "the TUN was reported readable with no packet waiting");
            assertTrue(readable.get().isActive(), "a live registration is not active");
            readable.get().cancel();
            assertFalse(readable.get().isActive(), "a cancelled registration is still active");
        }
    }

    @Test
    void required_readableFiresWhenAPacketWaitsAndTheReceiveFindsIt() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = upTun(s);
        tun.setNonBlocking(true);
        byte[] payload = payload("readable", s);
        try (Poller poller = provider().openPoller(); FarSocket socket = farBind(s.v4(1))) {
            CompletableFuture<byte[]> found = new CompletableFuture<>();
            AtomicInteger emptyCalls = new AtomicInteger();
            ByteBuffer buffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
            Poller.ReadinessListener listener = r -> {
                PacketDevice d = r.device();
                try {
                    for (int reads = 0; ; reads++) {
                        buffer.clear();
                        int n = d.receive(buffer);
                        if (n == 0) {
                            if (reads == 0) {
                                emptyCalls.incrementAndGet(); // told readable, yet nothing to read
                            }
                            break;
                        }
                        byte[] packet = new byte[n];
                        buffer.flip().get(packet);
                        if (isUdpTo(packet, s, ECHO_PORT, payload)) {
                            found.complete(packet);
                            return;
                        }
                    }
                    r.rearm(); // the argument: watch() may not have returned the registration yet
                } catch (IOException e) {
                    found.completeExceptionally(e);
                }
            };
            poller.watch(tun, Readiness.READABLE, listener);
            socket.send(payload, new InetSocketAddress(s.v4(2), ECHO_PORT));
            found.get(packetTimeout().toMillis(), TimeUnit.MILLISECONDS);
            // The kernel may send the TUN packets of its own (IPv6 router solicitations...), which are read and
            // passed over; but every call must find at least one packet: one that does not is a swapped or
            // spurious readiness.
            assertEquals(0, emptyCalls.get(), "readable fired with no packet waiting");
        }
    }

    // ---- futures ----------------------------------------------------------------------------------------------

    @Test
    void required_futuresCarryPacketsBothWays() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = upTun(s);
        byte[] payload = payload("futures", s);
        try (FarSocket socket = farBind(s.v4(1))) {
            socket.send(payload, new InetSocketAddress(s.v4(2), ECHO_PORT));
            byte[] packet = receiveMatching(tun, p -> isUdpTo(p, s, ECHO_PORT, payload));
            Ipv4Packet request = Ipv4Packet.parse(packet);
            UdpDatagram udp = request.udp().orElseThrow();
            byte[] reply = Ipv4Packet.udp(request.destination(), request.source(),
                    new UdpDatagram(udp.destinationPort(), udp.sourcePort(), udp.payload())).toBytes();
            ByteBuffer out = ByteBuffer.allocateDirect(reply.length).put(reply).flip();
            int sent = tun.sendAsync(out).get(packetTimeout().toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(reply.length, sent, "sendAsync's count");
            assertEquals(out.limit(), out.position(), "sendAsync did not move the position to the limit");
            FarSocket.Datagram echoed = socket.receive(packetTimeout()).orElseThrow(() ->
                    new AssertionError("the datagram sent with sendAsync did not reach the far side"));
            assertArrayEquals(payload, echoed.data(), "the echoed datagram");
        }
    }

    @Test
    void required_aCancelledReceiveTakesNoPacket() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = track(provider().createTun(DeviceOptions.defaults())); // down: nothing arrives before the cancel
        ByteBuffer cancelledBuffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
        CompletableFuture<Integer> cancelled = tun.receiveAsync(cancelledBuffer);
        assertTrue(cancelled.cancel(false), "cancelling a pending receive failed");
        assertThrows(CancellationException.class, cancelled::join);
        tun.up();
        tun.addAddress(s.v4Request(1, 24));
        byte[] payload = payload("after cancel", s);
        try (FarSocket socket = farBind(s.v4(1))) {
            socket.send(payload, new InetSocketAddress(s.v4(2), ECHO_PORT));
            receiveMatching(tun, p -> isUdpTo(p, s, ECHO_PORT, payload));
        }
        assertEquals(0, cancelledBuffer.position(), "the cancelled receive wrote into its buffer");
    }

    /** A receive future that timed out (orTimeout) is out of the queue: the next packet goes to the next receive. */
    @Test
    void required_aTimedOutReceiveTakesNoPacket() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = track(provider().createTun(DeviceOptions.defaults())); // down: nothing arrives before the timeout
        ByteBuffer timedOutBuffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
        CompletableFuture<Integer> timedOut = tun.receiveAsync(timedOutBuffer).orTimeout(20, TimeUnit.MILLISECONDS);
        ExecutionException e = assertThrows(ExecutionException.class, () -> timedOut.get(5, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause(), "how the timed-out receive ended");
        tun.up();
        tun.addAddress(s.v4Request(1, 24));
        byte[] payload = payload("after timeout", s);
        try (FarSocket socket = farBind(s.v4(1))) {
            socket.send(payload, new InetSocketAddress(s.v4(2), ECHO_PORT));
            receiveMatching(tun, p -> isUdpTo(p, s, ECHO_PORT, payload));
        }
        assertEquals(0, timedOutBuffer.position(), "the timed-out receive wrote into its buffer");
    }

    /**
     * A packet too large for the first future's buffer is kept (PacketTooLargeException) and then completes the
     * next future: it waits in user space, where the descriptor's readiness cannot show it.
     */
    @Test
    void required_aPacketKeptAfterTooLargeCompletesTheNextFuture() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = upTun(s);
        byte[] payload = payload("kept " + "x".repeat(300), s);
        try (FarSocket socket = farBind(s.v4(1))) {
            socket.send(payload, new InetSocketAddress(s.v4(2), ECHO_PORT));
            long deadline = System.nanoTime() + packetTimeout().toNanos();
            while (System.nanoTime() - deadline < 0) {
                ByteBuffer small = ByteBuffer.allocateDirect(100);
                try {
                    tun.receiveAsync(small).get(packetTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    continue; // a short packet of the kernel's own
                } catch (ExecutionException e) {
                    assertInstanceOf(dev.tappers.PacketTooLargeException.class, e.getCause(), "a too-small buffer");
                }
                ByteBuffer big = ByteBuffer.allocateDirect(tun.maxPacketSize());
                int n = tun.receiveAsync(big).get(packetTimeout().toMillis(), TimeUnit.MILLISECONDS);
                byte[] packet = new byte[n];
                big.flip().get(packet);
                if (isUdpTo(packet, s, ECHO_PORT, payload)) {
                    return;
                }
            }
            fail("the kept datagram never completed a future");
        }
    }

    @Test
    void required_anInvalidPacketGivesAFailedFutureAtOnce() throws Exception {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        CompletableFuture<Integer> f = tun.sendAsync(ByteBuffer.wrap(new byte[] {0x00, 1, 2, 3}));
        assertTrue(f.isCompletedExceptionally(), "a non-IP packet was accepted by sendAsync");
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        assertInstanceOf(IllegalArgumentException.class, e.getCause(), "the failure of a non-IP packet");
    }

    // ---- one poller, many devices ------------------------------------------------------------------------------

    @Test
    void required_onePollerServesManyDevicesWithoutLossOrMixUp() throws Exception {
        int devices = pollerDevices();
        int perDevice = 4;
        String nonce = nonce();
        List<TestSubnet> subnets = new ArrayList<>();
        List<Tun> tuns = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            TestSubnet s = TestSubnet.next();
            subnets.add(s);
            tuns.add(upTun(s));
        }
        Set<String> pollerThreads = ConcurrentHashMap.newKeySet();
        Map<Integer, List<String>> seenByDevice = new ConcurrentHashMap<>();
        AtomicReference<Throwable> serverFailure = new AtomicReference<>();
        List<FarSocket> sockets = new ArrayList<>();
        try (Poller poller = provider().openPoller()) {
            for (int i = 0; i < devices; i++) {
                new Echo(poller, tuns.get(i), i, nonce, pollerThreads, seenByDevice, serverFailure).next();
            }
            for (int i = 0; i < devices; i++) {
                FarSocket socket = farBind(subnets.get(i).v4(1));
                sockets.add(socket);
                for (int j = 0; j < perDevice; j++) {
                    byte[] data = (nonce + ":" + i + ":" + j).getBytes(StandardCharsets.US_ASCII);
                    socket.send(data, new InetSocketAddress(subnets.get(i).v4(2), ECHO_PORT));
                }
            }
            int answered = 0;
            for (int i = 0; i < devices; i++) {
                Set<String> echoes = new HashSet<>();
                FarSocket socket = sockets.get(i);
                while (echoes.size() < perDevice) {
                    Optional<FarSocket.Datagram> got = socket.receive(packetTimeout());
                    if (got.isEmpty()) {
                        fail("device " + i + " (" + tuns.get(i).name() + ") answered " + echoes.size() + " of "
                                + perDevice + " datagrams; server failure: " + serverFailure.get());
                    }
                    String text = new String(got.get().data(), StandardCharsets.US_ASCII);
                    assertTrue(text.startsWith(nonce + ":" + i + ":"), "socket " + i + " got an echo meant for another: " + text);
                    assertTrue(echoes.add(text), "a duplicate echo: " + text);
                }
                answered += echoes.size();
            }
            assertEquals(devices * perDevice, answered, "echoes counted");
        } finally {
            for (FarSocket socket : sockets) {
                socket.close();
            }
        }
        assertEquals(null, serverFailure.get(), "the echo side failed");
        for (int i = 0; i < devices; i++) {
            List<String> seen = seenByDevice.getOrDefault(i, List.of());
            assertEquals(perDevice, seen.size(), "datagrams device " + i + " received: " + seen);
            for (String text : seen) {
                assertTrue(text.startsWith(nonce + ":" + i + ":"), "device " + i + " received a datagram meant for another: " + text);
            }
        }
        // A stage attached to a future that is already complete runs on the attaching thread (here, this one for
        // the first receive of each device): every other completion must come from the single poller thread.
        pollerThreads.remove(Thread.currentThread().getName());
        assertEquals(1, pollerThreads.size(), "the futures completed on more than one thread: " + pollerThreads);
    }

    /** Receives on one device through the poller and answers every UDP datagram to the echo port. */
    private final class Echo {
        private final Poller poller;
        private final Tun tun;
        private final int index;
        private final String nonce;
        private final Set<String> threads;
        private final Map<Integer, List<String>> seen;
        private final AtomicReference<Throwable> failure;
        private final ByteBuffer rx;

        Echo(Poller poller, Tun tun, int index, String nonce, Set<String> threads, Map<Integer, List<String>> seen,
             AtomicReference<Throwable> failure) {
            this.poller = poller;
            this.tun = tun;
            this.index = index;
            this.nonce = nonce;
            this.threads = threads;
            this.seen = seen;
            this.failure = failure;
            this.rx = ByteBuffer.allocateDirect(tun.maxPacketSize());
        }

        void next() {
            rx.clear();
            poller.receive(tun, rx).whenComplete((n, error) -> {
                threads.add(Thread.currentThread().getName());
                if (error != null) {
                    if (!(error instanceof ClosedChannelException)) {
                        failure.compareAndSet(null, error);
                    }
                    return;
                }
                byte[] packet = new byte[n];
                rx.flip().get(packet);
                Optional<Ipv4Packet> ip = Ipv4Packet.tryParse(packet);
                Optional<UdpDatagram> udp = ip.flatMap(Ipv4Packet::udp).filter(u -> u.destinationPort() == ECHO_PORT);
                if (udp.isPresent()) {
                    String text = new String(udp.get().payload(), StandardCharsets.US_ASCII);
                    if (text.startsWith(nonce)) {
                        seen.computeIfAbsent(index, k -> Collections.synchronizedList(new ArrayList<>())).add(text);
                    }
                    byte[] reply = Ipv4Packet.udp(ip.get().destination(), ip.get().source(),
                            new UdpDatagram(ECHO_PORT, udp.get().sourcePort(), udp.get().payload())).toBytes();
                    poller.send(tun, ByteBuffer.wrap(reply)).whenComplete((sent, sendError) -> {
                        if (sendError != null && !(sendError instanceof ClosedChannelException)) {
                            failure.compareAndSet(null, sendError);
                        }
                    });
                }
                next();
            });
        }
    }

    // ---- close -------------------------------------------------------------------------------------------------

    @Test
    void required_closeWakesBlockedAndPendingCallsPromptly() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = upTun(s);
        Blocked blocked = Blocked.start(tun, 2);
        PendingReceive pending = PendingReceive.start(tun);
        blocked.awaitStarted();
        NetworkInterfaceOracle.sleep(50); // let them reach the wait
        long closedAt = System.nanoTime();
        tun.close();
        blocked.assertAllClosedWithin(closedAt, closeWakeBound());
        pending.assertClosedWithin(closedAt, closeWakeBound());
        tun.close(); // twice is harmless
        CompletableFuture<Integer> afterClose = tun.receiveAsync(ByteBuffer.allocate(tun.maxPacketSize()));
        ExecutionException e = assertThrows(ExecutionException.class, () -> afterClose.get(1, TimeUnit.SECONDS));
        assertInstanceOf(ClosedChannelException.class, e.getCause(), "receiveAsync after close");
    }

    @Test
    void required_closingThePollerFailsItsPendingFutures() throws Exception {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        Poller poller = provider().openPoller();
        CompletableFuture<Integer> pending = poller.receive(tun, ByteBuffer.allocateDirect(tun.maxPacketSize()));
        CompletableFuture<Long> pendingDone = completionTime(pending);
        long closedAt = System.nanoTime();
        poller.close();
        assertClosedWithin(pending, pendingDone, closedAt, closeWakeBound());
        assertFalse(poller.isOpen(), "a closed poller says it is open");
        assertTrue(tun.isOpen(), "closing the poller closed the device");
        poller.close();
    }

    /**
     * The descriptor-reuse race, {@link #closeRaceRounds()} times: threads blocked in receive (a platform thread
     * and a future) on one device, a close from another thread and, at once, a new device, which often gets the
     * closed descriptor's number. Every blocked call ends with a closed error within the bound, and no packet
     * meant for the new device is read through the old object.
     */
    @Test
    void required_closeRacesNoDescriptorReuse() throws Exception {
        TestSubnet[] subnets = {TestSubnet.next(), TestSubnet.next()};
        int rounds = closeRaceRounds();
        long worstNanos = 0;
        Tun old = upTun(subnets[0]);
        for (int round = 1; round <= rounds; round++) {
            Blocked blocked = Blocked.start(old, 1);
            PendingReceive pending = PendingReceive.start(old);
            blocked.awaitStarted();
            Tun closing = old;
            CountDownLatch go = new CountDownLatch(1);
            AtomicLong closedAt = new AtomicLong();
            Thread closer = new Thread(() -> {
                try {
                    go.await();
                    closedAt.set(System.nanoTime());
                    closing.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "closer-" + round);
            closer.start();
            go.countDown();
            TestSubnet next = subnets[round % 2];
            Tun fresh = upTun(next); // may well get the number the closer just released
            closer.join(packetTimeout().toMillis());
            worstNanos = Math.max(worstNanos, blocked.assertAllClosedWithin(closedAt.get(), closeWakeBound()));
            worstNanos = Math.max(worstNanos, pending.assertClosedWithin(closedAt.get(), closeWakeBound()));
            byte[] payload = payload("round " + round, next);
            try (FarSocket sender = farBind(next.v4(1))) { // the fresh TUN's own address, as a route would pick
                sender.send(payload, new InetSocketAddress(next.v4(2), ECHO_PORT));
            }
            receiveMatching(fresh, p -> isUdpTo(p, next, ECHO_PORT, payload));
            old = fresh;
        }
        System.out.printf("close race: %d rounds, slowest wake-up %.1f ms%n", rounds, worstNanos / 1e6);
    }

    // ---- virtual threads ---------------------------------------------------------------------------------------

    /**
     * More virtual threads blocked in receive than there are carrier threads, while other virtual threads still
     * run; then packets for half of them arrive, and a close ends the rest within the bound.
     */
    @Test
    void required_blockedVirtualThreadsLeaveTheirCarriersFree() throws Exception {
        Assumptions.assumeTrue(VirtualThreadSupport.available(), "virtual threads need Java 21 or later; this is "
                + Runtime.version());
        int blockedCount = VirtualThreadSupport.carriers() * 4 + 2;
        List<TestSubnet> subnets = new ArrayList<>();
        List<Tun> tuns = new ArrayList<>();
        for (int i = 0; i < blockedCount; i++) {
            TestSubnet s = TestSubnet.next();
            subnets.add(s);
            tuns.add(upTun(s));
        }
        String nonce = nonce();
        List<CompletableFuture<Object>> outcomes = new ArrayList<>();
        List<AtomicLong> endedAt = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(blockedCount);
        for (int i = 0; i < blockedCount; i++) {
            Tun tun = tuns.get(i);
            TestSubnet s = subnets.get(i);
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            AtomicLong ended = new AtomicLong();
            outcomes.add(outcome);
            endedAt.add(ended);
            VirtualThreadSupport.start(() -> {
                started.countDown();
                ByteBuffer buffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
                try {
                    while (true) {
                        buffer.clear();
                        int n = tun.receive(buffer);
                        byte[] packet = new byte[n];
                        buffer.flip().get(packet);
                        if (isUdpTo(packet, s, ECHO_PORT, (nonce + s.number()).getBytes(StandardCharsets.US_ASCII))) {
                            outcome.complete(packet);
                            return;
                        }
                    }
                } catch (Throwable t) {
                    ended.set(System.nanoTime());
                    outcome.complete(t);
                }
            });
        }
        assertTrue(started.await(packetTimeout().toMillis(), TimeUnit.MILLISECONDS), "the virtual threads did not start");
        NetworkInterfaceOracle.sleep(200); // let every one of them block in receive

        // With every carrier held by a blocked receive, these would never run.
        int workers = 100;
        CountDownLatch progressed = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            VirtualThreadSupport.start(progressed::countDown);
        }
        assertTrue(progressed.await(packetTimeout().toMillis(), TimeUnit.MILLISECONDS), (workers - progressed.getCount())
                + " of " + workers + " virtual threads ran while " + blockedCount + " were blocked in receive on "
                + VirtualThreadSupport.carriers() + " carriers: the blocked ones hold their carriers");

        int half = blockedCount / 2;
        List<FarSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < half; i++) {
                TestSubnet s = subnets.get(i);
                byte[] data = (nonce + s.number()).getBytes(StandardCharsets.US_ASCII);
                FarSocket socket = farBind(s.v4(1));
                sockets.add(socket);
                socket.send(data, new InetSocketAddress(s.v4(2), ECHO_PORT));
            }
            for (int i = 0; i < half; i++) {
                Object result = outcomes.get(i).get(packetTimeout().toMillis(), TimeUnit.MILLISECONDS);
                assertInstanceOf(byte[].class, result, "virtual thread " + i + " did not receive its packet: " + result);
            }
        } finally {
            for (FarSocket socket : sockets) {
                socket.close();
            }
        }
        long[] closedAt = new long[blockedCount];
        for (int i = half; i < blockedCount; i++) {
            closedAt[i] = System.nanoTime();
            tuns.get(i).close();
        }
        for (int i = half; i < blockedCount; i++) {
            Object result = outcomes.get(i).get(packetTimeout().toMillis(), TimeUnit.MILLISECONDS);
            assertInstanceOf(ClosedChannelException.class, result, "virtual thread " + i + " after close");
            long took = endedAt.get(i).get() - closedAt[i];
            assertTrue(took <= closeWakeBound().toNanos(), "virtual thread " + i + " woke " + took / 1_000_000
                    + " ms after close began; the bound is " + closeWakeBound().toMillis() + " ms");
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /**
     * A chain of {@code receiveAsync} futures on one device that passes over the kernel's own packets (IPv6
     * solicitations) and ends at the first error, or at a test datagram, which must never come to a device
     * being closed.
     */
    static final class PendingReceive {
        private final CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        private final AtomicLong endedAt = new AtomicLong();
        private final Tun tun;
        private final ByteBuffer buffer;

        private PendingReceive(Tun tun) {
            this.tun = tun;
            this.buffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
        }

        static PendingReceive start(Tun tun) {
            PendingReceive p = new PendingReceive(tun);
            p.next();
            return p;
        }

        private void next() {
            buffer.clear();
            tun.receiveAsync(buffer).whenComplete((n, error) -> {
                if (error != null) {
                    endedAt.set(System.nanoTime());
                    outcome.complete(error);
                    return;
                }
                Optional<Ipv4Packet> ip = Ipv4Packet.tryParse(buffer.flip());
                if (ip.flatMap(Ipv4Packet::udp).isPresent()) {
                    endedAt.set(System.nanoTime());
                    outcome.complete(new AssertionError("receiveAsync returned a datagram from " + tun
                            + " that was meant for another device: " + ip.get()));
                } else {
                    next();
                }
            });
        }

        /** Asserts the chain ended with a closed error within {@code bound} of {@code closedAt}; returns the time. */
        long assertClosedWithin(long closedAt, Duration bound) throws Exception {
            Throwable t;
            try {
                t = outcome.get(5, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("a pending receiveAsync was not completed within 5 s of close", e);
            }
            if (!(t instanceof ClosedChannelException) && !(t instanceof CancellationException)) {
                throw new AssertionError("a pending receiveAsync ended with " + t + " after close, not a "
                        + "ClosedChannelException or a cancellation", t);
            }
            long took = endedAt.get() - closedAt;
            assertTrue(took <= bound.toNanos(), "a pending receiveAsync was failed " + took / 1_000_000
                    + " ms after close began; the bound is " + bound.toMillis() + " ms");
            return took;
        }
    }

    /** Platform threads blocked in receive on one device, recording how and when each ended. */
    static final class Blocked {
        private final List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
        private final List<AtomicLong> endedAt = new ArrayList<>();
        private final CountDownLatch started;

        private Blocked(int count) {
            started = new CountDownLatch(count);
        }

        static Blocked start(Tun tun, int count) {
            Blocked b = new Blocked(count);
            for (int i = 0; i < count; i++) {
                CompletableFuture<Throwable> outcome = new CompletableFuture<>();
                AtomicLong ended = new AtomicLong();
                b.outcomes.add(outcome);
                b.endedAt.add(ended);
                Thread t = new Thread(() -> {
                    b.started.countDown();
                    ByteBuffer buffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
                    try {
                        while (true) { // past the kernel's own packets (IPv6 solicitations), but no test datagram
                            buffer.clear();
                            int n = tun.receive(buffer);
                            Optional<Ipv4Packet> ip = Ipv4Packet.tryParse(buffer.flip());
                            if (ip.flatMap(Ipv4Packet::udp).isPresent()) {
                                ended.set(System.nanoTime());
                                outcome.complete(new AssertionError("receive returned a datagram of " + n
                                        + " bytes from " + tun + " that was meant for another device: " + ip.get()));
                                return;
                            }
                        }
                    } catch (Throwable e) {
                        ended.set(System.nanoTime());
                        outcome.complete(e);
                    }
                }, "blocked-receive-" + i);
                t.setDaemon(true);
                t.start();
            }
            return b;
        }

        void awaitStarted() throws InterruptedException {
            assertTrue(started.await(5, TimeUnit.SECONDS), "the receiving threads did not start");
        }

        /** Asserts each ended with a closed error within {@code bound} of {@code closedAt}; returns the slowest. */
        long assertAllClosedWithin(long closedAt, Duration bound) throws Exception {
            long worst = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                Throwable t;
                try {
                    t = outcomes.get(i).get(5, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("a receive blocked on a closed device did not end within 5 s", e);
                }
                if (!(t instanceof ClosedChannelException)) {
                    throw new AssertionError("a receive blocked during close ended with " + t
                            + ", not a ClosedChannelException", t);
                }
                long took = endedAt.get(i).get() - closedAt;
                worst = Math.max(worst, took);
                assertTrue(took <= bound.toNanos(), "a blocked receive ended " + took / 1_000_000 + " ms after close "
                        + "began; the bound is " + bound.toMillis() + " ms");
            }
            return worst;
        }
    }

    /** Records when {@code future} completes, however it does. */
    private static CompletableFuture<Long> completionTime(CompletableFuture<?> future) {
        return future.handle((r, e) -> System.nanoTime());
    }

    /** Asserts a pending future ended with a closed error, or was cancelled, within {@code bound} of the close. */
    private static void assertClosedWithin(CompletableFuture<?> pending, CompletableFuture<Long> doneAt, long closedAt,
                                           Duration bound)
            throws Exception {
        try {
            pending.get(5, TimeUnit.SECONDS);
            fail("a pending receive completed normally after close");
        } catch (ExecutionException e) {
            assertInstanceOf(ClosedChannelException.class, e.getCause(), "how a pending receive ended after close");
        } catch (CancellationException e) {
            // a cancelled future is the other outcome the contract allows
        } catch (TimeoutException e) {
            throw new AssertionError("a pending receive future was not completed within 5 s of close", e);
        }
        long took = doneAt.get(5, TimeUnit.SECONDS) - closedAt;
        assertTrue(took <= bound.toNanos(), "a pending receive was failed " + took / 1_000_000 + " ms after close "
                + "began; the bound is " + bound.toMillis() + " ms");
    }

    /** Receives (blocking, bounded by a watchdog close) until a packet matching {@code wanted} arrives. */
    final byte[] receiveMatching(Tun tun, java.util.function.Predicate<byte[]> wanted) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
        long deadline = System.nanoTime() + packetTimeout().toNanos();
        while (System.nanoTime() - deadline < 0) {
            buffer.clear();
            Integer n;
            try {
                n = tun.receiveAsync(buffer).get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                break;
            }
            byte[] packet = new byte[n];
            buffer.flip().get(packet);
            if (wanted.test(packet)) {
                return packet;
            }
        }
        throw new AssertionError("the expected packet did not arrive on " + tun.name() + " within "
                + packetTimeout().toMillis() + " ms");
    }

    static boolean isUdpTo(byte[] packet, TestSubnet s, int port, byte[] payload) {
        return Ipv4Packet.tryParse(packet)
                .filter(ip -> ip.destination().equals(s.v4(2)))
                .flatMap(Ipv4Packet::udp)
                .filter(u -> u.destinationPort() == port && java.util.Arrays.equals(u.payload(), payload))
                .isPresent();
    }

    static byte[] payload(String what, TestSubnet s) {
        return (what + " " + s.number() + " " + nonce()).getBytes(StandardCharsets.US_ASCII);
    }

    private static void assertArrayEquals(byte[] expected, byte[] actual, String what) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, what);
    }
}
