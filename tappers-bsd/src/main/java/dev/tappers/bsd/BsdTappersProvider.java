package dev.tappers.bsd;

import dev.tappers.OsFamily;
import dev.tappers.spi.PlaceholderProvider;
import dev.tappers.spi.ProviderInfo;

/**
 * The provider for FreeBSD, OpenBSD, NetBSD and DragonFly. Not implemented yet: it declares no features,
 * reports itself unavailable with the reason, and refuses every factory with
 * {@link dev.tappers.UnsupportedFeatureException}, so discovery never picks it and nothing pretends to work.
 * The tun/tap, epair and pair(4) encodings it will use live in one sub-package per system ({@code freebsd},
 * {@code openbsd}, {@code netbsd}, {@code dragonfly}).
 */
@ProviderInfo(name = BsdTappersProvider.NAME,
        os = {OsFamily.FREEBSD, OsFamily.OPENBSD, OsFamily.NETBSD, OsFamily.DRAGONFLY},
        priority = 100, artifact = "dev.tappers:tappers-bsd")
public final class BsdTappersProvider extends PlaceholderProvider {
    static final String NAME = "bsd";

    static final String NOT_IMPLEMENTED = "tappers-bsd is not implemented yet: only its encodings exist; "
            + "device support arrives with its own issue";

    public BsdTappersProvider() {
        super(NAME, NOT_IMPLEMENTED);
    }
}
