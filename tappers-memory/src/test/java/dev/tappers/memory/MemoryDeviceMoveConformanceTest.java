package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.DeviceMoveConformanceTest;
import dev.tappers.tck.TestNetwork;

/** The TCK's device-move tests (skipped: no NAMESPACES) against the in-memory provider, with its software host as the far side. */
class MemoryDeviceMoveConformanceTest extends DeviceMoveConformanceTest {
    @Override
    protected TappersProvider provider() {
        return MemoryTestSupport.PROVIDER;
    }

    @Override
    protected TestNetwork testNetwork() {
        return MemoryTestSupport.NETWORK;
    }
}
