package dev.tappers.tck.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a reliability test (a soak, a fuzz run, a fault) leaves its figures: one Markdown table row in
 * {@code target/reliability/<test>.txt} of the module under test, which {@code tools/reliability-table.sh} gathers
 * into the README's "Reliability" table. The figures are what the run measured, so the table is never typed by hand.
 */
public final class ReliabilityFigures {
    private ReliabilityFigures() {
    }

    /**
     * Prints the figures and writes the row {@code | test | what | figures |}.
     *
     * @param test    the row's name, also the file's
     * @param what    what the test checks
     * @param figures what this run measured
     */
    public static void record(String test, String what, String figures) {
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
