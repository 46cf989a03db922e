package dev.tappers.bsd;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.ProviderContractTest;

/** The TCK's non-device contract, which a provider without features must pass too. */
class BsdProviderContractTest extends ProviderContractTest {

    private final TappersProvider provider = new BsdTappersProvider();

    @Override
    protected TappersProvider provider() {
        return provider;
    }
}
