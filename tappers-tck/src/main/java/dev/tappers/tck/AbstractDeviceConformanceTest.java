package dev.tappers.tck;

import dev.tappers.AddressInfo;
import dev.tappers.AddressRequest;
import dev.tappers.DeviceExistsException;
import dev.tappers.DeviceOptions;
import dev.tappers.DeviceState;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;
import dev.tappers.NetworkDevice;
import dev.tappers.NoSuchDeviceException;
import dev.tappers.PacketDevice;
import dev.tappers.PacketTooLargeException;
import dev.tappers.PermissionDeniedException;
import dev.tappers.Tap;
import dev.tappers.UnsupportedFeatureException;
import dev.tappers.tck.packets.ArpPacket;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static dev.tappers.tck.NetworkInterfaceOracle.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The conformance tests TUN and TAP devices share, written once and run for each kind by
 * {@link TunConformanceTest} and {@link TapConformanceTest}. Providers extend those, not this.
 *
 * <p>Every test creates its own devices, takes its own addresses ({@link TestSubnet}) and closes what it made,
 * and first passes the guard of the {@link TestNetwork} ({@link HermeticNetwork} on a kernel). Where the test
 * network's {@link InterfaceOracle} ({@link NetworkInterface} on a kernel) can see a fact it is the oracle; the
 * provider is never checked only against itself. The far end of the data path is the test network's too: kernel
 * UDP sockets, or what a provider without a kernel puts there.
 *
 * @param <D> the device kind
 */
