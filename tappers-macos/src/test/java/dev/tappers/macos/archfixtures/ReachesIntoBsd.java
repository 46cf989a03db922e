package dev.tappers.macos.archfixtures;

import dev.tappers.bsd.archfixture.OtherProviderClass;

/** Breaks "no dependency on another provider". */
public final class ReachesIntoBsd {
    private ReachesIntoBsd() {
    }

    static int neverCalled() {
        return OtherProviderClass.VALUE.length();
    }
}
