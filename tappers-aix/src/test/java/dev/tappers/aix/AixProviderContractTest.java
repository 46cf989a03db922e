package dev.tappers.aix;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.ProviderContractTest;

/** The TCK's non-device contract, which a provider without features must pass too. */
class AixProviderContractTest extends ProviderContractTest {

    private final TappersProvider provider = new AixTappersProvider();

    @Override
    protected TappersProvider provider() {
        return provider;
    }
}
