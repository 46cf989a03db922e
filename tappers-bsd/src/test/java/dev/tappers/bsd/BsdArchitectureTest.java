package dev.tappers.bsd;

import dev.tappers.tck.architecture.ProviderArchitectureTest;

/** This module's main classes against the provider architecture rules. */
class BsdArchitectureTest extends ProviderArchitectureTest {
    @Override
    protected Class<?> providerClass() {
        return BsdTappersProvider.class;
    }
}
