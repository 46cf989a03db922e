package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.NamespaceConformanceTest;
import dev.tappers.tck.TestNetwork;

/** The TCK's namespace tests (skipped: no NAMESPACES) against the in-memory provider, with its software host as the far side. */
class MemoryNamespaceConformanceTest extends NamespaceConformanceTest {
    @Override
    protected TappersProvider provider() {
        return MemoryTestSupport.PROVIDER;
    }

    @Override
    protected TestNetwork testNetwork() {
        return MemoryTestSupport.NETWORK;
    }
}
