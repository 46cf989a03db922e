package dev.tappers.macos.archfixtures;

import com.sun.jna.Pointer;

/** Breaks "public signatures never mention JNA": a public method of a public class returns a Pointer. */
public final class LeaksPointer {
    private LeaksPointer() {
    }

    public static Pointer buffer() {
        return Pointer.NULL;
    }
}
