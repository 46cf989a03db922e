package dev.tappers.aix;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.PlaceholderProviderTest;

/** The skeleton says honestly that it does nothing yet, and discovery passes over it elsewhere. */
class AixProviderTest extends PlaceholderProviderTest {
    private static final TappersProvider PROVIDER = new AixTappersProvider();

    @Override
    protected TappersProvider provider() {
        return PROVIDER;
    }
}
