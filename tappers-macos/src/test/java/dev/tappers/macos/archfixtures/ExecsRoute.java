package dev.tappers.macos.archfixtures;

import java.io.IOException;

/** Breaks "no subprocesses" with Runtime.exec. */
public final class ExecsRoute {
    private ExecsRoute() {
    }

    static Process neverCalled() throws IOException {
        return Runtime.getRuntime().exec(new String[] {"route", "add", "192.0.2.0/24", "-interface", "utun9"});
    }
}
