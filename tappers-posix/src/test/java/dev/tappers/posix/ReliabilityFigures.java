package dev.tappers.posix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a reliability test leaves its figures: one Markdown table row in {@code target/reliability/<test>.txt},
 * which {@code tools/reliability-table.sh} gathers into the README's "Reliability" table. The figures are what
 * the run measured, so the table is never typed by hand. (The same few lines exist in each module's test tree
 * that has reliability tests: test code cannot be shared across these modules without a new artifact.)
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
