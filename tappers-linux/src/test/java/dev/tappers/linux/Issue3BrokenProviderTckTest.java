package dev.tappers.linux;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The route, multi-queue, link-settings and listing conformance tests must be able to fail: each runs here
 * against the Linux provider with one plausible fault planted, and the tests for that behaviour must fail while
 * the rest pass. The faulty classes are in {@link Issue3FaultyConformance}.
 */
class Issue3BrokenProviderTckTest {
    /** True only while {@link #run} runs a faulty class, so a direct run of one skips it. */
    private static volatile boolean planting;

    @AfterAll
    static void closeWhatTheFaultsLeft() throws IOException {
        Issue3FaultyConformance.closeWhatTheFaultsLeft();
    }

    @Test
    void routesThatAreOnlyRememberedFailTheDataPathAndTheList() {
        Events events = run(Issue3FaultyConformance.RoutesOnlyRemembered.class);
        Set<String> failed = failed(events);
        assertTrue(failed.contains("required_ipv4RouteCarriesKernelDatagramsIntoTheTunUntilRemoved"), "failed: " + failed);
        assertTrue(failed.contains("required_ipv6RouteCarriesKernelDatagramsIntoTheTunUntilRemoved"), "failed: " + failed);
        assertTrue(failed.contains("required_listShowsExactlyTheAddedIpv4Routes"), "failed: " + failed);
        assertTrue(failed.contains("required_listShowsExactlyTheAddedIpv6Routes"), "failed: " + failed);
        assertTrue(succeeded(events).contains("required_listShowsOnlyThisDevicesRoutes"),
                "a test the fault does not touch should still pass: " + succeeded(events));
    }

    @Test
    void anInvertedArpFlagFailsTheFlagTestOnly() {
        Events events = run(Issue3FaultyConformance.ArpInverted.class);
        Set<String> failed = failed(events);
        assertTrue(failed.contains("required_eachFlagSwitchesOnAndOffAloneLeavingTheState"), "failed: " + failed);
        assertTrue(failed.stream().allMatch(m -> m.toLowerCase().contains("flag")), "unrelated failures: " + failed);
        assertTrue(events.succeeded().count() >= 7, "the other tests still pass");
    }

    @Test
    void aSilentQueueLengthFailsItsTest() {
        Set<String> failed = failed(run(Issue3FaultyConformance.TxQueueLengthIgnored.class));
        assertTrue(failed.contains("required_txQueueLengthIsReadAndSet"), "failed: " + failed);
    }

    @Test
    void aMultiQueueCloseThatLeavesQueuesOpenFailsTheLifetimeTest() {
        Events events = run(Issue3FaultyConformance.MultiQueueCloseLeaks.class);
        Set<String> failed = failed(events);
        assertTrue(failed.contains("required_closingOneQueueKeepsTheInterfaceAndClosingAllRemovesIt"), "failed: " + failed);
        assertTrue(events.succeeded().count() >= 5, "the other tests still pass");
    }

    @Test
    void tapsListedAsOtherFailTheKindTest() {
        Set<String> failed = failed(run(Issue3FaultyConformance.TapsListedAsOther.class));
        assertTrue(failed.contains("required_tunAndTapAreListedWithTheirKindIndexAndMac"), "failed: " + failed);
    }

    static boolean planting() {
        return planting;
    }

    private static Events run(Class<?> testClass) {
        planting = true;
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
        } finally {
            planting = false;
        }
    }

    private static Set<String> succeeded(Events events) {
        return events.succeeded().stream().map(Event::getTestDescriptor)
                .map(d -> d.getDisplayName().replaceAll("\\(.*", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> failed(Events events) {
        return events.failed().stream().map(Event::getTestDescriptor)
                .map(d -> d.getDisplayName().replaceAll("\\(.*", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
