package dev.tappers.linux;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.NamespaceConformanceTest;

/** The TCK's namespace conformance tests against real Linux network namespaces, inside the test JVM's own. */
class LinuxNamespaceConformanceTest extends NamespaceConformanceTest {
    static {
        TestNamespaceDirectory.use();
    }

    @Override
    protected TappersProvider provider() {
        return LinuxTestSupport.PROVIDER;
    }
}
