package dev.tappers.windows;

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
 * The Windows provider. Not implemented yet: it declares no features, reports itself unavailable with the
 * reason, and refuses every factory with {@link UnsupportedFeatureException}, so discovery never picks it and
 * nothing pretends to work. The wintun, tap-windows6 and IP Helper encodings it will use live in
 * {@link Wintun}, {@link TapWindowsIoctls}, {@link IpHelperStructs} and {@link Win32Errors}.
 */
@ProviderInfo(name = WindowsTappersProvider.NAME, os = OsFamily.WINDOWS, priority = 100,
        artifact = "dev.tappers:tappers-windows")
public final class WindowsTappersProvider implements TappersProvider {

    static final String NAME = "windows";

    static final String NOT_IMPLEMENTED = "tappers-windows is not implemented yet: only its encodings exist; "
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
