package dev.tappers.linux;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.VethConformanceTest;

/** The TCK's vETH and frame-socket conformance tests against real Linux pairs, in private namespaces. */
class LinuxVethConformanceTest extends VethConformanceTest {
    static {
        TestNamespaceDirectory.use();
    }

    @Override
    protected TappersProvider provider() {
        return LinuxTestSupport.PROVIDER;
    }
}
