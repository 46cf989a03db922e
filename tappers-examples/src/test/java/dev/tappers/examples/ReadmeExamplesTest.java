package dev.tappers.examples;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the README's code compiled: each block must be its source file exactly, less the package line. The quick
 * start sits between {@value #QUICKSTART_BEGIN} and {@value #QUICKSTART_END}; every {@code *Example.java} between
 * {@code <!-- example:Name:begin -->} and {@code <!-- example:Name:end -->}, in the README's "Examples" section.
 */
class ReadmeExamplesTest {
    static final String QUICKSTART_BEGIN = "<!-- quickstart:begin -->";
    static final String QUICKSTART_END = "<!-- quickstart:end -->";
    static final String EXAMPLES_HEADING = "## Examples";
    private static final Pattern EXAMPLE_MARKER = Pattern.compile("<!-- example:([A-Za-z0-9]+):(begin|end) -->");

    /** Surefire runs tests in the module's directory; the README is in the repository root above it. */
    private static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path SOURCES = MODULE.resolve("src/main/java/dev/tappers/examples");

    static String beginMarker(String example) {
        return "<!-- example:" + example + ":begin -->";
    }

    static String endMarker(String example) {
        return "<!-- example:" + example + ":end -->";
    }

    @Test
    void readmeQuickStartIsQuickStartJava() throws IOException {
        assertSameLines("QuickStart", readmeBlock(readme(), QUICKSTART_BEGIN, QUICKSTART_END),
                withoutPackage(read(SOURCES.resolve("QuickStart.java"))));
    }

    @TestFactory
    Stream<DynamicTest> eachExampleInTheReadmeIsItsSourceFile() throws IOException {
        List<String> names = exampleNames();
        assertTrue(names.size() >= 6, "expected the six feature examples in " + SOURCES + ", found " + names);
        List<String> readme = readme();
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> assertSameLines(name,
                readmeBlock(readme, beginMarker(name), endMarker(name)),
                withoutPackage(read(SOURCES.resolve(name + ".java"))))));
    }

    @Test
    void everyExampleMarkerNamesASourceFile_andComesInOnePair() throws IOException {
        List<String> readme = readme();
        List<String> markers = new ArrayList<>();
        for (String line : readme) {
            Matcher m = EXAMPLE_MARKER.matcher(line.trim());
            if (m.matches()) {
                markers.add(m.group(1) + ":" + m.group(2));
            }
        }
        Set<String> named = markers.stream().map(m -> m.substring(0, m.indexOf(':'))).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(exampleNames()), named, "README example markers and *Example.java files differ");
        for (String name : named) {
            assertEquals(List.of(name + ":begin", name + ":end"),
                    markers.stream().filter(m -> m.startsWith(name + ":")).collect(Collectors.toList()),
                    "README needs exactly one " + beginMarker(name) + " followed by one " + endMarker(name));
        }
    }

    @Test
    void examplesSectionFollowsTheQuickStart_andHoldsEveryExampleBlock() throws IOException {
        List<String> readme = readme();
        List<String> headings = readme.stream().filter(l -> l.startsWith("## ")).collect(Collectors.toList());
        int quickStart = headings.indexOf("## Quick start");
        assertTrue(quickStart >= 0, "README has no \"## Quick start\" section");
        assertEquals(EXAMPLES_HEADING, headings.get(quickStart + 1), "the examples come right after the quick start");

        int from = readme.indexOf(EXAMPLES_HEADING);
        int to = from + 1;
        while (to < readme.size() && !readme.get(to).startsWith("## ")) {
            to++;
        }
        List<String> section = readme.subList(from, to);
        for (String name : exampleNames()) {
            assertTrue(section.contains(beginMarker(name)) && section.contains(endMarker(name)),
                    name + "'s block belongs in the " + EXAMPLES_HEADING + " section");
        }
    }

    @Test
    void runDemoScriptOffersEveryProgram() throws IOException {
        List<String> script = read(MODULE.resolve("run-demo.sh"));
        String list = script.stream().filter(l -> l.startsWith("EXAMPLES=\"")).findFirst()
                .orElseThrow(() -> new AssertionError("run-demo.sh has no EXAMPLES=\"...\" line"));
        Set<String> offered = new LinkedHashSet<>(List.of(list.substring("EXAMPLES=\"".length(), list.lastIndexOf('"')).split(" ")));
        Set<String> programs = new TreeSet<>(exampleNames());
        programs.add("QuickStart");
        programs.add("PingDemo");
        assertEquals(programs, new TreeSet<>(offered), "run-demo.sh's EXAMPLES and the programs here differ");
        assertTrue(script.stream().anyMatch(l -> l.equals("main=\"${1:-PingDemo}\"")), "the ping demo stays the default");
    }

    /** The simple names of the {@code *Example.java} sources, sorted. */
    static List<String> exampleNames() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Example.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length())).sorted().collect(Collectors.toList());
        }
    }

    private static void assertSameLines(String name, List<String> readme, List<String> source) {
        for (int i = 0; i < Math.min(readme.size(), source.size()); i++) {
            if (!readme.get(i).equals(source.get(i))) {
                fail("README block of " + name + " differs from " + name + ".java at line " + (i + 1) + " of the block:\n  README: "
                        + readme.get(i) + "\n  source: " + source.get(i));
            }
        }
        assertEquals(source.size(), readme.size(), "README block of " + name + " and " + name + ".java differ in length");
    }

    private static List<String> readme() throws IOException {
        return read(MODULE.resolve("../README.md"));
    }

    private static List<String> read(Path p) throws IOException {
        assertTrue(Files.isRegularFile(p), "missing " + p.toAbsolutePath().normalize());
        return Files.readString(p, StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    /** The lines inside the ```java fence between the markers. */
    static List<String> readmeBlock(List<String> readme, String begin, String end) {
        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        assertTrue(from >= 0 && to > from, "README.md needs " + begin + " ... " + end + " around the code");
        List<String> between = readme.subList(from + 1, to);
        int open = between.indexOf("```java");
        int close = between.lastIndexOf("```");
        assertTrue(open >= 0 && close > open, "the code must be one ```java block between " + begin + " and " + end);
        return between.subList(open + 1, close);
    }

    /** A source file without its package line and the blank line after it: what a reader would paste. */
    static List<String> withoutPackage(List<String> source) {
        assertTrue(source.get(0).startsWith("package "), source.get(0));
        int from = source.size() > 1 && source.get(1).isEmpty() ? 2 : 1;
        return source.subList(from, source.size());
    }
}
