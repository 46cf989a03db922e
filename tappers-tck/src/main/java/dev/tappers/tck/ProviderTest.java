package dev.tappers.tck;

import dev.tappers.spi.TappersProvider;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The root of every conformance test: a provider plugs in by answering {@link #provider()}.
 *
 * <p>Tests that need a feature carry {@link RequiresFeature}; {@link FeatureCondition} asks this provider and
 * reports a missing feature as skipped with a reason.
 */
@ExtendWith(FeatureCondition.class)
public abstract class ProviderTest {

    /** The provider under test. Called often: return the same instance each time, and make it cheaply. */
    protected abstract TappersProvider provider();

    /**
     * The far side and the oracle the tests check the provider against. The default is the kernel
     * ({@link KernelTestNetwork}); a provider whose devices live elsewhere (in memory, in a simulator) returns its
     * own, which must not simply ask the device objects under test. Called often: return the same instance.
     */
    protected TestNetwork testNetwork() {
        return KernelTestNetwork.INSTANCE;
    }
}
