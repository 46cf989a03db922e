package dev.tappers.windows;

import dev.tappers.OsFamily;
import dev.tappers.spi.PlaceholderProvider;
import dev.tappers.spi.ProviderInfo;

/**
 * The Windows provider. Not implemented yet: it declares no features, reports itself unavailable with the
 * reason, and refuses every factory with {@link dev.tappers.UnsupportedFeatureException}, so discovery never picks it and
 * nothing pretends to work. The wintun, tap-windows6 and IP Helper encodings it will use live in
 * {@link Wintun}, {@link TapWindowsIoctls}, {@link IpHelperStructs} and {@link Win32Errors}.
 */
@ProviderInfo(name = WindowsTappersProvider.NAME, os = OsFamily.WINDOWS, priority = 100,
        artifact = "dev.tappers:tappers-windows")
public final class WindowsTappersProvider extends PlaceholderProvider {
    static final String NAME = "windows";

    static final String NOT_IMPLEMENTED = "tappers-windows is not implemented yet: only its encodings exist; "
            + "device support arrives with its own issue";

    public WindowsTappersProvider() {
        super(NAME, NOT_IMPLEMENTED);
    }
}
