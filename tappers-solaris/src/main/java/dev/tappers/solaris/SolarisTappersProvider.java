package dev.tappers.solaris;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.OsFamily;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.UnsupportedFeatureException;
import dev.tappers.spi.ProviderInfo;
import dev.tappers.spi.TappersProvider;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The Solaris/illumos provider. Not implemented yet: it declares no features, reports itself unavailable with
 * the reason, and refuses every factory with {@link UnsupportedFeatureException}, so discovery never picks it
 * and nothing pretends to work. The tuntap STREAMS driver's encodings it will use live in
 * {@link SolarisIoctls}, {@link SolarisStructs} and {@link SolarisStreams}.
 */
@ProviderInfo(name = SolarisTappersProvider.NAME, os = OsFamily.SOLARIS, priority = 100,
        artifact = "dev.tappers:tappers-solaris")
public final class SolarisTappersProvider implements TappersProvider {

    static final String NAME = "solaris";

    static final String NOT_IMPLEMENTED = "tappers-solaris is not implemented yet: only its encodings exist; "
            + "device support arrives with its own issue";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Feature> features() {
        // An EnumSet view rather than Set.of(): Set.of().contains(null) throws, and callers may ask.
        return Collections.unmodifiableSet(EnumSet.noneOf(Feature.class));
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.of(new UnsupportedOperationException(NOT_IMPLEMENTED));
    }

    @Override
    public Tun createTun(DeviceOptions options) {
        throw notImplemented(Feature.TUN);
    }

    @Override
    public Tun openTun(InterfaceName name) {
        throw notImplemented(Feature.TUN);
    }

    @Override
    public Tap createTap(DeviceOptions options) {
        throw notImplemented(Feature.TAP);
    }

    @Override
    public Tap openTap(InterfaceName name) {
        throw notImplemented(Feature.TAP);
    }

    private UnsupportedFeatureException notImplemented(Feature feature) {
        return new UnsupportedFeatureException(feature, name(), "not implemented yet; " + NOT_IMPLEMENTED);
    }
}
