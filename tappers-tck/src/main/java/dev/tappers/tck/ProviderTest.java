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
}
