package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.RouteConformanceTest;
import dev.tappers.tck.TestNetwork;

/** The TCK's route tests (skipped: no ROUTES) against the in-memory provider, with its software host as the far side. */
class MemoryRouteConformanceTest extends RouteConformanceTest {
    @Override
    protected TappersProvider provider() {
        return MemoryTestSupport.PROVIDER;
    }

    @Override
    protected TestNetwork testNetwork() {
        return MemoryTestSupport.NETWORK;
    }
}
