package dev.tappers.tck;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.MultiQueue;
import dev.tappers.PacketDevice;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.tck.packets.ArpPacket;
import dev.tappers.tck.packets.Ipv4Packet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Conformance of multi-queue devices ({@link Feature#MULTI_QUEUE}): N descriptors on one interface, the kernel
 * spreading flows over the attached queues with every packet on exactly one queue, detach and attach, and a
 * close that takes the interface with it.
 *
 * <pre>{@code
 * class LinuxMultiQueueConformanceTest extends MultiQueueConformanceTest {
 *     protected TappersProvider provider() { return new LinuxTappersProvider(); }
 * }
 * }</pre>
 */
@RequiresFeature({Feature.MULTI_QUEUE, Feature.TUN})
public abstract class MultiQueueConformanceTest extends HermeticDeviceTest {
    /** The multi-queue device's own address; datagrams go to another host of its /26. */
    static final AddressRequest OWN_V4 = AddressRequest.parse("198.18.250.65/26");
    static final InetAddress TARGET_V4 = RouteConformanceTest.ip("198.18.250.66");
    static final AddressRequest TAP_V4 = AddressRequest.parse("198.18.250.129/26");
    static final InetAddress TAP_NEIGHBOUR = RouteConformanceTest.ip("198.18.250.130");
    static final int PORT = 40_066;
    /** How long to keep receiving after the last expected packet, so that a copy on a second queue would show. */
    static final Duration SETTLE = Duration.ofMillis(300);

    protected MultiQueueConformanceTest() {
    }

    // ---- shape and lifetime ---------------------------------------------------------------------------------

    @Test
    @RequiresFeature(Feature.CHOOSE_NAME)
    void required_queuesShareOneInterface() throws IOException {
        String name = freshName("tckmq");
        MultiQueue<Tun> mq = track(provider().createMultiQueueTun(DeviceOptions.named(name), 4));
        List<Tun> queues = mq.queues();
        assertEquals(4, queues.size(), "queues()");
        int index = queues.get(0).index();
        for (int i = 0; i < queues.size(); i++) {
            Tun q = queues.get(i);
            assertEquals(InterfaceName.of(name), q.name(), "the name of queue " + i);
            assertEquals(index, q.index(), "the index of queue " + i);
            assertTrue(q.isOpen(), "queue " + i + " is not open");
            for (int j = 0; j < i; j++) {
                assertNotSame(queues.get(j), q, "queues " + j + " and " + i + " are the same object");
            }
        }
        assertTrue(NetworkInterfaceOracle.exists(name), name + " does not exist for the system");
        assertThrows(UnsupportedOperationException.class, () -> queues.remove(0), "queues() is modifiable");
    }

    @Test
    @RequiresFeature(Feature.GET_MTU)
    void required_closingOneQueueKeepsTheInterfaceAndClosingAllRemovesIt() throws IOException {
        MultiQueue<Tun> mq = track(provider().createMultiQueueTun(DeviceOptions.defaults(), 3));
        String name = mq.queues().get(0).name().value();
        mq.queues().get(2).close();
        assertFalse(mq.queues().get(2).isOpen(), "queue 2 is open after its close()");
        assertTrue(NetworkInterfaceOracle.exists(name), name + " went away when one of three queues was closed");
        mq.queues().get(1).mtu(); // the remaining queues still configure the interface
        mq.close();
        for (int i = 0; i < 3; i++) {
            assertFalse(mq.queues().get(i).isOpen(), "queue " + i + " is open after the multi-queue device was closed");
        }
        NetworkInterfaceOracle.eventually(() -> !NetworkInterfaceOracle.exists(name),
                () -> name + " still exists after its multi-queue device was closed");
        mq.close(); // closing twice is harmless
    }

    @Test
    void required_closedMultiQueueRefusesDetachAndAttach() throws IOException {
        MultiQueue<Tun> mq = track(provider().createMultiQueueTun(DeviceOptions.defaults(), 2));
        mq.close();
        assertThrows(ClosedChannelException.class, () -> mq.detach(1), "detach after close");
        assertThrows(ClosedChannelException.class, () -> mq.attach(1), "attach after close");
    }

    @Test
    @RequiresFeature({Feature.PERSISTENCE, Feature.CHOOSE_NAME})
    void required_deleteRemovesAPersistentDeviceAndClosesEveryQueue() throws IOException {
        String name = freshName("tckmd");
        MultiQueue<Tun> mq = track(provider().createMultiQueueTun(DeviceOptions.named(name).withPersistent(true), 3));
        assertTrue(NetworkInterfaceOracle.exists(name), name + " does not exist for the system");
        mq.delete();
        for (int i = 0; i < 3; i++) {
            assertFalse(mq.queues().get(i).isOpen(), "queue " + i + " is open after delete()");
        }
        NetworkInterfaceOracle.eventually(() -> !NetworkInterfaceOracle.exists(name),
                () -> "the persistent " + name + " still exists after delete()");
        assertThrows(ClosedChannelException.class, mq::delete, "delete after delete");
        mq.close(); // closing after delete is harmless
    }

    /** With the first queue closed the others must still do it: closing them would leave the persistent device. */
    @Test
    @RequiresFeature({Feature.PERSISTENCE, Feature.CHOOSE_NAME})
    void required_deleteRemovesAPersistentDeviceWhoseFirstQueueWasClosed() throws IOException {
        String name = freshName("tckmf");
        MultiQueue<Tun> mq = track(provider().createMultiQueueTun(DeviceOptions.named(name).withPersistent(true), 2));
        mq.queues().get(0).close();
        mq.delete();
        assertFalse(mq.queues().get(1).isOpen(), "queue 1 is open after delete()");
        NetworkInterfaceOracle.eventually(() -> !NetworkInterfaceOracle.exists(name),
                () -> "the persistent " + name + " still exists after delete()");
    }

    @Test
    void required_closedMultiQueueRefusesDelete() throws IOException {
        MultiQueue<Tun> mq = track(provider().createMultiQueueTun(DeviceOptions.defaults(), 2));
        mq.close();
        assertThrows(ClosedChannelException.class, mq::delete, "delete after close");
    }

    @Test
    void required_queueCountOutOfRangeIsRejectedAndMakesNothing() throws IOException {
        Set<String> before = NetworkInterfaceOracle.procNetDevNames();
        for (int count : new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> track(provider().createMultiQueueTun(DeviceOptions.defaults(), count)), count + " queues");
            assertTrue(e.getMessage().contains("queue"), "the message does not say what is wrong: " + e.getMessage());
            assertTrue(e.getMessage().contains(String.valueOf(count)), "the message does not name the count " + count
                    + ": " + e.getMessage());
        }
        assertEquals(before, NetworkInterfaceOracle.procNetDevNames(), "interfaces after refused requests");
    }

    @Test
    void required_detachAndAttachRejectAQueueThatDoesNotExist() throws IOException {
        MultiQueue<Tun> mq = track(provider().createMultiQueueTun(DeviceOptions.defaults(), 2));
        for (int i : new int[] {-1, 2, Integer.MAX_VALUE}) {
            assertThrows(IllegalArgumentException.class, () -> mq.detach(i), "detach(" + i + ") of 2 queues");
            assertThrows(IllegalArgumentException.class, () -> mq.attach(i), "attach(" + i + ") of 2 queues");
        }
    }

    @Test
    @RequiresFeature({Feature.RENAME, Feature.SET_STATE})
    void required_renameThroughOneQueueIsSeenByAll() throws IOException {
        MultiQueue<Tun> mq = track(provider().createMultiQueueTun(DeviceOptions.defaults(), 3));
        InterfaceName newName = InterfaceName.of(freshName("tckmqr"));
        mq.queues().get(1).rename(newName);
        for (int i = 0; i < 3; i++) {
            assertEquals(newName, mq.queues().get(i).name(), "the name of queue " + i + " after a rename through queue 1");
        }
        mq.queues().get(2).up(); // configuration by the new name works through another queue
        assertTrue(NetworkInterfaceOracle.exists(newName.value()), newName + " does not exist after the rename");
    }

    // ---- the data path --------------------------------------------------------------------------------------

    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.SET_STATE, Feature.NONBLOCKING})
    void required_flowsSpreadOverTheQueuesAndEachPacketArrivesOnExactlyOne() throws Exception {
        MultiQueue<Tun> mq = track(provider().createMultiQueueTun(DeviceOptions.defaults(), 4));
        configure(mq.queues().get(0));
        String nonce = nonce();
        try (QueueCollector collector = new QueueCollector(mq.queues(), p -> idIn(p, nonce))) {
            Set<String> ids = sendFlows(64, 2, nonce, "spread");
            Map<String, List<Integer>> where = collector.collect(ids, packetTimeout());
            assertEachArrivedOnce(ids, where);
            Map<Integer, Set<Integer>> queuesOfFlow = new TreeMap<>();
            for (Map.Entry<String, List<Integer>> e : where.entrySet()) {
                queuesOfFlow.computeIfAbsent(flowOf(e.getKey()), f -> new TreeSet<>()).addAll(e.getValue());
            }
            Set<Integer> used = new TreeSet<>();
            queuesOfFlow.values().forEach(used::addAll);
            assertTrue(used.size() > 1, "64 flows all arrived on one queue of 4: " + used);
            queuesOfFlow.forEach((flow, qs) -> assertEquals(1, qs.size(),
                    "the packets of flow " + flow + " arrived on several queues: " + qs));
        }
    }

    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.SET_STATE, Feature.NONBLOCKING})
    void required_detachedQueueReceivesNothingUntilAttachedAgain() throws Exception {
        MultiQueue<Tun> mq = track(provider().createMultiQueueTun(DeviceOptions.defaults(), 2));
        configure(mq.queues().get(0));
        mq.detach(1);
        mq.detach(1); // detaching a detached queue changes nothing
        String nonce = nonce();
        try (QueueCollector collector = new QueueCollector(mq.queues(), p -> idIn(p, nonce))) {
            Set<String> ids = sendFlows(32, 1, nonce, "detached");
            Map<String, List<Integer>> where = collector.collect(ids, packetTimeout());
            assertEachArrivedOnce(ids, where);
            where.forEach((id, qs) -> assertEquals(List.of(0), qs, id + " arrived on a detached queue"));

            mq.attach(1);
            Set<String> again = sendFlows(32, 1, nonce, "attached");
            Map<String, List<Integer>> whereAgain = collector.collect(again, packetTimeout());
            assertEachArrivedOnce(again, whereAgain);
            assertTrue(whereAgain.values().stream().anyMatch(qs -> qs.contains(1)),
                    "no flow of 32 arrived on queue 1 after it was attached again: " + whereAgain);
        }
    }

    @Test
    @RequiresFeature({Feature.TAP, Feature.IPV4_ADDRESSES, Feature.SET_STATE, Feature.NONBLOCKING, Feature.GET_MAC})
    void required_tapQueuesShareOneInterfaceAndCarryFrames() throws Exception {
        MultiQueue<Tap> mq = track(provider().createMultiQueueTap(DeviceOptions.defaults(), 2));
        Tap first = mq.queues().get(0);
        Tap second = mq.queues().get(1);
        assertEquals(first.name(), second.name(), "the queues' names");
        assertEquals(first.mac(), second.mac(), "the queues' MAC addresses");
        first.up();
        first.addAddress(TAP_V4);
        try (QueueCollector collector = new QueueCollector(mq.queues(), frame -> ArpPacket.fromFrame(ByteBuffer.wrap(frame))
                .filter(a -> a.isRequest() && a.targetIp().equals(TAP_NEIGHBOUR)).map(a -> "arp"));
             DatagramSocket socket = bind(TAP_V4.address())) {
            byte[] data = "tappers tck multi-queue TAP".getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(data, data.length, new InetSocketAddress(TAP_NEIGHBOUR, PORT)));
            Map<String, List<Integer>> where = collector.collect(Set.of("arp"), packetTimeout());
            assertTrue(where.containsKey("arp"), "no ARP request for " + TAP_NEIGHBOUR.getHostAddress()
                    + " arrived on any queue of " + first.name());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static void configure(Tun queue) throws IOException {
        queue.up();
        queue.addAddress(OWN_V4);
    }

    /**
     * Sends {@code perFlow} datagrams on each of {@code flows} flows (a socket each, so a source port each) to
     * {@link #TARGET_V4}; returns the ids they carry, {@code "<what>-<flow>.<n>"}.
     */
    private Set<String> sendFlows(int flows, int perFlow, String nonce, String what) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        List<DatagramSocket> sockets = new ArrayList<>();
        try {
            for (int f = 0; f < flows; f++) {
                sockets.add(bind(OWN_V4.address()));
            }
            for (int n = 0; n < perFlow; n++) {
                for (int f = 0; f < flows; f++) {
                    String id = what + "-" + f + "." + n;
                    byte[] data = (nonce + " " + id).getBytes(StandardCharsets.US_ASCII);
                    sockets.get(f).send(new DatagramPacket(data, data.length, new InetSocketAddress(TARGET_V4, PORT)));
                    ids.add(id);
                }
            }
        } finally {
            for (DatagramSocket s : sockets) {
                s.close();
            }
        }
        return ids;
    }

    private static Optional<String> idIn(byte[] packet, String nonce) {
        return Ipv4Packet.tryParse(packet).filter(ip -> ip.destination().equals(TARGET_V4)).flatMap(Ipv4Packet::udp)
                .map(u -> new String(u.payload(), StandardCharsets.US_ASCII))
                .filter(text -> text.startsWith(nonce + " "))
                .map(text -> text.substring(nonce.length() + 1));
    }

    /** The flow number in an id {@code "<what>-<flow>.<n>"}. */
    private static int flowOf(String id) {
        return Integer.parseInt(id.substring(id.indexOf('-') + 1, id.indexOf('.')));
    }

    private static void assertEachArrivedOnce(Set<String> ids, Map<String, List<Integer>> where) {
        Set<String> missing = new TreeSet<>(ids);
        missing.removeAll(where.keySet());
        assertTrue(missing.isEmpty(), missing.size() + " of " + ids.size() + " packets arrived on no queue: " + missing);
        where.forEach((id, qs) -> assertEquals(1, qs.size(), id + " arrived more than once, on queues " + qs));
    }

    /**
     * Receives on every queue at once, a thread each, in nonblocking mode, and notes which queue got which of the
     * packets the test is looking for. Closing it stops the threads and puts the queues back in blocking mode.
     */
    static final class QueueCollector implements AutoCloseable {
        private final List<? extends PacketDevice> queues;
        private final ConcurrentLinkedQueue<String[]> arrivals = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stop;

        /** @param idOf the test's id of a packet, or empty for a packet that is not the test's */
        QueueCollector(List<? extends PacketDevice> queues, Function<byte[], Optional<String>> idOf) throws IOException {
            this.queues = queues;
            for (PacketDevice q : queues) {
                q.setNonBlocking(true);
            }
            for (int i = 0; i < queues.size(); i++) {
                int index = i;
                PacketDevice q = queues.get(i);
                Thread t = new Thread(() -> receive(index, q, idOf), "tappers-tck-queue-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        private void receive(int index, PacketDevice q, Function<byte[], Optional<String>> idOf) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(q.maxPacketSize());
            try {
                while (!stop) {
                    buffer.clear();
                    int n = q.receive(buffer);
                    if (n == 0) {
                        NetworkInterfaceOracle.sleep(POLL_MILLIS);
                        continue;
                    }
                    byte[] packet = new byte[n];
                    buffer.flip().get(packet);
                    idOf.apply(packet).ifPresent(id -> arrivals.add(new String[] {id, String.valueOf(index)}));
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        }

        /**
         * Waits until every id in {@code ids} has arrived (or {@code timeout} passes), then {@link #SETTLE} more so
         * that a second copy would show; returns, for each id that arrived, the queues it arrived on, and forgets
         * them.
         */
        Map<String, List<Integer>> collect(Set<String> ids, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() - deadline < 0 && !seen().containsAll(ids) && failures.isEmpty()) {
                NetworkInterfaceOracle.sleep(10);
            }
            NetworkInterfaceOracle.sleep(SETTLE.toMillis());
            if (!failures.isEmpty()) {
                AssertionError e = new AssertionError("receiving on a queue failed: " + failures.peek());
                failures.forEach(e::addSuppressed);
                throw e;
            }
            Map<String, List<Integer>> where = new TreeMap<>();
            for (String[] a; (a = arrivals.poll()) != null; ) {
                where.computeIfAbsent(a[0], k -> new ArrayList<>()).add(Integer.parseInt(a[1]));
            }
            return where;
        }

        private Set<String> seen() {
            Set<String> s = new HashSet<>();
            arrivals.forEach(a -> s.add(a[0]));
            return s;
        }

        @Override
        public void close() throws IOException {
            stop = true;
            for (Thread t : threads) {
                try {
                    t.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (t.isAlive()) {
                    fail(t.getName() + " did not stop within 5 s");
                }
            }
            for (PacketDevice q : queues) {
                if (q.isOpen()) {
                    q.setNonBlocking(false);
                }
            }
        }
    }
}
