package dev.tappers.aix;

import dev.tappers.tck.architecture.ProviderArchitectureTest;

/** This module's main classes against the provider architecture rules. */
class AixArchitectureTest extends ProviderArchitectureTest {
    @Override
    protected Class<?> providerClass() {
        return AixTappersProvider.class;
    }
}
