package dev.tappers.spi;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.UnsupportedFeatureException;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The honest shape of a provider whose device support is not written yet: it declares no features, reports
 * itself unavailable with the reason (so discovery never picks it), and refuses every factory with an
 * {@link UnsupportedFeatureException} that carries the reason. A subclass only names itself and carries
 * {@link ProviderInfo}.
 */
public abstract class PlaceholderProvider implements TappersProvider {
    private final String name;
    private final String reason;

    /**
     * Makes a placeholder.
     *
     * @param name the provider's name, as in its {@link ProviderInfo}
     * @param reason why it does nothing yet, such as "not implemented yet"
     */
    protected PlaceholderProvider(String name, String reason) {
        this.name = Objects.requireNonNull(name, "name");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    @Override
    public final String name() {
        return name;
    }

    /**
     * Why this provider does nothing yet.
     *
     * @return the reason given to the constructor
     */
    public final String reason() {
        return reason;
    }

    @Override
    public final Set<Feature> features() {
        // An EnumSet view rather than Set.of(): Set.of().contains(null) throws, and callers may ask.
        return Collections.unmodifiableSet(EnumSet.noneOf(Feature.class));
    }

    @Override
    public final Optional<String> unsupportedReason(Feature feature) {
        Objects.requireNonNull(feature, "unsupported reason: feature");
        return Optional.of("the " + name + " provider is a skeleton: " + reason);
    }

    @Override
    public final Optional<Throwable> unavailabilityCause() {
        return Optional.of(new UnsupportedOperationException(reason));
    }

    @Override
    public final Tun createTun(DeviceOptions options) {
        throw notImplemented(Feature.TUN);
    }

    @Override
    public final Tun openTun(InterfaceName name) {
        throw notImplemented(Feature.TUN);
    }

    @Override
    public final Tap createTap(DeviceOptions options) {
        throw notImplemented(Feature.TAP);
    }

    @Override
    public final Tap openTap(InterfaceName name) {
        throw notImplemented(Feature.TAP);
    }

    private UnsupportedFeatureException notImplemented(Feature feature) {
        return new UnsupportedFeatureException(feature, name, "not implemented yet; " + reason);
    }
}
