package dev.tappers.linux;

import dev.tappers.tck.architecture.ProviderArchitectureTest;

/** This module's main classes against the provider architecture rules. */
class LinuxArchitectureTest extends ProviderArchitectureTest {
    @Override
    protected Class<?> providerClass() {
        return LinuxTappersProvider.class;
    }
}
