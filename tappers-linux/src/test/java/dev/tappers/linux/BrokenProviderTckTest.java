package dev.tappers.linux;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

import java.util.Set;

import static dev.tappers.linux.PlantedFaults.failed;
import static dev.tappers.linux.PlantedFaults.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCK must be able to fail. Runs the TUN/TAP conformance tests against the Linux provider with one fault
 * planted at a time and checks that exactly the tests for that behaviour fail, while the rest still pass.
 */
class BrokenProviderTckTest {

    @Test
    void aSilentSetMtuFailsTheMtuTestsOnly() {
        Events events = run(BrokenMtuTunConformance.class);
        Set<String> failed = failed(events);
        assertTrue(failed.contains("required_setMtuShowsInMtuAndNetworkInterface"), "failed: " + failed);
        assertTrue(failed.stream().allMatch(m -> m.toLowerCase().contains("mtu")), "unrelated failures: " + failed);
        assertTrue(events.succeeded().count() > 40, "the other tests still pass");
    }

    @Test
    void stateReadFromTheTunFlagsFailsTheStateTests() {
        Set<String> failed = failed(run(BrokenStateTunConformance.class));
        assertTrue(failed.contains("required_newDeviceIsDown"), "failed: " + failed);
        assertTrue(failed.contains("required_upAndDownShowInStateAndNetworkInterface"), "failed: " + failed);
    }

    @Test
    void aCloseThatLeavesTheDeviceBehindFailsTheLifecycleTest() throws Exception {
        Events events = run(BrokenCloseTapConformance.class);
        Set<String> failed = failed(events);
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
