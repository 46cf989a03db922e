package dev.tappers.windows;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.ProviderContractTest;

/** The TCK's non-device contract, which a provider without features must pass too. */
class WindowsProviderContractTest extends ProviderContractTest {

    private final TappersProvider provider = new WindowsTappersProvider();

    @Override
    protected TappersProvider provider() {
        return provider;
    }
}
