package dev.tappers.solaris;

import dev.tappers.OsFamily;
import dev.tappers.spi.PlaceholderProvider;
import dev.tappers.spi.ProviderInfo;

/**
 * The Solaris/illumos provider. Not implemented yet: it declares no features, reports itself unavailable with
 * the reason, and refuses every factory with {@link dev.tappers.UnsupportedFeatureException}, so discovery never picks it
 * and nothing pretends to work. The tuntap STREAMS driver's encodings it will use live in
 * {@link SolarisIoctls}, {@link SolarisStructs} and {@link SolarisStreams}.
 */
@ProviderInfo(name = SolarisTappersProvider.NAME, os = OsFamily.SOLARIS, priority = 100,
        artifact = "dev.tappers:tappers-solaris")
public final class SolarisTappersProvider extends PlaceholderProvider {
    static final String NAME = "solaris";

    static final String NOT_IMPLEMENTED = "tappers-solaris is not implemented yet: only its encodings exist; "
            + "device support arrives with its own issue";

    public SolarisTappersProvider() {
        super(NAME, NOT_IMPLEMENTED);
    }
}
