package dev.tappers.tck;

import dev.tappers.spi.TappersProvider;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

import java.util.Set;

import static dev.tappers.tck.SelfTestKit.names;
import static dev.tappers.tck.SelfTestKit.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ProviderContractTest} passes a well-behaved skeleton and fails each broken provider on exactly the
 * rule it breaks: proof that every rule can fail.
 */
class ProviderContractSelfTest {
    private static final String INFO = "required_providerClassCarriesProviderInfoNamedLikeTheProvider()";
    private static final String FEATURES = "required_featuresAreNonNullAndUnmodifiable()";
    private static final String DISCOVERY = "required_discoveryListsTheProvider()";
    private static final String CAUSE = "required_unavailabilityCauseIsNeverNull()";

    static class SkeletonContract extends ProviderContractTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.Skeleton();
        }
    }

    static class TunOnlyContract extends ProviderContractTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.TunOnly();
        }
    }

    static class MisnamedContract extends ProviderContractTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.Misnamed();
        }
    }

    static class SilentContract extends ProviderContractTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.Silent();
        }
    }

    static class MutableContract extends ProviderContractTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.MutableFeatures();
        }
    }

    static class WrongFeatureContract extends ProviderContractTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.WrongFeature();
        }
    }

    static class NullCauseContract extends ProviderContractTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.NullCause();
        }
    }

    static class UnregisteredContract extends ProviderContractTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.Unregistered();
        }
    }

    static class UndeclaredContract extends ProviderContractTest {
        @Override
        protected TappersProvider provider() {
            return new FakeProviders.Undeclared();
        }
    }

    private static Events tests(Class<?> c) {
        return run(c).testEvents();
    }

    @Test
    void aSkeletonThatSupportsNothingPassesEveryRule() {
        Events events = tests(SkeletonContract.class);
        // 6 plain rules, and createTun, openTun, createTap, openTap each refusing.
        events.assertStatistics(s -> s.started(10).succeeded(10).failed(0).skipped(0).aborted(0));
        assertTrue(names(events.succeeded()).contains("createTap(defaults) without TAP throws UnsupportedFeatureException"),
                names(events.succeeded()).toString());
    }

    @Test
    void aProviderWithTunIsAskedOnlyAboutTap() {
        Events events = tests(TunOnlyContract.class);
        events.assertStatistics(s -> s.started(8).succeeded(8).failed(0));
        assertTrue(names(events.succeeded()).stream().noneMatch(n -> n.contains("Tun(")), names(events.succeeded()).toString());
    }

    @Test
    void aMismatchedNameFailsTheProviderInfoRule() {
        assertEquals(Set.of(INFO), names(tests(MisnamedContract.class).failed()));
    }

    @Test
    void aMissingProviderInfoFailsTheProviderInfoRule() {
        assertEquals(Set.of(INFO), names(tests(UndeclaredContract.class).failed()));
    }

    @Test
    void factoriesThatDoNothingFailEachRefusalRule() {
        Events events = tests(SilentContract.class);
        assertEquals(Set.of("createTun(defaults) without TUN throws UnsupportedFeatureException",
                "openTun(tappers-tck-nx) without TUN throws UnsupportedFeatureException",
                "createTap(defaults) without TAP throws UnsupportedFeatureException",
                "openTap(tappers-tck-nx) without TAP throws UnsupportedFeatureException"), names(events.failed()));
        events.failed().stream().forEach(e -> assertTrue(e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("").contains("instead of throwing UnsupportedFeatureException")));
    }

    @Test
    void aModifiableFeatureSetFailsTheFeaturesRule() {
        assertEquals(Set.of(FEATURES), names(tests(MutableContract.class).failed()));
    }

    @Test
    void refusingWithTheWrongFeatureFailsThatRefusal() {
        assertEquals(Set.of("createTap(defaults) without TAP throws UnsupportedFeatureException"),
                names(tests(WrongFeatureContract.class).failed()));
    }

    @Test
    void aNullUnavailabilityCauseFailsThatRule() {
        assertEquals(Set.of(CAUSE), names(tests(NullCauseContract.class).failed()));
    }

    @Test
    void aProviderMissingFromServiceLoaderFailsTheDiscoveryRule() {
        assertEquals(Set.of(DISCOVERY), names(tests(UnregisteredContract.class).failed()));
    }
}
