package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.LinkSettingsConformanceTest;
import dev.tappers.tck.TestNetwork;

/** The TCK's link-settings tests (most skipped: no LINK_FLAGS, TX_QUEUE_LENGTH, RENAME, OWNERSHIP) against the in-memory provider, with its software host as the far side. */
class MemoryLinkSettingsConformanceTest extends LinkSettingsConformanceTest {
    @Override
    protected TappersProvider provider() {
        return MemoryTestSupport.PROVIDER;
    }

    @Override
    protected TestNetwork testNetwork() {
        return MemoryTestSupport.NETWORK;
    }
}
