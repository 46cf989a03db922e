package dev.tappers.tck;

import java.net.InetAddress;
import java.time.Duration;

/**
 * The world around the device under test: what the conformance tests use as the far side of the data path and
 * as the independent oracle, so that the same tests run against a kernel provider and against one whose devices
 * live in software.
 *
 * <p>The default, {@link KernelTestNetwork}, is the kernel itself: kernel UDP sockets at the far end, the JDK's
 * {@link java.net.NetworkInterface} (and {@code /proc/net/dev}) as the oracle, and the {@link HermeticNetwork}
 * guard. A provider without a kernel supplies its own by overriding {@link ProviderTest#testNetwork()}: a
 * software host at the other end of its devices, and an oracle that reads the provider's own records of its
 * interfaces, not the device object under test.
 */
public interface TestNetwork {

    /**
     * Returns when tests may create devices here; aborts the calling test (skipped, with the reason) when they
     * may not and nothing could have been harmed; throws {@link AssertionError} when running could do harm.
     */
    void requireSafe();

    /** Fails or aborts the calling test, saying why, when the far side cannot carry IPv6. */
    void requireIpv6();

    /** The independent view of the interfaces. */
    InterfaceOracle oracle();

    /**
     * A UDP endpoint of the far side bound to {@code local} (an address the test gave a device), once it can be
     * bound: an address just added may not be usable at once, so this retries until {@code timeout} and then
     * fails the test.
     */
    FarSocket bind(InetAddress local, Duration timeout) throws Exception;
}
