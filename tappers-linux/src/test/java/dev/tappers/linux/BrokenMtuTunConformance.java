package dev.tappers.linux;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.TunConformanceTest;

/** Not run by surefire itself (no Test suffix): {@link BrokenProviderTckTest} runs it through the TestKit. */
class BrokenMtuTunConformance extends TunConformanceTest {
    @Override
    protected TappersProvider provider() {
        return BrokenProviders.SILENT_MTU;
    }
}
