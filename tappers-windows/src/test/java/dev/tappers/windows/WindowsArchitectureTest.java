package dev.tappers.windows;

import dev.tappers.tck.architecture.ProviderArchitectureTest;

/** This module's main classes against the provider architecture rules. */
class WindowsArchitectureTest extends ProviderArchitectureTest {
    @Override
    protected Class<?> providerClass() {
        return WindowsTappersProvider.class;
    }
}
