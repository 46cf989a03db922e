package dev.tappers.linux;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.ProviderContractTest;

/** The TCK's provider contract, run against the Linux provider. */
class LinuxProviderContractTest extends ProviderContractTest {
    @Override
    protected TappersProvider provider() {
        return LinuxTestSupport.PROVIDER;
    }
}
