package dev.tappers.aix;

import dev.tappers.OsFamily;
import dev.tappers.spi.PlaceholderProvider;
import dev.tappers.spi.ProviderInfo;

/**
 * The AIX provider. Not implemented yet: it declares no features, reports itself unavailable with the reason,
 * and refuses every factory with {@link dev.tappers.UnsupportedFeatureException}, so discovery never picks it and nothing
 * pretends to work. The encodings it will use live in {@link AixIoctls} and {@link AixStructs}.
 */
@ProviderInfo(name = AixTappersProvider.NAME, os = OsFamily.AIX, priority = 100,
        artifact = "dev.tappers:tappers-aix")
public final class AixTappersProvider extends PlaceholderProvider {
    static final String NAME = "aix";

    static final String NOT_IMPLEMENTED = "tappers-aix is not implemented yet: only its encodings exist; "
            + "device support arrives with its own issue";

    public AixTappersProvider() {
        super(NAME, NOT_IMPLEMENTED);
    }
}
