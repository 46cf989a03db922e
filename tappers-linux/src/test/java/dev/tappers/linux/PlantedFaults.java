package dev.tappers.linux;

import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

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

    static synchronized Events run(Class<?> testClass) {
        planting = true;
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
        } finally {
            planting = false;
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
