package dev.tappers.tck;

import dev.tappers.Feature;
import dev.tappers.spi.TappersProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.tappers.tck.SelfTestKit.names;
import static dev.tappers.tck.SelfTestKit.run;
import static dev.tappers.tck.SelfTestKit.skipReason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RequiresFeature} turns a missing feature into <em>skipped, with the reason</em>, never into a pass;
 * and the device conformance classes skip every test, before any device is made, for a provider that lacks
 * their kind.
 */
class FeatureConditionSelfTest {

    static class Probe extends ProviderTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.TunOnly();
        }

        @Test
        @RequiresFeature(Feature.TUN)
        void needsTun() {
        }

        @Test
        @RequiresFeature(Feature.TAP)
        void needsTap() {
        }

        @Test
        @RequiresFeature({Feature.SET_MAC, Feature.TUN, Feature.TAP})
        void needsSeveral() {
        }

        @Test
        void needsNothing() {
        }
    }

    @RequiresFeature(Feature.GET_MTU)
    static class ClassLevel extends ProviderTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.TunOnly();
        }

        @Test
        @RequiresFeature(Feature.TUN)
        void needsTunAndTheClassesMtu() {
        }
    }

    static class ClassLevelLacking extends ClassLevel {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.Skeleton();
        }
    }

    static class SkeletonTun extends TunConformanceTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.Skeleton();
        }
    }

    static class SkeletonTap extends TapConformanceTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.Skeleton();
        }
    }

    static class FakeTun extends TunConformanceTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.TunOnly();
        }
    }

    private static Map<String, String> skipReasons(Events events) {
        return events.skipped().stream().collect(Collectors.toMap(e -> e.getTestDescriptor().getDisplayName(),
                SelfTestKit::skipReason));
    }

    @Test
    void theDecisionNamesEveryMissingFeatureWithItsDescription() {
        ConditionEvaluationResult r = FeatureCondition.evaluate("linux", EnumSet.of(Feature.TUN),
                EnumSet.of(Feature.TUN, Feature.TAP, Feature.SET_MAC));
        assertTrue(r.isDisabled());
        assertEquals("provider 'linux' lacks TAP (TAP devices), SET_MAC (changing the MAC address)", r.getReason().orElseThrow());
        assertFalse(FeatureCondition.evaluate("linux", EnumSet.of(Feature.TUN), EnumSet.of(Feature.TUN)).isDisabled());
    }

    @Test
    void aMissingFeatureIsSkippedWithTheReasonAndPresentOnesRun() {
        Events events = run(Probe.class).testEvents();
        events.assertStatistics(s -> s.started(2).succeeded(2).skipped(2).failed(0).aborted(0));
        assertEquals(Set.of("needsTun()", "needsNothing()"), names(events.succeeded()));
        assertEquals(Map.of("needsTap()", "provider 'fake-tun-only' lacks TAP (TAP devices)",
                "needsSeveral()", "provider 'fake-tun-only' lacks TAP (TAP devices), SET_MAC (changing the MAC address)"),
                skipReasons(events));
    }

    @Test
    void classAndMethodRequirementsAddUp() {
        run(ClassLevel.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1).skipped(0));
        Events lacking = run(ClassLevelLacking.class).testEvents();
        lacking.assertStatistics(s -> s.started(0).skipped(1));
        assertEquals(Map.of("needsTunAndTheClassesMtu()",
                "provider 'fake-skeleton' lacks TUN (TUN devices), GET_MTU (reading the MTU)"), skipReasons(lacking));
    }

    private static void everyDeviceTestSkipped(Class<?> testClass, String reason, int atLeast) {
        int before = FakeProviders.FACTORY_CALLS.get();
        EngineExecutionResults results = run(testClass);
        Events tests = results.testEvents();
        assertEquals(0, tests.started().count(), "a test started though the provider lacks the kind: "
                + names(tests.started()));
        assertTrue(tests.skipped().count() >= atLeast, "only " + tests.skipped().count() + " tests in " + testClass.getName());
        // Each reason leads with the kind; a test that also needs other missing features lists them after it.
        List<String> reasons = results.allEvents().skipped().stream().map(SelfTestKit::skipReason)
                .collect(Collectors.toList());
        assertTrue(reasons.stream().allMatch(r -> r.startsWith(reason)), reasons.toString());
        assertTrue(reasons.contains(reason), reasons.toString());
        assertEquals(before, FakeProviders.FACTORY_CALLS.get(), "a factory was called");
    }

    @Test
    void tunConformanceSkipsEverythingForAProviderWithoutTun() {
        everyDeviceTestSkipped(SkeletonTun.class, "provider 'fake-skeleton' lacks TUN (TUN devices)", 40);
    }

    @Test
    void tapConformanceSkipsEverythingForAProviderWithoutTap() {
        everyDeviceTestSkipped(SkeletonTap.class, "provider 'fake-skeleton' lacks TAP (TAP devices)", 40);
    }

    @Test
    void theHermeticGuardStopsDeviceTestsBeforeAnyDeviceIsMade() {
        HermeticNetwork.Verdict here = HermeticNetwork.verdict();
        Assumptions.assumeTrue(here.outcome() != HermeticNetwork.Outcome.RUN,
                "this JVM may create devices, so the guard would let the fake provider be called: " + here.reason());
        int before = FakeProviders.FACTORY_CALLS.get();
        Events tests = run(FakeTun.class).testEvents();
        assertTrue(tests.started().count() > 0, "no test started");
        for (Event e : tests.finished().list()) {
            TestExecutionResult r = e.getRequiredPayload(TestExecutionResult.class);
            String message = r.getThrowable().map(Throwable::getMessage).orElse("");
            if (here.outcome() == HermeticNetwork.Outcome.FAIL) {
                assertEquals(TestExecutionResult.Status.FAILED, r.getStatus(), e.getTestDescriptor().getDisplayName());
                assertTrue(message.startsWith("refusing to run: this JVM is in the host network namespace"), message);
            } else {
                assertEquals(TestExecutionResult.Status.ABORTED, r.getStatus(), e.getTestDescriptor().getDisplayName());
            }
        }
        // Tests needing features the fake lacks are skipped, not run.
        assertTrue(skipReasons(tests).values().stream().allMatch(v -> v.startsWith("provider 'fake-tun-only' lacks ")));
        assertEquals(before, FakeProviders.FACTORY_CALLS.get(), "the guard let a factory be called");
    }
}
