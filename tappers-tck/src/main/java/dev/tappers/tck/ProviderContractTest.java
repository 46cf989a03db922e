package dev.tappers.tck;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.NetworkDevice;
import dev.tappers.ProviderCandidate;
import dev.tappers.Tappers;
import dev.tappers.UnsupportedFeatureException;
import dev.tappers.spi.ProviderInfo;
import dev.tappers.spi.TappersProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every provider must honour without creating a device: its declaration, its feature list, refusing the
 * features it lacks with {@link UnsupportedFeatureException}, and being found by discovery. A skeleton provider
 * that supports nothing passes it; no test here needs privilege or a private network namespace.
 *
 * <pre>{@code
 * class LinuxProviderContractTest extends ProviderContractTest {
 *     protected TappersProvider provider() { return new LinuxTappersProvider(); }
 * }
 * }</pre>
 */
public abstract class ProviderContractTest extends ProviderTest {

    /** A name no test device uses, for calls that a provider without the feature must refuse. */
    private static final InterfaceName ABSENT = InterfaceName.of("tappers-tck-nx");

    @Test
    void required_providerClassCarriesProviderInfoNamedLikeTheProvider() {
        TappersProvider p = provider();
        ProviderInfo info = p.getClass().getAnnotation(ProviderInfo.class);
        assertNotNull(info, p.getClass().getName() + " lacks @ProviderInfo, so discovery cannot filter it by OS");
        assertEquals(info.name(), p.name(), "@ProviderInfo(name) and name() of " + p.getClass().getName() + " differ");
        assertFalse(p.name().isBlank(), "the provider name is blank");
        assertTrue(info.os().length > 0, "@ProviderInfo(os) of " + p.getClass().getName() + " lists no OS");
    }

    @Test
    void required_featuresAreNonNullAndUnmodifiable() {
        Set<Feature> features = provider().features();
        assertNotNull(features, "features() returned null");
        // Set.of(...) throws on contains(null), so look at the elements instead.
        assertTrue(features.stream().allMatch(java.util.Objects::nonNull), "features() contains null");
        assertThrows(UnsupportedOperationException.class, () -> features.add(Feature.VETH),
                "features() can be changed by its caller");
        assertThrows(UnsupportedOperationException.class, features::clear, "features() can be cleared by its caller");
    }

    @Test
    void required_supportsAndRequireAgreeWithFeatures() {
        TappersProvider p = provider();
        Set<Feature> features = p.features();
        for (Feature f : Feature.values()) {
            assertEquals(features.contains(f), p.supports(f), "supports(" + f + ") disagrees with features()");
            if (!features.contains(f)) {
                UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> p.require(f),
                        "require(" + f + ") accepted a feature the provider lacks");
                assertEquals(f, e.feature());
            } else {
                p.require(f);
            }
        }
    }

    @Test
    void required_unsupportedReasonIsGivenExactlyForMissingFeatures() {
        TappersProvider p = provider();
        for (Feature f : Feature.values()) {
            Optional<String> reason = p.unsupportedReason(f);
            assertNotNull(reason, "unsupportedReason(" + f + ") returned null instead of an Optional");
            assertEquals(!p.supports(f), reason.isPresent(), "unsupportedReason(" + f + ") is " + reason
                    + " while supports() says " + p.supports(f));
            reason.ifPresent(r -> assertFalse(r.isBlank(), "a blank reason for " + f));
        }
    }

    @Test
    void required_unavailabilityCauseIsNeverNull() {
        Optional<Throwable> cause = provider().unavailabilityCause();
        assertNotNull(cause, "unavailabilityCause() returned null instead of an Optional");
        cause.ifPresent(c -> assertNotNull(c.getMessage(), "the unavailability cause has no message: " + c));
    }

    @Test
    void required_discoveryListsTheProvider() {
        String type = provider().getClass().getName();
        List<ProviderCandidate> seen = Tappers.candidates();
        assertTrue(seen.stream().anyMatch(c -> c.type().equals(type)), () -> type + " is not registered with "
                + "ServiceLoader (module-info 'provides dev.tappers.spi.TappersProvider with ...'); discovery saw "
                + seen.stream().map(ProviderCandidate::type).collect(Collectors.toList()));
    }

    /**
     * One test for each factory of a device kind (TUN, TAP) the provider lacks: each must throw
     * {@link UnsupportedFeatureException} naming that kind and the provider. A provider with both kinds gets no
     * test here; its device conformance tests cover the factories.
     */
    @TestFactory
    List<DynamicTest> required_factoriesOfMissingKindsThrowUnsupportedFeatureException() {
        TappersProvider p = provider();
        List<DynamicTest> tests = new ArrayList<>();
        if (!p.supports(Feature.TUN)) {
            tests.add(refusal(p, Feature.TUN, "createTun(defaults)", () -> p.createTun(DeviceOptions.defaults())));
            tests.add(refusal(p, Feature.TUN, "openTun(" + ABSENT + ")", () -> p.openTun(ABSENT)));
        }
        if (!p.supports(Feature.TAP)) {
            tests.add(refusal(p, Feature.TAP, "createTap(defaults)", () -> p.createTap(DeviceOptions.defaults())));
            tests.add(refusal(p, Feature.TAP, "openTap(" + ABSENT + ")", () -> p.openTap(ABSENT)));
        }
        return tests;
    }

    private static DynamicTest refusal(TappersProvider p, Feature kind, String call,
                                       ThrowingSupplier<? extends NetworkDevice> factory) {
        return DynamicTest.dynamicTest(call + " without " + kind + " throws UnsupportedFeatureException", () -> {
            NetworkDevice made;
            try {
                made = factory.get();
            } catch (UnsupportedFeatureException e) {
                assertEquals(kind, e.feature(), call + " threw UnsupportedFeatureException for the wrong feature: "
                        + e.getMessage());
                assertEquals(p.name(), e.provider(), call + " threw UnsupportedFeatureException naming another provider");
                assertTrue(e.getMessage().contains(p.name()), call + "'s message does not name provider '" + p.name()
                        + "': " + e.getMessage());
                return;
            } catch (Throwable other) {
                throw new AssertionError("provider '" + p.name() + "' lacks " + kind + " but " + call + " threw "
                        + other + " instead of UnsupportedFeatureException", other);
            }
            if (made != null) {
                made.close(); // a provider that wrongly made a device must not leave it behind
            }
            fail("provider '" + p.name() + "' lacks " + kind + " but " + call + " returned " + made
                    + " instead of throwing UnsupportedFeatureException");
        });
    }
}
