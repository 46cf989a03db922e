package dev.tappers.linux;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.LinkSettingsConformanceTest;
import dev.tappers.tck.LinkSettingsView;

import java.util.concurrent.Callable;

/** The TCK's link-settings tests on real devices, with a private sysfs as the independent view. */
class LinuxLinkSettingsConformanceTest extends LinkSettingsConformanceTest {
    @Override
    protected TappersProvider provider() {
        return LinuxTestSupport.PROVIDER;
    }

    @Override
    protected LinkSettingsView systemView() {
        return new SysfsLinkView();
    }

    @Override
    protected <T> T withoutPrivilege(Callable<T> action) throws Exception {
        return LinuxTestSupport.withoutNetAdmin(action);
    }
}