public abstract class AbstractDeviceConformanceTest<D extends PacketDevice> extends ProviderTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Smaller than any IP header or Ethernet frame, so every packet is too large for it. */
    private static final int TOO_SMALL = 8;
    /** The port the kernel sends test datagrams to (nothing listens on the far side; the device is the far side). */
    static final int FAR_PORT = 40_000;
    /** The shortest Ethernet frame without its FCS (IEEE 802.3): a shorter one may be padded with zeros up to it. */
    private static final int MIN_ETHERNET_FRAME = 60;

    private final List<NetworkDevice> devices = new ArrayList<>();

    AbstractDeviceConformanceTest() {
        // Only TunConformanceTest and TapConformanceTest extend this directly.
    }

    // ---- hooks a provider's test may override ---------------------------------------------------------------

    /**
     * Runs {@code action} without the privilege to configure interfaces (on Linux: without CAP_NET_ADMIN) and
     * returns its result, or throws what it threw, unwrapped. The default skips the calling test: override it
     * where the platform can drop privilege for one thread or process.
     */
    protected <T> T withoutPrivilege(Callable<T> action) throws Exception {
        Assumptions.abort("the provider's test gives no way to drop privilege (override withoutPrivilege)");
        throw new AssertionError("unreachable");
    }

    /** How long to wait for a packet or a datagram. A liveness bound, not a benchmark. */
    protected Duration packetTimeout() {
        return Duration.ofSeconds(5);
    }

    // ---- what each kind supplies ----------------------------------------------------------------------------

    /** {@link Feature#TUN} or {@link Feature#TAP}. */
    abstract Feature kind();

    abstract D createDevice(DeviceOptions options) throws IOException;

    abstract D openDevice(InterfaceName name) throws IOException;

    /** A well-formed packet (TUN) or frame (TAP) carrying a UDP datagram, to hand to {@code send}. */
    abstract byte[] samplePacket(D device, TestSubnet subnet) throws IOException;

    /** Whether the oracle ({@link NetworkInterface} on a kernel) reports IPv4 broadcast addresses for this kind (it does only with IFF_BROADCAST). */
    abstract boolean networkInterfaceShowsBroadcast();

    /** A one-line description of a received packet, for failure messages. */
    abstract String describe(byte[] packet);

    /** Operations particular to the kind, for the closed-device test: name, the feature they need, the call. */
    abstract List<ClosedOperation> kindOperations(D device, TestSubnet subnet);

    record ClosedOperation(String call, Feature feature, Executable op) {
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    @BeforeEach
    final void requireHermeticNetwork() {
        testNetwork().requireSafe();
    }

    @AfterEach
    final void closeDevices() throws IOException {
        Cleanup.closeNewestFirst(devices);
    }

    /** Creates a device that the test's end closes. */
    final D create(DeviceOptions options) throws IOException {
        D d = createDevice(options);
        if (d == null) {
            fail("provider '" + provider().name() + "' created a null " + kind() + " device");
        }
        devices.add(d);
        return d;
    }

    final D create() throws IOException {
        return create(DeviceOptions.defaults());
    }

    /** Opens a device that the test's end closes. */
    final D open(String name) throws IOException {
        D d = openDevice(InterfaceName.of(name));
        if (d == null) {
            fail("provider '" + provider().name() + "' opened a null " + kind() + " device");
        }
        devices.add(d);
        return d;
    }

    /** A name no interface has: the kind's letters and random digits, 11 bytes. */
    final String freshName() {
        String name;
        int tries = 0;
        do {
            name = "tck" + kind().name().toLowerCase() + String.format("%05d", RANDOM.nextInt(100_000));
        } while (exists(name) && ++tries < 100);
        return name;
    }

    final boolean supports(Feature f) {
        return provider().supports(f);
    }

    /** The oracle of the test network ({@link NetworkInterface} and {@code /proc/net/dev} on a kernel). */
    final InterfaceOracle oracle() {
        return testNetwork().oracle();
    }

    /** True when the oracle says the system has an interface by this name. */
    final boolean exists(String name) {
        return oracle().exists(name);
    }

    /** The addresses the oracle lists on the interface, as {@code address/prefix} texts, link-local ones left out. */
    final Set<String> oracleAddresses(String name) {
        return oracle().find(name).map(InterfaceView::addresses).orElse(Set.of());
    }

    /**
     * The device as the oracle sees it. The JDK on Linux lists only interfaces with an address, so a device it
     * cannot see yet gets {@code subnet}'s .1/24 first.
     */
    final InterfaceView visible(D device, TestSubnet subnet) throws IOException {
        String name = device.name().value();
        Optional<InterfaceView> ni = oracle().find(name);
        if (ni.isEmpty()) {
            if (!supports(Feature.IPV4_ADDRESSES)) {
                Assumptions.abort("the oracle cannot see " + name + " without an address, and provider '"
                        + provider().name() + "' lacks IPV4_ADDRESSES to give it one");
            }
            device.addAddress(subnet.v4Request(1, 24));
            ni = oracle().find(name);
        }
        return ni.orElseThrow(() -> new AssertionError("the oracle (" + testNetwork() + ") does not list " + name
                + " even with an IPv4 address"));
    }

    static byte[] payload(String what, TestSubnet s) {
        return ("tappers tck: " + what + " #" + s.number()).getBytes(StandardCharsets.US_ASCII);
    }

    /** A far-side UDP socket bound to {@code address}, once it can be ({@link TestNetwork#bind}). */
    final FarSocket bind(InetAddress address) throws Exception {
        return testNetwork().bind(address, packetTimeout());
    }

    /** Writes {@code packet} to the device until {@code socket} receives a datagram ({@link Datagrams#deliver}). */
    final FarSocket.Datagram deliver(D device, Supplier<ByteBuffer> packet, FarSocket socket, String what)
            throws Exception {
        return Datagrams.deliver(() -> sendAll(device, packet.get()), socket, what, packetTimeout());
    }

    /** Fails or aborts the test when the far side cannot carry IPv6 ({@link TestNetwork#requireIpv6}). */
    final void requireIpv6() {
        testNetwork().requireIpv6();
    }

    /**
     * Fails, saying how to fix the run, when the JDK has switched IPv6 off: it decides once, early, and on Linux
     * only when some interface already has an IPv6 address. In a fresh network namespace even {@code lo} is down
     * and has none, so the namespace wrapper must bring {@code lo} up before it starts the test JVM; otherwise
     * neither the kernel sockets nor {@link NetworkInterface} can see IPv6, and every IPv6 check would fail
     * for the wrong reason.
     */
    static void requireJdkIpv6() {
        try (java.nio.channels.DatagramChannel probe = java.nio.channels.DatagramChannel.open(java.net.StandardProtocolFamily.INET6)) {
            // IPv6 is on.
        } catch (UnsupportedOperationException | IOException e) {
            fail("the JDK has IPv6 switched off in this JVM (" + e + "): on Linux it checks /proc/net/if_inet6 once, "
                    + "and a fresh network namespace has no IPv6 address until lo is up. Bring lo up in the namespace "
                    + "before starting the test JVM (for example 'ip link set lo up' in the wrapper), so that kernel "
                    + "sockets and java.net.NetworkInterface can check IPv6 at all");
        }
    }

    /** {@link PacketWaiter#await} with this test's timeout and packet descriptions. */
    final <T> T await(D device, ByteBuffer buffer, PacketWaiter.Handler<T> handler) throws Exception {
        return PacketWaiter.await(device, buffer, packetTimeout(), handler, this::describe);
    }

    /** Sends all of {@code packet} and checks {@code send}'s answer and the buffer position. */
    final void sendAll(D device, ByteBuffer packet) throws IOException {
        int length = packet.remaining();
        int sent = device.send(packet);
        assertEquals(length, sent, "send returned " + sent + " for a " + length + "-byte packet");
        assertFalse(packet.hasRemaining(), "send left the buffer position before its limit");
    }

    static ByteBuffer direct(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocateDirect(bytes.length);
        b.put(bytes).flip();
        return b;
    }

    static Optional<AddressInfo> listed(NetworkDevice d, AddressRequest request) throws IOException {
        return d.addresses().stream().filter(a -> a.matches(request)).findFirst();
    }

    static String text(AddressRequest r) {
        return InterfaceView.text(r.address(), r.prefixLength());
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @Test
    void required_createWithKernelPickedNameIsVisibleUntilClosed() throws IOException {
        D d = create();
        String name = d.name().value();
        assertTrue(d.isOpen(), "a new device says it is closed");
        assertTrue(d.isCreatedByUs(), "a device this library created says it did not create it");
        eventually(() -> exists(name), () -> "the system does not list " + name + " after create");
        d.close();
        assertFalse(d.isOpen(), "a closed device says it is open");
        eventually(() -> !exists(name), () -> name + " is still listed after close");
    }

    @Test
    void required_closingTwiceIsHarmless() throws IOException {
        D d = create();
        String name = d.name().value();
        d.close();
        d.close();
        assertFalse(d.isOpen());
        assertEquals(name, d.name().value(), "a closed device forgot its name");
        eventually(() -> !exists(name), () -> name + " is still listed after close");
    }

    @Test
    @RequiresFeature(Feature.CHOOSE_NAME)
    void required_givenNameIsHonoured() throws IOException {
        String name = freshName();
        D d = create(DeviceOptions.named(name));
        assertEquals(name, d.name().value());
        eventually(() -> exists(name), () -> "the system does not list " + name + " after create");
    }

    @Test
    @RequiresFeature(Feature.CHOOSE_NAME)
    void required_nameOf15BytesIsUsedWhole() throws IOException {
        String name = freshName() + "abcd";
        assertEquals(15, name.getBytes(StandardCharsets.UTF_8).length);
        D d = create(DeviceOptions.named(name));
        assertEquals(name, d.name().value(), "the name was changed");
        eventually(() -> exists(name), () -> "the system does not list the 15-byte name " + name);
    }

    @Test
    void required_twoCreatesGetDistinctNames() throws IOException {
        D a = create();
        D b = create();
        assertNotEquals(a.name(), b.name());
        assertTrue(exists(a.name().value()), a.name() + " is not listed");
        assertTrue(exists(b.name().value()), b.name() + " is not listed");
    }

    @Test
    @RequiresFeature(Feature.CHOOSE_NAME)
    void required_creatingATakenNameThrowsDeviceExistsException() throws IOException {
        String name = freshName();
        D first = create(DeviceOptions.named(name));
        DeviceExistsException e = assertThrows(DeviceExistsException.class, () -> create(DeviceOptions.named(name)));
        assertTrue(e.getMessage().contains(name), "the message does not name " + name + ": " + e.getMessage());
        assertTrue(first.isOpen(), "the failed second create closed the first device");
        assertTrue(exists(name), "the failed second create removed " + name);
    }

    @Test
    @RequiresFeature({Feature.OPEN_EXISTING, Feature.PERSISTENCE})
    void required_persistentDeviceOutlivesCloseOpensByNameAndDeletes() throws IOException {
        D made = create(DeviceOptions.defaults().withPersistent(true));
        String name = made.name().value();
        try {
            assertTrue(made.isPersistent(), "created with withPersistent(true) but isPersistent() is false");
            made.close();
            NetworkInterfaceOracle.sleep(100);
            assertTrue(exists(name), "the persistent device " + name + " went away on close");

            D opened = open(name);
            assertEquals(name, opened.name().value());
            assertFalse(opened.isCreatedByUs(), "an opened device says this library created it");
            assertTrue(opened.isPersistent(), "the opened device says it is not persistent");
            opened.close();
            NetworkInterfaceOracle.sleep(100);
            assertTrue(exists(name), "closing a device that was only opened removed " + name);

            D again = open(name);
            again.delete();
            assertFalse(again.isOpen(), "delete() left the device object open");
            eventually(() -> !exists(name), () -> "delete() left " + name + " in place");
        } finally {
            if (exists(name)) {
                try (D leftover = openDevice(InterfaceName.of(name))) {
                    leftover.delete();
                } catch (IOException | RuntimeException cleanup) {
                    // the assertion above already failed; this only keeps the namespace tidy
                }
            }
        }
    }

    @Test
    @RequiresFeature(Feature.OPEN_EXISTING)
    void required_openingAMissingDeviceThrowsNoSuchDeviceException() {
        String name = freshName();
        NoSuchDeviceException e = assertThrows(NoSuchDeviceException.class, () -> open(name));
        assertTrue(e.getMessage().contains(name), "the message does not name " + name + ": " + e.getMessage());
        assertFalse(exists(name), "opening the missing device " + name + " created it");
    }

    // ---- index, state, MTU ----------------------------------------------------------------------------------

    @Test
    void required_indexMatchesNetworkInterface() throws IOException {
        D d = create();
        InterfaceView ni = visible(d, TestSubnet.next());
        int index = d.index();
        assertTrue(index > 0, "index " + index + " is not positive");
        assertEquals(ni.index(), index, "index() disagrees with the oracle (" + ni + ")");
    }

    @Test
    void required_newDeviceIsDown() throws IOException {
        D d = create();
        InterfaceView ni = visible(d, TestSubnet.next());
        assertEquals(DeviceState.DOWN, d.state());
        assertFalse(ni.isUp(), ni + " says the new device is up");
    }

    @Test
    @RequiresFeature(Feature.SET_STATE)
    void required_upAndDownShowInStateAndNetworkInterface() throws IOException {
        D d = create();
        InterfaceView ni = visible(d, TestSubnet.next());
        d.up();
        assertEquals(DeviceState.UP, d.state());
        // The JDK's isUp() also wants IFF_RUNNING, which the kernel may set a moment after IFF_UP.
        eventually(ni::isUp, () -> ni + " says " + d.name() + " is not up after up()");
        d.down();
        assertEquals(DeviceState.DOWN, d.state());
        eventually(() -> !ni.isUp(), () -> ni + " says " + d.name() + " is up after down()");
        d.setState(DeviceState.UP);
        assertEquals(DeviceState.UP, d.state());
    }

    @Test
    @RequiresFeature(Feature.GET_MTU)
    void required_mtuMatchesNetworkInterface() throws IOException {
        D d = create();
        InterfaceView ni = visible(d, TestSubnet.next());
        int mtu = d.mtu();
        assertTrue(mtu > 0, "MTU " + mtu);
        assertEquals(ni.mtu(), mtu, "mtu() disagrees with the oracle (" + ni + ")");
    }

    @Test
    @RequiresFeature({Feature.SET_MTU, Feature.GET_MTU})
    void required_setMtuShowsInMtuAndNetworkInterface() throws IOException {
        D d = create();
        InterfaceView ni = visible(d, TestSubnet.next());
        for (int mtu : new int[] {1400, 9000, 1500}) {
            d.setMtu(mtu);
            assertEquals(mtu, d.mtu(), "mtu() after setMtu(" + mtu + ")");
            assertEquals(mtu, ni.mtu(), "the MTU " + ni + " reports after setMtu(" + mtu + ")");
        }
    }

    // ---- addresses ------------------------------------------------------------------------------------------

    private void addListRemove(AddressRequest request) throws IOException {
        D d = create();
        String name = d.name().value();
        d.addAddress(request);
        assertTrue(listed(d, request).isPresent(), request + " is not in addresses(): " + d.addresses());
        assertTrue(oracleAddresses(name).contains(text(request)),
                "the oracle does not list " + request + ": " + oracleAddresses(name));
        d.removeAddress(request.address(), request.prefixLength());
        assertFalse(listed(d, request).isPresent(), request + " is still in addresses() after removal: " + d.addresses());
        assertFalse(oracleAddresses(name).contains(text(request)),
                "the oracle still lists " + request + " after removal");
    }

    @Test
    @RequiresFeature(Feature.IPV4_ADDRESSES)
    void required_ipv4AddressCanBeAddedListedAndRemoved() throws IOException {
        addListRemove(TestSubnet.next().v4Request(1, 24));
    }

    @Test
    @RequiresFeature(Feature.IPV6_ADDRESSES)
    void required_ipv6AddressCanBeAddedListedAndRemoved() throws IOException {
        requireIpv6();
        addListRemove(TestSubnet.next().v6Request(1, 64));
    }

    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.IPV6_ADDRESSES})
    void required_severalAddressesAreListedExactly() throws IOException {
        requireIpv6();
        TestSubnet s = TestSubnet.next();
        // Two IPv4 halves of the /24 rather than one /24 twice: Linux would make the second a "secondary" of
        // the first and drop it when the first goes.
        List<AddressRequest> requests = List.of(s.v4Request(1, 25), s.v4Request(129, 25),
                AddressRequest.of(s.v6(0, 1), 64), AddressRequest.of(s.v6(1, 1), 64));
        D d = create();
        String name = d.name().value();
        Set<String> expected = new java.util.TreeSet<>();
        for (AddressRequest r : requests) {
            d.addAddress(r);
            expected.add(text(r));
        }
        assertEquals(expected, NetworkInterfaceOracle.texts(d.addresses()), "addresses() apart from link-local ones");
        assertEquals(expected, oracleAddresses(name), "the oracle's addresses apart from link-local ones");
        for (AddressRequest r : requests) {
            d.removeAddress(r.address(), r.prefixLength());
        }
        assertEquals(Set.of(), NetworkInterfaceOracle.texts(d.addresses()), "addresses() after removing them all");
    }

    private void unusualPrefix(AddressRequest request) throws IOException {
        D d = create();
        String name = d.name().value();
        d.addAddress(request);
        AddressInfo info = listed(d, request).orElseThrow(() -> new AssertionError(request + " is not in addresses()"));
        assertTrue(oracleAddresses(name).contains(text(request)),
                "the oracle does not list " + request + ": " + oracleAddresses(name));
        d.removeAddress(info);
        assertFalse(listed(d, request).isPresent(), request + " is still in addresses() after removal");
        assertFalse(oracleAddresses(name).contains(text(request)),
                "the oracle still lists " + request + " after removal");
    }

    @Test
    @RequiresFeature(Feature.IPV4_ADDRESSES)
    void required_ipv4AddressWithPrefix17CanBeRemoved() throws IOException {
        // 198.19.128.0/17 is kept out of TestSubnet's range for this test.
        unusualPrefix(AddressRequest.parse("198.19.200.1/17"));
    }

    @Test
    @RequiresFeature(Feature.IPV6_ADDRESSES)
    void required_ipv6AddressWithPrefix93CanBeRemoved() throws IOException {
        requireIpv6();
        unusualPrefix(TestSubnet.next().v6Request(1, 93));
    }

    @Test
    @RequiresFeature(Feature.IPV4_ADDRESSES)
    void required_broadcastAddressIsReported() throws IOException {
        TestSubnet s = TestSubnet.next();
        AddressRequest request = s.v4Request(1, 24).withBroadcast(s.v4(255));
        D d = create();
        d.addAddress(request);
        AddressInfo info = listed(d, request).orElseThrow(() -> new AssertionError(request + " is not in addresses()"));
        assertEquals(Optional.of(s.v4(255)), info.broadcast(), "the broadcast address in addresses()");
        if (networkInterfaceShowsBroadcast()) {
            InterfaceView ni = oracle().find(d.name().value()).orElseThrow(() ->
                    new AssertionError("the oracle does not list " + d.name()));
            assertEquals(Optional.of(s.v4(255)), ni.broadcast(s.v4(1)), "the broadcast address of " + request
                    + " that " + ni + " reports");
        }
    }

    // ---- blocking and nonblocking ---------------------------------------------------------------------------

    @Test
    @RequiresFeature(Feature.NONBLOCKING)
    void required_nonblockingReceiveWithNothingWaitingReturnsZero() throws IOException {
        D d = create(DeviceOptions.defaults().withNonBlocking(true));
        assertTrue(d.isNonBlocking(), "created with withNonBlocking(true) but isNonBlocking() is false");
        ByteBuffer buffer = ByteBuffer.allocateDirect(d.maxPacketSize());
        assertEquals(0, d.receive(buffer), "nonblocking receive on a down device with nothing waiting");
        assertEquals(0, buffer.position(), "a receive that got nothing moved the buffer position");
    }

    @Test
    @RequiresFeature(Feature.NONBLOCKING)
    void required_setNonBlockingSwitchesTheMode() throws IOException {
        D d = create();
        assertFalse(d.isNonBlocking(), "a device created with default options is nonblocking");
        d.setNonBlocking(true);
        assertTrue(d.isNonBlocking());
        assertEquals(0, d.receive(ByteBuffer.allocate(d.maxPacketSize())), "receive after setNonBlocking(true)");
        d.setNonBlocking(false);
        assertFalse(d.isNonBlocking());
    }

    @Test
    void required_closeWakesAReceiveBlockedInAnotherThread() throws Exception {
        D d = create();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread receiver = new Thread(() -> {
            started.countDown();
            try {
                outcome.set("returned " + d.receive(ByteBuffer.allocate(d.maxPacketSize())));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "tappers-tck-blocked-receive");
        receiver.setDaemon(true);
        receiver.start();
        assertTrue(started.await(5, TimeUnit.SECONDS), "the receiving thread did not start");
        receiver.join(500); // let it reach the blocking call; the device is down, so nothing arrives
        assertTrue(receiver.isAlive(), "a blocking receive on a down device did not block: " + outcome.get());
        d.close();
        receiver.join(5_000);
        assertFalse(receiver.isAlive(), "close() did not wake the receive blocked in another thread within 5 s");
        Object o = outcome.get();
        assertTrue(o instanceof AsynchronousCloseException, "the woken receive should throw "
                + "AsynchronousCloseException, got: " + o);
    }

    // ---- bad input ------------------------------------------------------------------------------------------

    private void badName(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> create(DeviceOptions.named(name)));
        assertTrue(e.getMessage().contains("interface name"), "the message does not say what was wrong: " + e.getMessage());
        String printable = name.replace("\0", "\\u0000");
        assertTrue(e.getMessage().contains(printable), "the message does not name \"" + printable + "\": " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> openDevice(InterfaceName.of(name)));
    }

    @Test
    void required_nameOf16BytesIsRejected() {
        badName("tappers-16-bytes");
    }

    @Test
    void required_emptyNameIsRejected() {
        badName("");
    }

    @Test
    void required_nameWithSlashIsRejected() {
        badName("tck/bad");
    }

    @Test
    void required_nameWithSpaceIsRejected() {
        badName("tck bad");
    }

    @Test
    void required_nameWithNulIsRejected() {
        badName("tck\0bad");
    }

    @Test
    @RequiresFeature(Feature.IPV4_ADDRESSES)
    void required_ipv4Prefix33IsRejected() {
        TestSubnet s = TestSubnet.next();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressRequest.of(s.v4(1), 33));
        assertTrue(e.getMessage().contains("33"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddressRequest.parse(s.v4(1).getHostAddress() + "/33"));
    }

    @Test
    @RequiresFeature(Feature.IPV6_ADDRESSES)
    void required_ipv6Prefix129IsRejected() {
        TestSubnet s = TestSubnet.next();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressRequest.of(s.v6(1), 129));
        assertTrue(e.getMessage().contains("129"), e.getMessage());
    }

    private void badMtu(int mtu) throws IOException {
        D d = create();
        int before = d.mtu();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.setMtu(mtu));
        assertTrue(e.getMessage().contains(String.valueOf(mtu)), "the message does not name " + mtu + ": " + e.getMessage());
        assertEquals(before, d.mtu(), "a rejected setMtu(" + mtu + ") changed the MTU");
    }

    @Test
    @RequiresFeature({Feature.SET_MTU, Feature.GET_MTU})
    void required_mtu0IsRejected() throws IOException {
        badMtu(0);
    }

    @Test
    @RequiresFeature({Feature.SET_MTU, Feature.GET_MTU})
    void required_mtu70000IsRejected() throws IOException {
        badMtu(70_000);
    }

    @Test
    @RequiresFeature({Feature.SET_MTU, Feature.GET_MTU, Feature.IPV6_ADDRESSES})
    void required_mtuBelow1280IsRejectedWhileIpv6IsConfigured() throws IOException {
        AddressRequest v6 = TestSubnet.next().v6Request(1, 64);
        D d = create();
        d.addAddress(v6);
        int before = d.mtu();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.setMtu(1000));
        assertTrue(e.getMessage().contains("1000"), "the message does not name the MTU: " + e.getMessage());
        assertEquals(before, d.mtu(), "the rejected setMtu(1000) changed the MTU");
        assertTrue(listed(d, v6).isPresent(), "the rejected setMtu(1000) lost " + v6);
    }

    @Test
    @RequiresFeature({Feature.SET_MTU, Feature.IPV6_ADDRESSES})
    void required_ipv6AddressIsRejectedWhileMtuIsBelow1280() throws IOException {
        AddressRequest v6 = TestSubnet.next().v6Request(1, 64);
        D d = create();
        d.setMtu(1200);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.addAddress(v6));
        assertTrue(e.getMessage().contains("1280"), "the message does not give the IPv6 minimum: " + e.getMessage());
        assertFalse(listed(d, v6).isPresent(), "the rejected " + v6 + " was added");
    }

    @Test
    @RequiresFeature(Feature.IPV4_ADDRESSES)
    void required_broadcastAndDestinationTogetherAreRejected() {
        TestSubnet s = TestSubnet.next();
        AddressRequest base = s.v4Request(1, 24);
        assertThrows(IllegalArgumentException.class, () -> base.withBroadcast(s.v4(255)).withDestination(s.v4(2)));
        assertThrows(IllegalArgumentException.class, () -> base.withDestination(s.v4(2)).withBroadcast(s.v4(255)));
    }

    @Test
    void required_sendingAnEmptyPacketIsRejected() throws IOException {
        D d = create();
        assertThrows(IllegalArgumentException.class, () -> d.send(ByteBuffer.allocate(0)));
        ByteBuffer consumed = ByteBuffer.allocate(64);
        consumed.position(64);
        assertThrows(IllegalArgumentException.class, () -> d.send(consumed));
    }

    @Test
    void required_receivingIntoAReadOnlyBufferIsRejected() throws IOException {
        D d = create();
        assertThrows(IllegalArgumentException.class, () -> d.receive(ByteBuffer.allocate(d.maxPacketSize()).asReadOnlyBuffer()));
    }

    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void required_tooSmallReceiveBufferThrowsPacketTooLargeAndKeepsThePacket() throws Exception {
        TestSubnet s = TestSubnet.next();
        D d = create();
        d.up();
        d.addAddress(s.v4Request(1, 24));
        byte[] payload = payload("too small a buffer", s);
        // The kernel answers this with a packet on the device: the datagram itself (TUN) or an ARP request (TAP).
        int sourcePort;
        try (FarSocket socket = bind(s.v4(1))) {
            sourcePort = socket.localPort();
            socket.send(payload, new InetSocketAddress(s.v4(2), FAR_PORT));
        }
        // The kernel may put packets of its own first (IPv6 MLD reports, router solicitations): each one goes
        // through the too-small buffer and is checked for being kept, until the test's own packet has been.
        ExecutorService helper = Executors.newSingleThreadExecutor();
        try {
            Future<byte[]> kept = helper.submit(() -> {
                List<String> others = new ArrayList<>();
                for (int i = 0; i < PacketWaiter.MAX_PACKETS; i++) {
                    ByteBuffer small = ByteBuffer.allocate(TOO_SMALL);
                    PacketTooLargeException e = assertThrows(PacketTooLargeException.class, () -> d.receive(small));
                    assertEquals(0, small.position(), "the failed receive moved the small buffer's position");
                    ByteBuffer big = ByteBuffer.allocate(d.maxPacketSize());
                    int n = d.receive(big);
                    assertTrue(e.packetSize() > TOO_SMALL, "PacketTooLargeException.packetSize() " + e.packetSize()
                            + " fits the " + TOO_SMALL + "-byte buffer");
                    assertEquals(e.packetSize(), n, "the receive after PacketTooLargeException got a packet of another"
                            + " size: the too-large packet was not kept");
                    assertEquals(n, big.position(), "receive's result and the buffer position disagree");
                    byte[] packet = Arrays.copyOf(big.array(), n);
                    if (isAnswerTo(packet, s, payload)) {
                        return packet;
                    }
                    others.add(describe(packet));
                }
                throw new AssertionError("the answer to the test's datagram was not among " + PacketWaiter.MAX_PACKETS
                        + " packets on " + d.name() + ": " + others);
            });
            byte[] packet;
            try {
                packet = kept.get(packetTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                d.close();
                throw new AssertionError("no packet arrived on " + d.name() + " within " + packetTimeout().toMillis() + " ms");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Error ? (Error) e.getCause() : new AssertionError(e.getCause());
            }
            assertKeptBytes(d, packet, s, sourcePort, payload);
        } finally {
            helper.shutdownNow();
        }
    }

    /** Whether {@code packet} is the kernel's answer to the datagram to {@code s.v4(2)} carrying {@code payload}. */
    private boolean isAnswerTo(byte[] packet, TestSubnet s, byte[] payload) {
        if (kind() == Feature.TUN) {
            return Ipv4Packet.tryParse(packet).filter(ip -> ip.destination().equals(s.v4(2))).flatMap(Ipv4Packet::udp)
                    .filter(u -> Arrays.equals(payload, u.payload())).isPresent();
        }
        return ArpPacket.fromFrame(ByteBuffer.wrap(packet)).filter(a -> a.isRequest() && a.targetIp().equals(s.v4(2)))
                .isPresent();
    }

    /**
     * Checks every byte of the kept packet against the one the kernel would have delivered: for a TUN the
     * datagram as sent (only the fields the kernel chooses, TOS, identification, flags, TTL and header checksum,
     * are taken from the packet, the checksum then verified); for a TAP the ARP request for {@code s.v4(2)} from
     * the frame's own source MAC (the device's, where it can be read), with nothing after it but Ethernet padding.
     */
    private void assertKeptBytes(D d, byte[] packet, TestSubnet s, int sourcePort, byte[] payload) throws IOException {
        if (kind() == Feature.TUN) {
            byte[] expected = Ipv4Packet.udp(s.v4(1), s.v4(2), new UdpDatagram(sourcePort, FAR_PORT, payload)).toBytes();
            assertEquals(expected.length, packet.length, "the length of the kept packet: " + describe(packet));
            for (int kernelChosen : new int[] {1, 4, 5, 6, 7, 8, 10, 11}) {
                expected[kernelChosen] = packet[kernelChosen];
            }
            assertTrue(Ipv4Packet.headerChecksumValid(packet), "the kept packet's IPv4 header checksum is wrong: "
                    + describe(packet));
            assertArrayEquals(expected, packet, "the bytes of the kept packet differ from the datagram as sent: "
                    + describe(packet));
            return;
        }
        MacAddress sender = MacAddress.of(Arrays.copyOfRange(packet, 6, 12));
        if (supports(Feature.GET_MAC) && d instanceof Tap tap) {
            assertEquals(tap.mac(), sender, "the source MAC of the kept ARP request");
        }
        byte[] expected = ArpPacket.request(sender, s.v4(1), s.v4(2)).toFrame().toBytes();
        assertTrue(packet.length >= expected.length && packet.length <= Math.max(expected.length, MIN_ETHERNET_FRAME),
                "the kept frame is " + packet.length + " bytes, an ARP request is " + expected.length + " (padded at most"
                        + " to " + MIN_ETHERNET_FRAME + "): " + describe(packet));
        assertArrayEquals(expected, Arrays.copyOf(packet, expected.length), "the bytes of the kept ARP request: "
                + describe(packet));
        for (int i = expected.length; i < packet.length; i++) {
            assertEquals(0, packet[i], "byte " + i + " of the kept frame's padding");
        }
    }

    @Test
    void required_creatingWithoutPrivilegeThrowsPermissionDenied() throws Exception {
        AtomicReference<D> made = new AtomicReference<>();
        Throwable thrown = null;
        try {
            withoutPrivilege(() -> {
                made.set(createDevice(DeviceOptions.defaults()));
                return null;
            });
        } catch (TestAbortedException skip) {
            throw skip;
        } catch (Throwable t) {
            thrown = t;
        }
        if (made.get() != null) {
            devices.add(made.get());
            fail("created " + made.get().name() + " without privilege");
        }
        assertTrue(thrown instanceof PermissionDeniedException, "expected PermissionDeniedException, got " + thrown);
        assertTrue(thrown.getMessage().contains("CAP_NET_ADMIN"), "the message does not name the missing privilege: "
                + thrown.getMessage());
    }

    @Test
    @RequiresFeature({Feature.SET_MTU, Feature.GET_MTU})
    void required_changingMtuWithoutPrivilegeThrowsPermissionDenied() throws Exception {
        D d = create();
        int before = d.mtu();
        int wanted = before == 1400 ? 1420 : 1400;
        Throwable thrown = null;
        try {
            withoutPrivilege(() -> {
                d.setMtu(wanted);
                return null;
            });
        } catch (TestAbortedException skip) {
            throw skip;
        } catch (Throwable t) {
            thrown = t;
        }
        assertTrue(thrown instanceof PermissionDeniedException, "expected PermissionDeniedException, got " + thrown);
        assertTrue(thrown.getMessage().contains("CAP_NET_ADMIN"), "the message does not name the missing privilege: "
                + thrown.getMessage());
        assertEquals(before, d.mtu(), "the MTU changed without privilege");
    }

    // ---- closed devices -------------------------------------------------------------------------------------

    /**
     * One test per operation: on a closed device each throws {@link ClosedChannelException} (or, for a feature
     * the provider lacks, {@link UnsupportedFeatureException}).
     */
    @TestFactory
    List<DynamicTest> required_everyOperationOnAClosedDeviceThrowsClosedChannelException() throws IOException {
        TestSubnet s = TestSubnet.next();
        D d = create();
        byte[] packet = samplePacket(d, s);
        d.close();
        List<ClosedOperation> ops = new ArrayList<>(List.of(
                new ClosedOperation("index()", null, d::index),
                new ClosedOperation("state()", null, d::state),
                new ClosedOperation("setState(UP)", Feature.SET_STATE, () -> d.setState(DeviceState.UP)),
                new ClosedOperation("up()", Feature.SET_STATE, d::up),
                new ClosedOperation("mtu()", Feature.GET_MTU, d::mtu),
                new ClosedOperation("setMtu(1400)", Feature.SET_MTU, () -> d.setMtu(1400)),
                new ClosedOperation("addresses()", Feature.IPV4_ADDRESSES, d::addresses),
                new ClosedOperation("addAddress(" + s.v4Request(1, 24) + ")", Feature.IPV4_ADDRESSES,
                        () -> d.addAddress(s.v4Request(1, 24))),
                new ClosedOperation("removeAddress(" + s.v4(1).getHostAddress() + ", 24)", Feature.IPV4_ADDRESSES,
                        () -> d.removeAddress(s.v4(1), 24)),
                new ClosedOperation("isPersistent()", Feature.PERSISTENCE, d::isPersistent),
                new ClosedOperation("setPersistent(true)", Feature.PERSISTENCE, () -> d.setPersistent(true)),
                new ClosedOperation("delete()", null, d::delete),
                new ClosedOperation("receive(buffer)", null, () -> d.receive(ByteBuffer.allocate(d.maxPacketSize()))),
                new ClosedOperation("send(packet)", null, () -> d.send(ByteBuffer.wrap(packet))),
                new ClosedOperation("setNonBlocking(true)", Feature.NONBLOCKING, () -> d.setNonBlocking(true))));
        ops.addAll(kindOperations(d, s));
        List<DynamicTest> tests = new ArrayList<>();
        for (ClosedOperation op : ops) {
            tests.add(DynamicTest.dynamicTest(op.call() + " on a closed device throws ClosedChannelException",
                    () -> expectClosed(op)));
        }
        return tests;
    }

    private void expectClosed(ClosedOperation op) {
        Throwable thrown = null;
        try {
            op.op().execute();
        } catch (Throwable t) {
            thrown = t;
        }
        if (thrown instanceof ClosedChannelException) {
            return;
        }
        if (thrown instanceof UnsupportedFeatureException && op.feature() != null && !supports(op.feature())) {
            return;
        }
        fail(op.call() + " on a closed device should throw ClosedChannelException but "
                + (thrown == null ? "returned normally" : "threw " + thrown), thrown);
    }
}
