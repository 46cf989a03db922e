package dev.tappers.windows;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.PlaceholderProviderTest;

/** The skeleton says honestly that it does nothing yet, and discovery passes over it elsewhere. */
class WindowsProviderTest extends PlaceholderProviderTest {
    private static final TappersProvider PROVIDER = new WindowsTappersProvider();

    @Override
    protected TappersProvider provider() {
        return PROVIDER;
    }
}
