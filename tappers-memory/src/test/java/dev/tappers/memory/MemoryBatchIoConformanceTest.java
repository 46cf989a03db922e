package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.BatchIoConformanceTest;
import dev.tappers.tck.TestNetwork;

/** The TCK's batch I/O tests against the in-memory provider, with its software host as the far side. */
class MemoryBatchIoConformanceTest extends BatchIoConformanceTest {
    @Override
    protected TappersProvider provider() {
        return MemoryTestSupport.PROVIDER;
    }

    @Override
    protected TestNetwork testNetwork() {
        return MemoryTestSupport.NETWORK;
    }
}
