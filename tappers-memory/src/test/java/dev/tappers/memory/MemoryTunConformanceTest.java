package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.TunConformanceTest;
import dev.tappers.tck.TestNetwork;

/** The TCK's TUN conformance tests against the in-memory provider, with its software host as the far side. */
class MemoryTunConformanceTest extends TunConformanceTest {
    @Override
    protected TappersProvider provider() {
        return MemoryTestSupport.PROVIDER;
    }

    @Override
    protected TestNetwork testNetwork() {
        return MemoryTestSupport.NETWORK;
    }
}
