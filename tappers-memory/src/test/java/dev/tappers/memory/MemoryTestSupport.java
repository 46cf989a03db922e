package dev.tappers.memory;

import dev.tappers.tck.TestNetwork;

/** What every TCK subclass of this module uses: the provider discovery would make, and its test network. */
final class MemoryTestSupport {
    /** On the shared network, as discovery's provider is, so Tappers.findInterface sees the tests' devices. */
    static final MemoryTappersProvider PROVIDER = new MemoryTappersProvider();
    static final TestNetwork NETWORK = new MemoryTestNetwork(MemoryNetwork.shared());

    private MemoryTestSupport() {
    }
}
