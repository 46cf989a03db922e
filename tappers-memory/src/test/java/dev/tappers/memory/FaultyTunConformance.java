package dev.tappers.memory;

import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.TestNetwork;
import dev.tappers.tck.TunConformanceTest;

/**
 * The TCK's TUN tests against {@link FaultyMemoryProvider}, one class per fault. Not named like a test, so
 * surefire never runs them on their own; {@link BrokenMemoryProviderTckTest} runs them through the TestKit.
 */
final class FaultyTunConformance {
    private FaultyTunConformance() {
    }

    /** Each fault on a network of its own, so nothing it leaves can disturb another run. */
    abstract static class Base extends TunConformanceTest {
        private final MemoryNetwork network = new MemoryNetwork();
        private final TappersProvider provider;
        private final TestNetwork testNetwork = new MemoryTestNetwork(network);

        Base(FaultyMemoryProvider.Fault fault) {
            provider = new FaultyMemoryProvider(network, fault);
        }

        @Override
        protected TappersProvider provider() {
            return provider;
        }

        @Override
        protected TestNetwork testNetwork() {
            return testNetwork;
        }
    }

    static class DropsEveryTenthPacket extends Base {
        DropsEveryTenthPacket() {
            super(FaultyMemoryProvider.Fault.DROPS_EVERY_TENTH_PACKET);
        }
    }

    static class MtuOnlyInTheObject extends Base {
        MtuOnlyInTheObject() {
            super(FaultyMemoryProvider.Fault.MTU_ONLY_IN_THE_OBJECT);
        }
    }

    static class WakesReceiveLateOnClose extends Base {
        WakesReceiveLateOnClose() {
            super(FaultyMemoryProvider.Fault.WAKES_RECEIVE_LATE_ON_CLOSE);
        }
    }
}
