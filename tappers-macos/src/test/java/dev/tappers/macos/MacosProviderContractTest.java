package dev.tappers.macos;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.ProviderContractTest;

/** The TCK's non-device contract, which a provider without features must pass too. */
class MacosProviderContractTest extends ProviderContractTest {

    private final TappersProvider provider = new MacosTappersProvider();

    @Override
    protected TappersProvider provider() {
        return provider;
    }
}
