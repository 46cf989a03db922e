package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.ProviderContractTest;

/** The TCK's provider contract: declaration, features, discovery. */
class MemoryProviderContractTest extends ProviderContractTest {
    @Override
    protected TappersProvider provider() {
        return MemoryTestSupport.PROVIDER;
    }
}
