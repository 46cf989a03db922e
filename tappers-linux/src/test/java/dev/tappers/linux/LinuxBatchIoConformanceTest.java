package dev.tappers.linux;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.BatchIoConformanceTest;

/** The TCK's batch I/O tests on real TUN devices. */
class LinuxBatchIoConformanceTest extends BatchIoConformanceTest {
    @Override
    protected TappersProvider provider() {
        return LinuxTestSupport.PROVIDER;
    }
}
