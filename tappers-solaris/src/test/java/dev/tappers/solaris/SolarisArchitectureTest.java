package dev.tappers.solaris;

import dev.tappers.tck.architecture.ProviderArchitectureTest;

/** This module's main classes against the provider architecture rules. */
class SolarisArchitectureTest extends ProviderArchitectureTest {
    @Override
    protected Class<?> providerClass() {
        return SolarisTappersProvider.class;
    }
}
