package dev.tappers.tck;

import dev.tappers.PacketDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The base of the conformance tests for routes, multi-queue devices, link settings and interface listing, and of
 * the namespace ones ({@link NamespaceTestBase}): the test network's guard ({@link HermeticNetwork} on a kernel)
 * before every test, and
 * everything a test opens closed after it, newest first.
 *
 * <p>The tests of this package's own subclasses use their own documentation ranges, apart from
 * {@link TestSubnet}'s: 203.0.113.0/24 (RFC 5737) for route destinations, 198.18.250.0/24 (inside RFC 2544's
 * 198.18.0.0/15) for the devices' own addresses, and 2001:db8:6::/48 (inside RFC 3849's 2001:db8::/32) for IPv6.
 */
public abstract class HermeticDeviceTest extends ProviderTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How often a nonblocking receive loop looks again when nothing is waiting. */
    static final long POLL_MILLIS = 2;

    private final List<Closeable> opened = new ArrayList<>();

    HermeticDeviceTest() {
        // Only the conformance classes of this package extend this directly.
    }

    /** How long to wait for a packet or a datagram. A liveness bound, not a benchmark. */
    protected Duration packetTimeout() {
        return Duration.ofSeconds(5);
    }

    @BeforeEach
    final void requireHermeticNetworkFirst() {
        testNetwork().requireSafe();
    }

    @AfterEach
    final void closeWhatTheTestOpened() throws IOException {
        Cleanup.closeNewestFirst(opened);
    }

    /** Closes {@code c} after the test (closing twice must be harmless: every device's close is idempotent). */
    final <T extends Closeable> T track(T c) {
        if (c == null) {
            fail("provider '" + provider().name() + "' returned null");
        }
        opened.add(c);
        return c;
    }

    final boolean supports(dev.tappers.Feature f) {
        return provider().supports(f);
    }

    /** A name no interface has, as the test network's oracle sees it: {@code prefix} and random digits. */
    final String freshName(String prefix) {
        String name;
        int tries = 0;
        do {
            name = prefix + String.format("%05d", RANDOM.nextInt(100_000));
        } while (testNetwork().oracle().exists(name) && ++tries < 100);
        return name;
    }

    /** A random tag for payloads, so a stray packet of another test can never be taken for this one's. */
    static String nonce() {
        return Long.toHexString(RANDOM.nextLong());
    }

    /** A kernel UDP socket bound to {@code address}, once it can be ({@link Datagrams#bind}). */
    final DatagramSocket bind(InetAddress address) throws Exception {
        return Datagrams.bind(address, packetTimeout());
    }

    /**
     * A UDP socket of the test network's far side bound to {@code address} ({@link TestNetwork#bind}): a kernel
     * socket by default, whatever the provider's test network puts there otherwise.
     */
    final FarSocket farBind(InetAddress address) throws Exception {
        return testNetwork().bind(address, packetTimeout());
    }

    /**
     * Receives from {@code device} in nonblocking mode for {@code wait}, and fails if a packet {@code unwanted}
     * matches arrives. The device is left in blocking mode.
     */
    static void assertNothingArrives(PacketDevice device, Predicate<byte[]> unwanted, Duration wait, String what)
            throws IOException {
        Objects.requireNonNull(unwanted, "unwanted");
        device.setNonBlocking(true);
        try {
            ByteBuffer buffer = ByteBuffer.allocateDirect(device.maxPacketSize());
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() - deadline < 0) {
                buffer.clear();
                int n = device.receive(buffer);
                if (n == 0) {
                    NetworkInterfaceOracle.sleep(POLL_MILLIS);
                    continue;
                }
                byte[] packet = new byte[n];
                buffer.flip().get(packet);
                if (unwanted.test(packet)) {
                    fail(what + " arrived on " + device.name() + ", and it should not have");
                }
            }
        } finally {
            device.setNonBlocking(false);
        }
    }
}
