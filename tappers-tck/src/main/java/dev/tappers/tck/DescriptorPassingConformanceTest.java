package dev.tappers.tck;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.MacAddress;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.tck.packets.ArpPacket;
import dev.tappers.tck.packets.EthernetFrame;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static dev.tappers.tck.Datagrams.data;
import static dev.tappers.tck.NetworkInterfaceOracle.eventually;
import static dev.tappers.tck.NetworkInterfaceOracle.exists;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Conformance of adopting a descriptor opened elsewhere ({@link Feature#ADOPT_DESCRIPTOR}) and of passing one
 * between processes over a Unix socket ({@link Feature#DESCRIPTOR_PASSING}): the adopted device carries
 * packets both ways, ownership decides who closes the descriptor, wrong descriptors are refused naming them,
 * and a process without the privilege to create devices exchanges packets through a TUN it was passed.
 *
 * <p>A provider supplies, by overriding the hooks, what the library itself cannot: descriptors opened past the
 * library ({@link #openForeignTun}), and a separate process without privilege ({@link #startUnprivilegedPeer}).
 * A test whose hook is not overridden is skipped with the reason.
 *
 * <p>All its addresses are in 198.18.200.0/24, set aside for these tests.
 */
public abstract class DescriptorPassingConformanceTest extends ProviderTest {
    /** 198.18.200.0/24. */
    private static final TestSubnet SUBNET = TestSubnet.number(200);
    private static final Inet4Address NEAR = SUBNET.v4(1);
    private static final Inet4Address FAR = SUBNET.v4(2);
    private static final int FAR_PORT = 40_200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<AutoCloseable> resources = new ArrayList<>();
    private Path scratch;
    private ExecutorService background;

    protected DescriptorPassingConformanceTest() {
    }

    // ---- hooks a provider's test overrides ------------------------------------------------------------------

    /**
     * Opens a TUN descriptor named {@code name} without the library under test (IFF_NO_PI on Linux: bare IP
     * packets), as another process would. The default skips the calling test.
     */
    protected ForeignDescriptor openForeignTun(String name) throws IOException {
        Assumptions.abort("the provider's test gives no way to open a TUN descriptor past the library (override openForeignTun)");
        throw new AssertionError("unreachable");
    }

    /** As {@link #openForeignTun}, for a TAP. */
    protected ForeignDescriptor openForeignTap(String name) throws IOException {
        Assumptions.abort("the provider's test gives no way to open a TAP descriptor past the library (override openForeignTap)");
        throw new AssertionError("unreachable");
    }

    /** Opens a descriptor that is no TUN/TAP (a pipe, {@code /dev/null}). The default skips the calling test. */
    protected ForeignDescriptor openNonDeviceDescriptor() throws IOException {
        Assumptions.abort("the provider's test gives no way to open a descriptor that is no device (override openNonDeviceDescriptor)");
        throw new AssertionError("unreachable");
    }

    /**
     * Starts a separate process that lacks the privilege to create devices, whose main calls
     * {@link DescriptorPassingPeer#run} with {@code peerArguments}, its output (stdout and stderr) going to
     * {@code output}. {@code workDirectory} is scratch space any user can read and write, removed after the
     * test. The test kills the process if it overruns. The default skips the calling test.
     */
    protected Process startUnprivilegedPeer(List<String> peerArguments, Path workDirectory, Path output)
            throws IOException {
        Assumptions.abort("the provider's test gives no way to start an unprivileged process (override startUnprivilegedPeer)");
        throw new AssertionError("unreachable");
    }

    /**
     * The descriptors this process has open, each with what it refers to, to check that nothing leaks; empty
     * where the platform cannot list them. The default reads {@code /proc/self/fd}.
     */
    protected Optional<SortedMap<Integer, String>> openDescriptors() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return Optional.empty();
        }
        SortedMap<Integer, String> open = new TreeMap<>();
        try (Stream<Path> list = Files.list(fds)) {
            for (Path fd : list.toList()) {
                try {
                    open.put(Integer.parseInt(fd.getFileName().toString()), Files.readSymbolicLink(fd).toString());
                } catch (IOException | NumberFormatException e) {
                    // closed meanwhile (the listing's own descriptor among them)
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(open);
    }

    /** How long to wait for a packet or a datagram. */
    protected Duration packetTimeout() {
        return Duration.ofSeconds(5);
    }

    /** How long the separate process may take, its start included. */
    protected Duration peerTimeout() {
        return Duration.ofSeconds(60);
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    @BeforeEach
    final void prepare() throws IOException {
        HermeticNetwork.require();
        scratch = Files.createTempDirectory("tappers-fd");
        // An unprivileged peer (another user) binds its socket here.
        PosixFileAttributeView view = Files.getFileAttributeView(scratch, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tappers-tck-descriptor");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    final void release() throws Exception {
        Exception first = Cleanup.closeAll(resources);
        background.shutdownNow();
        try (Stream<Path> tree = Files.walk(scratch)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        if (resource == null) {
            fail("provider '" + provider().name() + "' returned null");
        }
        resources.add(resource);
        return resource;
    }

    private static String freshName(String kind) {
        String name;
        int tries = 0;
        do {
            name = "tckfd" + kind + String.format("%05d", RANDOM.nextInt(100_000));
        } while (exists(name) && ++tries < 100);
        return name;
    }

    // ---- adopting -------------------------------------------------------------------------------------------

    @Test
    @RequiresFeature({Feature.ADOPT_DESCRIPTOR, Feature.TUN, Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void required_anOwnedAdoptedTunCarriesPacketsBothWaysAndItsCloseReleasesTheDescriptor() throws Exception {
        ForeignDescriptor foreign = track(openForeignTun(freshName("t")));
        String name = foreign.interfaceName();
        Tun tun = track(provider().adoptTun(foreign.handOver(), true));
        assertEquals(name, tun.name().value(), "the adopted device's name is the interface the descriptor is on");
        assertFalse(tun.isCreatedByUs(), "an adopted device was not created by the library");
        tun.up();
        tun.addAddress(SUBNET.v4Request(1, 24));
        exchangeThroughTun(tun, "adopted, owned");
        tun.close();
        // The descriptor was the interface's only one: closing it removes the (non-persistent) interface.
        eventually(() -> !exists(name), () -> name + " still exists after the adopted device that owned its only "
                + "descriptor was closed: the descriptor was not closed");
    }

    @Test
    @RequiresFeature({Feature.ADOPT_DESCRIPTOR, Feature.TUN, Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void required_closingATunAdoptedWithoutOwnershipLeavesTheOriginalDescriptorWorking() throws Exception {
        ForeignDescriptor foreign = track(openForeignTun(freshName("t")));
        String name = foreign.interfaceName();
        Tun tun = track(provider().adoptTun(foreign.descriptor(), false));
        tun.up();
        tun.addAddress(SUBNET.v4Request(1, 24));
        exchangeThroughTun(tun, "adopted, not owned");
        tun.close();
        assertTrue(exists(name), name + " vanished when the device adopted without ownership was closed: "
                + "the caller's descriptor was closed with it");
        byte[] payload = ("tappers tck: through the original descriptor after close").getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = bind()) {
            byte[] packet = Ipv4Packet.udp(FAR, NEAR, new UdpDatagram(FAR_PORT, socket.getLocalPort(), payload)).toBytes();
            DatagramPacket got = deliver(() -> foreign.write(packet), socket, "a packet written to the original descriptor");
            assertArrayEquals(payload, data(got), "the datagram written through the original descriptor");
        }
    }

    @Test
    @RequiresFeature({Feature.ADOPT_DESCRIPTOR, Feature.TAP, Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void required_anAdoptedTapCarriesFramesBothWays() throws Exception {
        ForeignDescriptor foreign = track(openForeignTap(freshName("a")));
        Tap tap = track(provider().adoptTap(foreign.handOver(), true));
        assertEquals(foreign.interfaceName(), tap.name().value(), "the adopted device's name");
        tap.up();
        tap.addAddress(SUBNET.v4Request(1, 24));
        MacAddress farMac = MacAddress.parse("02:00:5e:10:00:02");
        byte[] payload = "tappers tck: kernel to adopted TAP".getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = bind()) {
            socket.send(new DatagramPacket(payload, payload.length, new InetSocketAddress(FAR, FAR_PORT)));
            // The kernel asks for FAR's MAC first; answering through the adopted TAP releases the datagram.
            byte[] datagram = PacketWaiter.await(tap, ByteBuffer.allocateDirect(tap.maxPacketSize()), packetTimeout(), frame -> {
                Optional<ArpPacket> arp = ArpPacket.fromFrame(ByteBuffer.wrap(frame));
                if (arp.isPresent() && arp.get().isRequest() && arp.get().targetIp().equals(FAR)) {
                    tap.send(ByteBuffer.wrap(arp.get().answer(farMac).toFrame().toBytes()));
                    return Optional.empty();
                }
                EthernetFrame ethernet = EthernetFrame.parse(frame);
                if (ethernet.etherType() != EthernetFrame.TYPE_IPV4 || !ethernet.destination().equals(farMac)) {
                    return Optional.empty();
                }
                return Ipv4Packet.tryParse(ethernet.payload()).filter(ip -> ip.destination().equals(FAR))
                        .flatMap(Ipv4Packet::udp).map(UdpDatagram::payload);
            }, DescriptorPassingConformanceTest::describeFrame);
            assertArrayEquals(payload, datagram, "the datagram carried in the frame to the answered MAC");
        }
    }

    @Test
    @RequiresFeature({Feature.ADOPT_DESCRIPTOR, Feature.TUN, Feature.TAP})
    void required_adoptingADescriptorOfTheOtherKindIsRefusedNamingIt() throws Exception {
        try (ForeignDescriptor tap = openForeignTap(freshName("a")); ForeignDescriptor tun = openForeignTun(freshName("t"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> track(provider().adoptTun(tap.descriptor(), true)), "adopting a TAP descriptor as a TUN");
            assertMentions(e, String.valueOf(tap.descriptor()), "TAP");
            e = assertThrows(IllegalArgumentException.class,
                    () -> track(provider().adoptTap(tun.descriptor(), false)), "adopting a TUN descriptor as a TAP");
            assertMentions(e, String.valueOf(tun.descriptor()), "TUN");
            // Each descriptor is its interface's only one: had a refusal closed it, the interface would be gone.
            assertTrue(exists(tap.interfaceName()) && exists(tun.interfaceName()),
                    "a refused adoption closed the descriptor it refused (its interface vanished)");
        }
    }

    @Test
    @RequiresFeature({Feature.ADOPT_DESCRIPTOR, Feature.TUN})
    void required_adoptingADescriptorThatIsNoDeviceIsRefusedNamingIt() throws Exception {
        assertMentions(assertThrows(IllegalArgumentException.class, () -> track(provider().adoptTun(-1, true)),
                "a negative descriptor"), "-1");
        try (ForeignDescriptor other = openNonDeviceDescriptor()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> track(provider().adoptTun(other.descriptor(), true)), "adopting a descriptor that is no device");
            assertMentions(e, String.valueOf(other.descriptor()));
            if (provider().supports(Feature.TAP)) {
                assertMentions(assertThrows(IllegalArgumentException.class,
                        () -> track(provider().adoptTap(other.descriptor(), false))), String.valueOf(other.descriptor()));
            }
            // The refusal left it open: its holder can still write.
            other.write(new byte[] {1, 2, 3});
        }
    }

    // ---- passing within one process -------------------------------------------------------------------------

    @Test
    @RequiresFeature({Feature.DESCRIPTOR_PASSING, Feature.TUN, Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void required_aPassedTunCarriesPacketsAndOutlivesTheSendersClose() throws Exception {
        Optional<SortedMap<Integer, String>> before = descriptorsBefore();
        Path socket = scratch.resolve("tun.sock");
        Future<Tun> receiving = background.submit(() -> provider().receiveTun(socket, packetTimeout().multipliedBy(4)));
        Tun sender = track(provider().createTun(DeviceOptions.defaults()));
        String name = sender.name().value();
        awaitSocket(socket, receiving::isDone, () -> "the receiver ended early");
        sender.sendDescriptor(socket);
        Tun received = track(get(receiving, "receiveTun"));
        assertEquals(name, received.name().value(), "the received device's name");
        assertFalse(received.isCreatedByUs(), "a received device was not created by the receiver");
        assertFalse(Files.exists(socket), "the receiver left its socket file " + socket + " behind");
        assertTrue(sender.isOpen(), "sendDescriptor closed the sending device");
        sender.close();
        assertTrue(exists(name), name + " vanished when the sender closed, though the receiver holds its descriptor");
        received.up();
        received.addAddress(SUBNET.v4Request(1, 24));
        exchangeThroughTun(received, "passed");
        received.close();
        eventually(() -> !exists(name), () -> name + " still exists after both the sender and the receiver closed");
        assertNoDescriptorLeak(before, "passing a TUN within the process and closing both ends");
    }

    @Test
    @RequiresFeature({Feature.DESCRIPTOR_PASSING, Feature.TUN, Feature.TAP})
    void required_receivingTheOtherKindFailsAndClosesWhatArrived() throws Exception {
        Optional<SortedMap<Integer, String>> before = descriptorsBefore();
        Path socket = scratch.resolve("tap.sock");
        Future<Tun> receiving = background.submit(() -> provider().receiveTun(socket, packetTimeout().multipliedBy(4)));
        Tap sender = track(provider().createTap(DeviceOptions.defaults()));
        String name = sender.name().value();
        awaitSocket(socket, receiving::isDone, () -> "the receiver ended early");
        sender.sendDescriptor(socket);
        ExecutionException e = assertThrows(ExecutionException.class, () -> receiving.get(packetTimeout().toMillis() * 4,
                TimeUnit.MILLISECONDS), "receiveTun of a TAP descriptor");
        assertTrue(e.getCause() instanceof IOException, "receiveTun of a TAP threw " + e.getCause() + ", not an IOException");
        assertMentions(e.getCause(), "TAP");
        assertFalse(Files.exists(socket), "the receiver left its socket file behind after failing");
        sender.close();
        eventually(() -> !exists(name), () -> name + " still exists after the sender closed: the receiver kept the "
                + "descriptor it refused");
        assertNoDescriptorLeak(before, "refusing a received TAP");
    }

    @Test
    @RequiresFeature({Feature.DESCRIPTOR_PASSING, Feature.TUN})
    void required_receiveGivesUpAtItsTimeout() throws Exception {
        Optional<SortedMap<Integer, String>> before = descriptorsBefore();
        Path socket = scratch.resolve("nobody.sock");
        Duration timeout = Duration.ofMillis(300);
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> track(provider().receiveTun(socket, timeout)),
                "receiveTun with no sender");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis >= timeout.toMillis() - 50, "receiveTun gave up after " + tookMillis + " ms, before its "
                + timeout.toMillis() + " ms timeout: " + e);
        assertTrue(tookMillis < timeout.toMillis() + 5_000, "receiveTun took " + tookMillis + " ms for a "
                + timeout.toMillis() + " ms timeout");
        assertFalse(Files.exists(socket), "the receiver left its socket file behind after timing out");
        assertNoDescriptorLeak(before, "a receive that timed out");
    }

    @Test
    @RequiresFeature({Feature.DESCRIPTOR_PASSING, Feature.TUN})
    void required_receiveRefusesBadArgumentsAndLeavesAnExistingFileAlone() throws Exception {
        Path existing = Files.writeString(scratch.resolve("taken"), "not a socket");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> track(provider().receiveTun(existing, packetTimeout())), "receiveTun on a path that exists");
        assertMentions(e, existing.toString());
        assertEquals("not a socket", Files.readString(existing), "receiveTun changed the file at its path");
        assertThrows(IllegalArgumentException.class, () -> track(provider().receiveTun(scratch.resolve("zero.sock"),
                Duration.ZERO)), "receiveTun with a zero timeout");
        assertThrows(IllegalArgumentException.class, () -> track(provider().receiveTun(scratch.resolve("neg.sock"),
                Duration.ofSeconds(-1))), "receiveTun with a negative timeout");
        assertThrows(NullPointerException.class, () -> track(provider().receiveTun(null, packetTimeout())),
                "receiveTun with no path");
        assertFalse(Files.exists(scratch.resolve("zero.sock")) || Files.exists(scratch.resolve("neg.sock")),
                "a refused receive created its socket file");
    }

    @Test
    @RequiresFeature({Feature.DESCRIPTOR_PASSING, Feature.TUN})
    void required_sendingWithNobodyListeningFailsAndKeepsTheDevice() throws Exception {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        Path nowhere = scratch.resolve("nobody-listens.sock");
        IOException e = assertThrows(IOException.class, () -> tun.sendDescriptor(nowhere), "sendDescriptor to no socket");
        assertMentions(e, nowhere.toString());
        Path file = Files.writeString(scratch.resolve("plain-file"), "x");
        assertThrows(IOException.class, () -> tun.sendDescriptor(file), "sendDescriptor to a file that is no socket");
        assertTrue(tun.isOpen(), "a failed sendDescriptor closed the device");
        assertTrue(exists(tun.name().value()), "a failed sendDescriptor removed the device");
        assertThrows(NullPointerException.class, () -> tun.sendDescriptor(null), "sendDescriptor with no path");
    }

    // ---- passing to an unprivileged process -----------------------------------------------------------------

    /**
     * The "must show": this process, with the privilege, creates and configures a TUN and passes its
     * descriptor over a Unix socket to a separate process that cannot create devices; that process then receives a
     * datagram and answers it through the descriptor, and both directions are checked here with a kernel socket.
     * After sending, this side closes its own device: from then on only the peer's descriptor keeps the
     * interface, which goes away when the peer exits.
     */
    @Test
    @RequiresFeature({Feature.DESCRIPTOR_PASSING, Feature.TUN, Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void required_anUnprivilegedProcessExchangesPacketsThroughAPassedTun() throws Exception {
        Path socket = scratch.resolve("peer.sock");
        Path output = scratch.resolve("peer.log");
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        String name = tun.name().value();
        tun.up();
        tun.addAddress(SUBNET.v4Request(1, 24));
        try (DatagramSocket kernel = bind()) {
            Process peer = startUnprivilegedPeer(List.of(socket.toString(), String.valueOf(peerTimeout().toMillis()),
                    FAR.getHostAddress(), NEAR.getHostAddress()), scratch, output);
            assertTrue(peer != null, "startUnprivilegedPeer returned null");
            try {
                awaitSocket(socket, () -> !peer.isAlive(), () -> "the peer exited with " + peer.exitValue()
                        + " before listening:\n" + read(output));
                tun.sendDescriptor(socket);
                tun.close();
                assertTrue(exists(name), name + " vanished when the sender closed, though the peer holds its descriptor");
                byte[] payload = ("tappers tck: to the unprivileged peer through " + name).getBytes(StandardCharsets.US_ASCII);
                DatagramPacket reply = Datagrams.deliver(() -> kernel.send(new DatagramPacket(payload, payload.length,
                        new InetSocketAddress(FAR, FAR_PORT))), kernel, "the peer's reply", peerTimeout());
                assertArrayEquals((DescriptorPassingPeer.REPLY_PREFIX + new String(payload, StandardCharsets.US_ASCII))
                        .getBytes(StandardCharsets.US_ASCII), data(reply), "the peer's reply, written to its TUN");
                assertEquals(new InetSocketAddress(FAR, FAR_PORT), reply.getSocketAddress(), "the reply's sender");
                assertTrue(peer.waitFor(peerTimeout().toMillis(), TimeUnit.MILLISECONDS), "the peer did not exit within "
                        + peerTimeout().toMillis() + " ms:\n" + read(output));
                String log = read(output);
                System.out.println("the unprivileged peer's output:\n" + log); // the record of what it saw
                assertEquals(DescriptorPassingPeer.OK, peer.exitValue(), "the peer's exit status; its output:\n" + log);
                assertTrue(log.contains(DescriptorPassingPeer.PREFIX + "creating a TUN was refused"),
                        "the peer did not show that it lacks the privilege:\n" + log);
                assertTrue(log.contains(DescriptorPassingPeer.PREFIX + "received " + name), "the peer's output:\n" + log);
                assertTrue(log.contains(new String(payload, StandardCharsets.US_ASCII)),
                        "the peer did not print the datagram it received:\n" + log);
                eventually(() -> !exists(name), () -> name + " still exists after the peer, its last holder, exited");
            } finally {
                if (peer.isAlive()) {
                    peer.destroyForcibly();
                    peer.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /**
     * The data path of a TUN addressed NEAR/24: a kernel datagram to FAR arrives as an IPv4 packet, and a packet
     * written to FAR's socket arrives at the kernel socket.
     */
    private void exchangeThroughTun(Tun tun, String how) throws Exception {
        byte[] out = ("tappers tck: kernel to " + how + " TUN").getBytes(StandardCharsets.US_ASCII);
        byte[] in = ("tappers tck: " + how + " TUN to kernel").getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = bind()) {
            socket.send(new DatagramPacket(out, out.length, new InetSocketAddress(FAR, FAR_PORT)));
            byte[] seen = PacketWaiter.await(tun, ByteBuffer.allocateDirect(tun.maxPacketSize()), packetTimeout(),
                    p -> Ipv4Packet.tryParse(p).filter(ip -> ip.destination().equals(FAR)).flatMap(Ipv4Packet::udp)
                            .filter(u -> u.destinationPort() == FAR_PORT).map(UdpDatagram::payload),
                    DescriptorPassingConformanceTest::describePacket);
            assertArrayEquals(out, seen, "the kernel's datagram as read from the " + how + " TUN");
            byte[] packet = Ipv4Packet.udp(FAR, NEAR, new UdpDatagram(FAR_PORT, socket.getLocalPort(), in)).toBytes();
            DatagramPacket got = deliver(() -> tun.send(ByteBuffer.wrap(packet)), socket, "a packet written to the " + how + " TUN");
            assertArrayEquals(in, data(got), "the datagram written to the " + how + " TUN");
        }
    }

    /** A UDP socket on NEAR, once it can be bound. */
    private DatagramSocket bind() throws Exception {
        return Datagrams.bind(NEAR, packetTimeout());
    }

    private DatagramPacket deliver(Datagrams.Send send, DatagramSocket socket, String what) throws Exception {
        return Datagrams.deliver(send, socket, what, packetTimeout());
    }

    /** Waits, bounded, until the receiver's socket file exists; {@code ended} says the receiver is gone. */
    private void awaitSocket(Path socket, java.util.function.BooleanSupplier ended, java.util.function.Supplier<String> why) {
        long deadline = System.nanoTime() + peerTimeout().toNanos();
        while (!Files.exists(socket)) {
            if (ended.getAsBoolean()) {
                fail("no socket at " + socket + ": " + why.get());
            }
            if (System.nanoTime() - deadline > 0) {
                fail("no socket at " + socket + " within " + peerTimeout().toMillis() + " ms");
            }
            NetworkInterfaceOracle.sleep(20);
        }
    }

    private <T> T get(Future<T> future, String what) throws Exception {
        try {
            return future.get(packetTimeout().toMillis() * 4, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError(what + " did not return in time", e);
        }
    }

    /**
     * {@link #openDescriptors()} for a later {@link #assertNoDescriptorLeak}. The JDK keeps a descriptor of its own
     * from the first socket it opens (one end of a socket pair that it dup2s over descriptors it closes), so a
     * socket is opened and closed first, and that descriptor is in both snapshots.
     */
    private Optional<SortedMap<Integer, String>> descriptorsBefore() throws SocketException {
        new DatagramSocket().close();
        return openDescriptors();
    }

    private void assertNoDescriptorLeak(Optional<SortedMap<Integer, String>> before, String what) {
        if (before.isEmpty()) {
            return;
        }
        // Other threads of the JVM open and close files too (class loading, JUnit): allow them a moment.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        SortedMap<Integer, String> now = openDescriptors().orElse(before.get());
        while (now.size() > before.get().size() && System.nanoTime() - deadline < 0) {
            NetworkInterfaceOracle.sleep(50);
            now = openDescriptors().orElse(before.get());
        }
        SortedMap<Integer, String> added = new TreeMap<>(now);
        added.entrySet().removeIf(e -> e.getValue().equals(before.get().get(e.getKey())));
        assertTrue(now.size() <= before.get().size(), what + " left " + (now.size() - before.get().size())
                + " more descriptors open (" + before.get().size() + " before, " + now.size() + " after); new: " + added);
    }

    private static void assertMentions(Throwable e, String... words) {
        String message = String.valueOf(e.getMessage());
        for (String w : words) {
            assertTrue(message.toLowerCase(java.util.Locale.ROOT).contains(w.toLowerCase(java.util.Locale.ROOT)),
                    "the message does not mention '" + w + "': " + message);
        }
    }

    private static String read(Path output) {
        try {
            return Files.exists(output) ? Files.readString(output) : "(no output)";
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e + ")";
        }
    }

    private static String describePacket(byte[] p) {
        return Ipv4Packet.tryParse(p).map(ip -> ip + ip.udp().map(u -> " " + u).orElse(""))
                .orElse(p.length + " bytes, first 0x" + (p.length > 0 ? Integer.toHexString(p[0] & 0xFF) : ""));
    }

    private static String describeFrame(byte[] f) {
        try {
            return EthernetFrame.parse(f).toString();
        } catch (RuntimeException e) {
            return f.length + " bytes";
        }
    }
}
