package dev.tappers.linux;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.MultiQueueConformanceTest;

/** The TCK's multi-queue tests on real IFF_MULTI_QUEUE TUN and TAP devices. */
class LinuxMultiQueueConformanceTest extends MultiQueueConformanceTest {
    @Override
    protected TappersProvider provider() {
        return LinuxTestSupport.PROVIDER;
    }
}
