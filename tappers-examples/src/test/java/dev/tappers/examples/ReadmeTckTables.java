package dev.tappers.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The conformance tables in README.md, between {@code <!-- tck-report:PROVIDER:begin -->} and
 * {@code <!-- tck-report:PROVIDER:end -->}, are copies of the reports the providers' test runs write
 * ({@code tappers-PROVIDER/target/tck-report.md}, by {@code dev.tappers.tck.report.TckReportListener}).
 * {@link ReadmeTckTablesTest} checks that they are; this program copies them in.
 *
 * <p>JDK only, so it runs as a single source file after {@code ./mvnw verify}: {@code tools/readme-tck-tables.sh}
 * runs {@code java tappers-examples/src/test/java/dev/tappers/examples/ReadmeTckTables.java ROOT}.
 */
public final class ReadmeTckTables {
    /** The providers whose tables README shows, each with its module {@code tappers-NAME}. */
    static final List<String> PROVIDERS = List.of("linux", "memory");

    private ReadmeTckTables() {
    }

    static String beginMarker(String provider) {
        return "<!-- tck-report:" + provider + ":begin -->";
    }

    static String endMarker(String provider) {
        return "<!-- tck-report:" + provider + ":end -->";
    }

    /** Where the provider's test run writes its report, under the repository root. */
    static Path report(Path root, String provider) {
        return root.resolve("tappers-" + provider).resolve("target").resolve("tck-report.md");
    }

    /** The report's lines, without trailing blank lines; empty when the provider's tests have not written one. */
    static Optional<List<String>> reportLines(Path root, String provider) throws IOException {
        Path file = report(root, provider);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return Optional.of(lines);
    }

    /**
     * The README lines between the provider's markers; empty when README has neither marker.
     *
     * @throws IllegalStateException when the markers are not exactly one begin followed by one end
     */
    static Optional<List<String>> readmeBlock(List<String> readme, String provider) {
        List<Integer> begins = indexesOf(readme, beginMarker(provider));
        List<Integer> ends = indexesOf(readme, endMarker(provider));
        if (begins.isEmpty() && ends.isEmpty()) {
            return Optional.empty();
        }
        if (begins.size() != 1 || ends.size() != 1 || ends.get(0) < begins.get(0)) {
            throw new IllegalStateException("README needs exactly one " + beginMarker(provider) + " followed by one "
                    + endMarker(provider) + "; it has " + begins.size() + " and " + ends.size());
        }
        return Optional.of(new ArrayList<>(readme.subList(begins.get(0) + 1, ends.get(0))));
    }

    /** README with the provider's block replaced by {@code table}. */
    static List<String> withBlock(List<String> readme, String provider, List<String> table) {
        if (readmeBlock(readme, provider).isEmpty()) {
            throw new IllegalStateException("README has no " + beginMarker(provider) + " ... " + endMarker(provider)
                    + " block to fill: add the markers where the table belongs");
        }
        int begin = indexesOf(readme, beginMarker(provider)).get(0);
        int end = indexesOf(readme, endMarker(provider)).get(0);
        List<String> out = new ArrayList<>(readme.subList(0, begin + 1));
        out.addAll(table);
        out.addAll(readme.subList(end, readme.size()));
        return out;
    }

    private static List<Integer> indexesOf(List<String> lines, String marker) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(marker)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Copies every provider's report into README.md under {@code args[0]} (default: the current directory). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path readmeFile = root.resolve("README.md");
        List<String> readme = Files.readAllLines(readmeFile, StandardCharsets.UTF_8);
        int failures = 0;
        for (String provider : PROVIDERS) {
            Optional<List<String>> table = reportLines(root, provider);
            if (table.isEmpty()) {
                System.err.println("no report for " + provider + " at " + report(root, provider)
                        + ": run ./mvnw -B verify (as root, for linux) first");
                failures++;
                continue;
            }
            try {
                readme = withBlock(readme, provider, table.get());
                System.out.println("README: " + provider + " table from " + report(root, provider));
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                failures++;
            }
        }
        Files.write(readmeFile, readme, StandardCharsets.UTF_8);
        if (failures > 0) {
            System.exit(1);
        }
    }
}
