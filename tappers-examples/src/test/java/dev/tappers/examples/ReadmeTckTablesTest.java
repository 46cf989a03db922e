package dev.tappers.examples;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * README's conformance tables must be the reports the build wrote ({@link ReadmeTckTables}). This module comes
 * after tappers-linux and tappers-memory in the reactor (it depends on both), so in {@code ./mvnw verify} their
 * tests have just written the reports. A table is not checked (skipped, saying why) where its report could not be
 * made as README shows it: no report (the provider's tests did not run, as on a non-Linux machine for linux), or
 * a linux report from a run whose device tests could not run (not root, no private namespace).
 */
class ReadmeTckTablesTest {
    /** Surefire runs tests in the module's directory; the repository root is above it. */
    private static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).getParent();
    /** What {@code dev.tappers.tck.HermeticNetwork} says when device tests cannot run in this environment. */
    static final String DEVICE_TESTS_COULD_NOT_RUN = "device tests cannot run";
    static final String FIX = "run tools/readme-tck-tables.sh after './mvnw -B verify' as root";

    @TestFactory
    Stream<DynamicTest> readmeTablesAreTheGeneratedReports() throws IOException {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        return ReadmeTckTables.PROVIDERS.stream().map(provider -> DynamicTest.dynamicTest(provider, () -> {
            Optional<List<String>> report = ReadmeTckTables.reportLines(ROOT, provider);
            Assumptions.assumeTrue(report.isPresent(), "no " + ReadmeTckTables.report(ROOT, provider)
                    + ": the " + provider + " provider's tests did not run in this build");
            Assumptions.assumeFalse(report.get().stream().anyMatch(l -> l.contains(DEVICE_TESTS_COULD_NOT_RUN)),
                    "the " + provider + " report comes from a run whose device tests could not run here (not root, or "
                            + "no private network namespace), so it cannot be compared with README's");
            Optional<List<String>> block = ReadmeTckTables.readmeBlock(readme, provider);
            Assumptions.assumeTrue(block.isPresent(), "README has no " + ReadmeTckTables.beginMarker(provider)
                    + " block yet");
            assertEquals(String.join("\n", report.get()), String.join("\n", block.get()),
                    "README's " + provider + " conformance table differs from " + ReadmeTckTables.report(ROOT, provider)
                            + ": " + FIX);
        }));
    }
}
