package dev.tappers.macos.archfixtures;

import java.io.IOException;

/** Breaks "no subprocesses" with a ProcessBuilder. */
public final class RunsIfconfig {
    private RunsIfconfig() {
    }

    static Process neverCalled() throws IOException {
        return new ProcessBuilder("ifconfig", "feth0", "create").start();
    }
}
