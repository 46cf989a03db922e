package dev.tappers.solaris;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.PlaceholderProviderTest;

/** The skeleton says honestly that it does nothing yet, and discovery passes over it elsewhere. */
class SolarisProviderTest extends PlaceholderProviderTest {
    private static final TappersProvider PROVIDER = new SolarisTappersProvider();

    @Override
    protected TappersProvider provider() {
        return PROVIDER;
    }
}
