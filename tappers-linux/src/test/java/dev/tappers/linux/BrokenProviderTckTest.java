package dev.tappers.linux;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The TCK must be able to fail. Runs the TUN/TAP conformance tests against the Linux provider with one fault
 * planted at a time and checks that exactly the tests for that behaviour fail, while the rest still pass.
 */
class BrokenProviderTckTest {

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    private static Set<String> failedMethods(Events events) {
        return events.failed().stream()
                .map(Event::getTestDescriptor)
                .map(d -> d.getDisplayName().replaceAll("\\(.*", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aSilentSetMtuFailsTheMtuTestsOnly() {
        Events events = run(BrokenMtuTunConformance.class);
        Set<String> failed = failedMethods(events);
        assertTrue(failed.contains("required_setMtuShowsInMtuAndNetworkInterface"), "failed: " + failed);
        assertTrue(failed.stream().allMatch(m -> m.toLowerCase().contains("mtu")), "unrelated failures: " + failed);
        assertTrue(events.succeeded().count() > 40, "the other tests still pass");
    }

    @Test
    void stateReadFromTheTunFlagsFailsTheStateTests() {
        Set<String> failed = failedMethods(run(BrokenStateTunConformance.class));
        assertTrue(failed.contains("required_newDeviceIsDown"), "failed: " + failed);
        assertTrue(failed.contains("required_upAndDownShowInStateAndNetworkInterface"), "failed: " + failed);
    }

    @Test
    void aCloseThatLeavesTheDeviceBehindFailsTheLifecycleTest() throws Exception {
        Events events = run(BrokenCloseTapConformance.class);
        Set<String> failed = failedMethods(events);
        try {
            assertTrue(failed.contains("required_createWithKernelPickedNameIsVisibleUntilClosed"), "failed: " + failed);
        } finally {
            // The planted fault left persistent TAPs behind in this test JVM's namespace: remove them.
            for (java.net.NetworkInterface ni : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                if (ni.getName().startsWith("tap")) {
                    try (var tap = LinuxTestSupport.PROVIDER.openTap(dev.tappers.InterfaceName.of(ni.getName()))) {
                        tap.delete();
                    } catch (java.io.IOException ignored) {
                        // not ours, or already gone
                    }
                }
            }
        }
        assertTrue(events.succeeded().count() > 40, "the other tests still pass");
    }
}
