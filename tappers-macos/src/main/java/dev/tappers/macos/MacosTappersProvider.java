package dev.tappers.macos;

import dev.tappers.OsFamily;
import dev.tappers.spi.PlaceholderProvider;
import dev.tappers.spi.ProviderInfo;

/**
 * The macOS provider. Not implemented yet: it declares no features, reports itself unavailable with the reason,
 * and refuses every factory with {@link dev.tappers.UnsupportedFeatureException}, so discovery never picks it and nothing
 * pretends to work. The utun and feth encodings it will use live in {@link MacosIoctls}, {@link MacosStructs}
 * and {@link MacosConstants}.
 */
@ProviderInfo(name = MacosTappersProvider.NAME, os = OsFamily.MACOS, priority = 100,
        artifact = "dev.tappers:tappers-macos")
public final class MacosTappersProvider extends PlaceholderProvider {
    static final String NAME = "macos";

    static final String NOT_IMPLEMENTED = "tappers-macos is not implemented yet: only its encodings exist; "
            + "device support arrives with its own issue";

    public MacosTappersProvider() {
        super(NAME, NOT_IMPLEMENTED);
    }
}
