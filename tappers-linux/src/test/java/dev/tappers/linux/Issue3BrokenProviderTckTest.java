package dev.tappers.linux;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.util.Set;

import static dev.tappers.linux.PlantedFaults.failed;
import static dev.tappers.linux.PlantedFaults.run;
import static dev.tappers.linux.PlantedFaults.succeeded;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The route, multi-queue, link-settings, listing and device-move conformance tests must be able to fail: each runs here
 * against the Linux provider with one plausible fault planted, and the tests for that behaviour must fail while
 * the rest pass. The faulty classes are in {@link Issue3FaultyConformance}.
 */
class Issue3BrokenProviderTckTest {
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
    void aMultiQueueDeleteThatOnlyClosesFailsTheDeleteTests() {
        Events events = run(Issue3FaultyConformance.MultiQueueDeleteOnlyCloses.class);
        Set<String> failed = failed(events);
        assertTrue(failed.contains("required_deleteRemovesAPersistentDeviceAndClosesEveryQueue"), "failed: " + failed);
        assertTrue(failed.contains("required_deleteRemovesAPersistentDeviceWhoseFirstQueueWasClosed"), "failed: " + failed);
        assertTrue(succeeded(events).contains("required_closingOneQueueKeepsTheInterfaceAndClosingAllRemovesIt"),
                "a test the fault does not touch should still pass: " + succeeded(events));
    }

    @Test
    void aMoveThatLeavesTheDeviceBehindFailsTheConfigurationAndDataTests() {
        Events events = run(Issue3FaultyConformance.MoveWithoutFollowing.class);
        Set<String> failed = failed(events);
        assertTrue(failed.contains("required_aMovedTunIsConfiguredInsideTheTargetFromTheCallersThread"), "failed: " + failed);
        assertTrue(failed.contains("required_aMovedTunStillCarriesPacketsBothWaysInsideTheTarget"), "failed: " + failed);
        assertTrue(failed.contains("required_aTunMovedWhereItsIndexIsTakenIsConfiguredByItsIndexThere"), "failed: " + failed);
        Set<String> succeeded = succeeded(events);
        assertTrue(succeeded.contains("required_aMovedTunLeavesTheCallersNamespaceAndAppearsInTheTarget")
                && succeeded.contains("required_movingIntoAClosedOrDeletedNamespaceFailsAndMovesNothing"),
                "the tests the fault does not touch should still pass: " + succeeded);
    }

    @Test
    void tapsListedAsOtherFailTheKindTest() {
        Set<String> failed = failed(run(Issue3FaultyConformance.TapsListedAsOther.class));
        assertTrue(failed.contains("required_tunAndTapAreListedWithTheirKindIndexAndMac"), "failed: " + failed);
    }
}
