package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.AsyncIoConformanceTest;
import dev.tappers.tck.TestNetwork;

/** The TCK's event-driven I/O tests (poller, futures, close, virtual threads) against the in-memory provider, with its software host as the far side. */
class MemoryAsyncIoConformanceTest extends AsyncIoConformanceTest {
    @Override
    protected TappersProvider provider() {
        return MemoryTestSupport.PROVIDER;
    }

    @Override
    protected TestNetwork testNetwork() {
        return MemoryTestSupport.NETWORK;
    }
}
