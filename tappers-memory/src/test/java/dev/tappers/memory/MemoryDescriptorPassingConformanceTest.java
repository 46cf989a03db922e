package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.DescriptorPassingConformanceTest;
import dev.tappers.tck.TestNetwork;

/** The TCK's descriptor adoption and passing tests (skipped: no ADOPT_DESCRIPTOR, DESCRIPTOR_PASSING) against the in-memory provider, with its software host as the far side. */
class MemoryDescriptorPassingConformanceTest extends DescriptorPassingConformanceTest {
    @Override
    protected TappersProvider provider() {
        return MemoryTestSupport.PROVIDER;
    }

    @Override
    protected TestNetwork testNetwork() {
        return MemoryTestSupport.NETWORK;
    }
}
