package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.VethConformanceTest;
import dev.tappers.tck.TestNetwork;

/** The TCK's vETH tests (skipped: no VETH) against the in-memory provider, with its software host as the far side. */
class MemoryVethConformanceTest extends VethConformanceTest {
    @Override
    protected TappersProvider provider() {
        return MemoryTestSupport.PROVIDER;
    }

    @Override
    protected TestNetwork testNetwork() {
        return MemoryTestSupport.NETWORK;
    }
}
