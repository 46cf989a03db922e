package dev.tappers.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a reliability test leaves its figures: one Markdown table row in {@code target/reliability/<test>.txt},
 * which {@code tools/reliability-table.sh} gathers into the README's "Reliability" table. (The same few lines as
 * in tappers-linux's and tappers-posix's test trees: this module cannot see their test classes.)
 */
final class ReliabilityFigures {
    private ReliabilityFigures() {
    }

    /** Prints the figures and writes the row {@code | test | what | figures |}. */
    static void record(String test, String what, String figures) {
        System.out.println("[reliability] " + test + ": " + figures);
        Path dir = Path.of(System.getProperty("basedir", "."), "target", "reliability");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(test + ".txt"), "| " + test + " | " + what + " | " + figures + " |\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
