package dev.tappers.linux;

import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import dev.tappers.InterfaceName;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.netlink.LinkOps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs a conformance class with a fault planted ({@link FaultyLinuxProvider}) through the JUnit TestKit, for the
 * tests that prove the TCK can fail, and names the test methods that failed or passed. The faulty classes run
 * only from here: they check {@link #planting()} (with {@code @EnabledIf} or an assumption), so that a surefire
 * pattern that picks one up skips it.
 */
final class PlantedFaults {
    /** True only while {@link #run} runs a faulty class. */
    private static volatile boolean planting;

    private PlantedFaults() {
    }

    /** For {@code @EnabledIf("dev.tappers.linux.PlantedFaults#planting")}. */
    static boolean planting() {
        return planting;
    }

    /**
     * Runs {@code testClass} with its fault planted, then deletes every interface the run left in this JVM's
     * namespace: a planted fault (a close that deletes nothing, a task run on the wrong namespace) leaves devices
     * behind by design, and the later tests must not inherit them.
     */
    static synchronized Events run(Class<?> testClass) {
        List<String> before = interfaceNames();
        planting = true;
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
        } finally {
            planting = false;
            deleteAddedSince(before);
        }
    }

    /** Deletes (RTM_DELLINK) each interface not in {@code before}; one end of a vETH pair takes the other along. */
    static void deleteAddedSince(List<String> before) {
        List<String> added = new ArrayList<>(interfaceNames());
        added.removeAll(before);
        if (added.isEmpty()) {
            return;
        }
        try (NetlinkSocket netlink = NetlinkSocket.open()) {
            for (String name : added) {
                try {
                    LinkOps.delete(netlink, LinkOps.get(netlink, InterfaceName.of(name)).index());
                } catch (IOException gone) {
                    // The peer of a vETH end deleted just before, or gone by itself meanwhile.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("delete what a planted fault left: " + added, e);
        }
        List<String> left = new ArrayList<>(interfaceNames());
        left.removeAll(before);
        if (!left.isEmpty()) {
            throw new IllegalStateException("a planted fault left interfaces that could not be deleted: " + left);
        }
    }

    private static List<String> interfaceNames() {
        try {
            return LinuxTestSupport.interfaceNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the test methods that failed, without their parameter lists. */
    static Set<String> failed(Events events) {
        return names(events.failed());
    }

    /** The names of the test methods that passed, without their parameter lists. */
    static Set<String> succeeded(Events events) {
        return names(events.succeeded());
    }

    private static Set<String> names(Events events) {
        return events.stream().map(Event::getTestDescriptor)
                .map(d -> d.getDisplayName().replaceAll("\\(.*", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
