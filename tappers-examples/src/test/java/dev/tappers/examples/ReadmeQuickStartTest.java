package dev.tappers.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the README's quick start compiled: its code block must be QuickStart.java exactly, less the package line.
 * The block sits between the {@value #BEGIN} and {@value #END} comments in README.md.
 */
class ReadmeQuickStartTest {
    static final String BEGIN = "<!-- quickstart:begin -->";
    static final String END = "<!-- quickstart:end -->";

    /** Surefire runs tests in the module's directory; the README is in the repository root above it. */
    private static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));

    @Test
    void readmeQuickStartIsQuickStartJava() throws IOException {
        List<String> readme = readmeBlock(read(MODULE.resolve("../README.md")));
        List<String> source = withoutPackage(read(MODULE.resolve("src/main/java/dev/tappers/examples/QuickStart.java")));
        for (int i = 0; i < Math.min(readme.size(), source.size()); i++) {
            if (!readme.get(i).equals(source.get(i))) {
                fail("README quick start differs from QuickStart.java at line " + (i + 1) + " of the block:\n  README: "
                        + readme.get(i) + "\n  source: " + source.get(i));
            }
        }
        assertEquals(source.size(), readme.size(), "README quick start and QuickStart.java differ in length");
    }

    private static List<String> read(Path p) throws IOException {
        assertTrue(Files.isRegularFile(p), "missing " + p.toAbsolutePath().normalize());
        return Files.readString(p, StandardCharsets.UTF_8).lines().collect(java.util.stream.Collectors.toList());
    }

    /** The lines inside the ```java fence between the markers. */
    static List<String> readmeBlock(List<String> readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md needs " + BEGIN + " ... " + END + " around the quick start");
        List<String> between = readme.subList(begin + 1, end);
        int open = between.indexOf("```java");
        int close = between.lastIndexOf("```");
        assertTrue(open >= 0 && close > open, "the quick start must be one ```java block between the markers");
        return between.subList(open + 1, close);
    }

    /** QuickStart.java without its package line and the blank line after it: what a reader would paste. */
    static List<String> withoutPackage(List<String> source) {
        assertTrue(source.get(0).startsWith("package "), source.get(0));
        int from = source.size() > 1 && source.get(1).isEmpty() ? 2 : 1;
        return source.subList(from, source.size());
    }
}
