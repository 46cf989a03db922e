package dev.tappers.memory;

import dev.tappers.tck.architecture.ProviderArchitectureTest;

/** This module's main classes against the provider architecture rules. */
class MemoryArchitectureTest extends ProviderArchitectureTest {
    @Override
    protected Class<?> providerClass() {
        return MemoryTappersProvider.class;
    }
}
