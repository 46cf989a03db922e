package dev.tappers.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The copying tool itself, on a README and reports of its own in a temporary directory. */
class ReadmeTckTablesToolTest {

    private static void report(Path root, String provider, String... lines) throws Exception {
        Path file = ReadmeTckTables.report(root, provider);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    }

    @Test
    void copiesEachReportBetweenItsMarkersAndLeavesTheRestAlone(@TempDir Path root) throws Exception {
        report(root, "linux", "Provider `linux`: 1 passed, 0 skipped, 0 failed.", "", "| TCK test | linux |", "|---|---|",
                "| `A.b` | ✅ pass |", "");
        report(root, "memory", "Provider `memory`: 0 passed, 1 skipped, 0 failed.", "", "| TCK test | memory |",
                "|---|---|", "| `A.b` | ⏭️ skip: provider 'memory' lacks X |");
        List<String> before = List.of("# title", ReadmeTckTables.beginMarker("linux"), "stale", "lines",
                ReadmeTckTables.endMarker("linux"), "middle", ReadmeTckTables.beginMarker("memory"),
                ReadmeTckTables.endMarker("memory"), "end");
        Files.write(root.resolve("README.md"), before, StandardCharsets.UTF_8);

        ReadmeTckTables.main(new String[] {root.toString()});

        List<String> after = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8);
        for (String provider : ReadmeTckTables.PROVIDERS) {
            assertEquals(ReadmeTckTables.reportLines(root, provider), ReadmeTckTables.readmeBlock(after, provider),
                    provider + " block after the copy");
        }
        assertEquals("# title", after.get(0));
        assertTrue(after.contains("middle") && after.get(after.size() - 1).equals("end"), "text around the blocks: " + after);
        assertTrue(!after.contains("stale"), "the old block was kept: " + after);
    }

    @Test
    void markersOutOfOrderOrTwiceAreRefused_andAbsentOnesAreEmpty() {
        String b = ReadmeTckTables.beginMarker("linux");
        String e = ReadmeTckTables.endMarker("linux");
        assertThrows(IllegalStateException.class, () -> ReadmeTckTables.readmeBlock(List.of(e, b), "linux"));
        assertThrows(IllegalStateException.class, () -> ReadmeTckTables.readmeBlock(List.of(b, e, b, e), "linux"));
        assertEquals(Optional.empty(), ReadmeTckTables.readmeBlock(List.of("no markers"), "linux"));
        assertThrows(IllegalStateException.class, () -> ReadmeTckTables.withBlock(List.of("no markers"), "linux", List.of()));
    }
}
