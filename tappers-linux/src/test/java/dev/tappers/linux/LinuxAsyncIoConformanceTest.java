package dev.tappers.linux;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.AsyncIoConformanceTest;

/** The TCK's event-driven I/O tests (epoll poller, futures, close races, virtual threads) on real TUN devices. */
class LinuxAsyncIoConformanceTest extends AsyncIoConformanceTest {
    @Override
    protected TappersProvider provider() {
        return LinuxTestSupport.PROVIDER;
    }
}
