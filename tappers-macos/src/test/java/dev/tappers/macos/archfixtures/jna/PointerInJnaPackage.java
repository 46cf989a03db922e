package dev.tappers.macos.archfixtures.jna;

import com.sun.jna.Pointer;

/** Allowed: JNA in a package named jna, even in a public signature. The control for the JNA rules. */
public final class PointerInJnaPackage {
    private PointerInJnaPackage() {
    }

    public static Pointer buffer() {
        return Pointer.NULL;
    }
}
