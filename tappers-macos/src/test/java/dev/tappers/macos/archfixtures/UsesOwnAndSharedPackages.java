package dev.tappers.macos.archfixtures;

import dev.tappers.OsFamily;
import dev.tappers.posix.PosixConstants;

/** Allowed: the API and the shared POSIX module. The control for "no dependency on another provider". */
public final class UsesOwnAndSharedPackages {
    private UsesOwnAndSharedPackages() {
    }

    public static int afInet6() {
        return PosixConstants.of(OsFamily.MACOS).afInet6();
    }
}
