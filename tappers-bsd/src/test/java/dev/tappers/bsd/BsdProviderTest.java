package dev.tappers.bsd;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.PlaceholderProviderTest;

/** The skeleton says honestly that it does nothing yet, and discovery passes over it elsewhere. */
class BsdProviderTest extends PlaceholderProviderTest {
    private static final TappersProvider PROVIDER = new BsdTappersProvider();

    @Override
    protected TappersProvider provider() {
        return PROVIDER;
    }
}
