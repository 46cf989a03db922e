package dev.tappers.macos.archfixtures;

import com.sun.jna.Memory;

/** Breaks "JNA only in jna packages", privately, without a public signature that mentions JNA. */
public final class UsesJnaOutsideJnaPackage {
    private UsesJnaOutsideJnaPackage() {
    }

    static long neverCalled() {
        return new Memory(32).size();
    }
}
