package dev.tappers.linux;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.TunConformanceTest;

import java.util.concurrent.Callable;

/** The TCK's TUN conformance tests against real Linux TUN devices, in the test JVM's private namespace. */
class LinuxTunConformanceTest extends TunConformanceTest {
    @Override
    protected TappersProvider provider() {
        return LinuxTestSupport.PROVIDER;
    }

    @Override
    protected <T> T withoutPrivilege(Callable<T> action) throws Exception {
        return LinuxTestSupport.withoutNetAdmin(action);
    }
}
