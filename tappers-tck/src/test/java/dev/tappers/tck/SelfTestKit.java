package dev.tappers.tck;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs a TCK class through the Jupiter engine in this JVM and reads the outcome. */
final class SelfTestKit {
    private SelfTestKit() {
    }

    static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    }

    static Set<String> names(Events events) {
        return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The reason a skipped test or container carries. */
    static String skipReason(Event e) {
        return e.getPayload(String.class).orElse("(no reason)");
    }
}
