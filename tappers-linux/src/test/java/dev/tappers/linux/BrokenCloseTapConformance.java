package dev.tappers.linux;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.TapConformanceTest;

/** Not run by surefire itself (no Test suffix): {@link BrokenProviderTckTest} runs it through the TestKit. */
class BrokenCloseTapConformance extends TapConformanceTest {
    @Override
    protected TappersProvider provider() {
        return BrokenProviders.CLOSE_LEAKS;
    }
}
