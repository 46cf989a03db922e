package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.TapConformanceTest;
import dev.tappers.tck.TestNetwork;

/** The TCK's TAP conformance tests against the in-memory provider, with its software host as the far side. */
class MemoryTapConformanceTest extends TapConformanceTest {
    @Override
    protected TappersProvider provider() {
        return MemoryTestSupport.PROVIDER;
    }

    @Override
    protected TestNetwork testNetwork() {
        return MemoryTestSupport.NETWORK;
    }
}
