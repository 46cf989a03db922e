package dev.tappers.linux;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.InterfaceListConformanceTest;

/** The TCK's interface-listing tests against the test JVM's namespace. */
class LinuxInterfaceListConformanceTest extends InterfaceListConformanceTest {
    @Override
    protected TappersProvider provider() {
        return LinuxTestSupport.PROVIDER;
    }
}
