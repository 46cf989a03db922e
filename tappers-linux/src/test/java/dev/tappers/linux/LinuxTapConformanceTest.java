package dev.tappers.linux;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.TapConformanceTest;

import java.util.concurrent.Callable;

/** The TCK's TAP conformance tests against real Linux TAP devices, in the test JVM's private namespace. */
class LinuxTapConformanceTest extends TapConformanceTest {
    @Override
    protected TappersProvider provider() {
        return LinuxTestSupport.PROVIDER;
    }

    @Override
    protected <T> T withoutPrivilege(Callable<T> action) throws Exception {
        return LinuxTestSupport.withoutNetAdmin(action);
    }
}
