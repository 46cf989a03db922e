package dev.tappers.macos;

import dev.tappers.tck.architecture.ProviderArchitectureTest;

/** This module's main classes against the provider architecture rules. */
class MacosArchitectureTest extends ProviderArchitectureTest {
    @Override
    protected Class<?> providerClass() {
        return MacosTappersProvider.class;
    }
}
