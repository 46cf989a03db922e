package dev.tappers.macos;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.PlaceholderProviderTest;

/** The skeleton says honestly that it does nothing yet, and discovery passes over it elsewhere. */
class MacosProviderTest extends PlaceholderProviderTest {
    private static final TappersProvider PROVIDER = new MacosTappersProvider();

    @Override
    protected TappersProvider provider() {
        return PROVIDER;
    }
}
