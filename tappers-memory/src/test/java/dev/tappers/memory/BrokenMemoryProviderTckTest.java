package dev.tappers.memory;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The TCK must be able to fail without a kernel too: the TUN conformance tests against the in-memory provider
 * with one fault planted at a time ({@link FaultyMemoryProvider}) fail exactly the tests for that behaviour, and
 * the rest still pass.
 */
class BrokenMemoryProviderTckTest {

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    private static Set<String> names(Events events) {
        return events.stream().map(Event::getTestDescriptor).map(d -> d.getDisplayName().replaceAll("\\(.*", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertOnlyThese(Class<?> faulty, Set<String> expected) {
        Events events = run(faulty);
        assertEquals(new TreeSet<>(expected), names(events.failed()), faulty.getSimpleName() + ": the failed tests");
        assertTrue(events.succeeded().count() > 40, faulty.getSimpleName() + ": the other tests still pass, but only "
                + events.succeeded().count() + " did");
    }

    @Test
    void losingOnePacketInTenFailsTheBurstTestsOnly() {
        // Every other data-path test sends one packet, or sends again until one arrives, so only a burst shows it.
        assertOnlyThese(FaultyTunConformance.DropsEveryTenthPacket.class, Set.of(
                "required_aBurstOfDatagramsWrittenToTheTunArrivesWhole",
                "required_aBurstOfDatagramsFromTheFarSideArrivesWhole"));
    }

    @Test
    void anMtuKeptOnlyInTheObjectFailsTheTestsThatAskTheOracleOrTheNetwork() {
        // mtu() agrees with setMtu, so only the oracle (the network's record) and the network's own IPv6 rule see it.
        assertOnlyThese(FaultyTunConformance.MtuOnlyInTheObject.class, Set.of(
                "required_setMtuShowsInMtuAndNetworkInterface",
                "required_ipv6AddressIsRejectedWhileMtuIsBelow1280"));
    }

    @Test
    void aCloseThatWakesTheReceiverLateFailsTheCloseWakeTestOnly() {
        assertOnlyThese(FaultyTunConformance.WakesReceiveLateOnClose.class, Set.of(
                "required_closeWakesAReceiveBlockedInAnotherThread"));
    }
}
