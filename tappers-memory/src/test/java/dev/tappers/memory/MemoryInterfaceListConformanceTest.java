package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.InterfaceListConformanceTest;
import dev.tappers.tck.TestNetwork;

/** The TCK's interface-listing tests against the in-memory provider, with its software host as the far side. */
class MemoryInterfaceListConformanceTest extends InterfaceListConformanceTest {
    @Override
    protected TappersProvider provider() {
        return MemoryTestSupport.PROVIDER;
    }

    @Override
    protected TestNetwork testNetwork() {
        return MemoryTestSupport.NETWORK;
    }
}
