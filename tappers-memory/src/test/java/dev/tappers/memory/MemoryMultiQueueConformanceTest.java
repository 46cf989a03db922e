package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.MultiQueueConformanceTest;
import dev.tappers.tck.TestNetwork;

/** The TCK's multi-queue tests (skipped: no MULTI_QUEUE) against the in-memory provider, with its software host as the far side. */
class MemoryMultiQueueConformanceTest extends MultiQueueConformanceTest {
    @Override
    protected TappersProvider provider() {
        return MemoryTestSupport.PROVIDER;
    }

    @Override
    protected TestNetwork testNetwork() {
        return MemoryTestSupport.NETWORK;
    }
}
