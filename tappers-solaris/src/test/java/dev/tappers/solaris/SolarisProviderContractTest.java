package dev.tappers.solaris;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.ProviderContractTest;

/** The TCK's non-device contract, which a provider without features must pass too. */
class SolarisProviderContractTest extends ProviderContractTest {

    private final TappersProvider provider = new SolarisTappersProvider();

    @Override
    protected TappersProvider provider() {
        return provider;
    }
}
