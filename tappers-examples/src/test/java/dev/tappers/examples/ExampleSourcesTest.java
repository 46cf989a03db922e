package dev.tappers.examples;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every example must do before it may be shown: refuse the host's network namespace first thing, and use
 * only documentation addresses (RFC 5737 and RFC 2544 for IPv4, RFC 3849 for IPv6).
 */
class ExampleSourcesTest {
    private static final Path SOURCES = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("src/main/java/dev/tappers/examples");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");
    private static final Pattern IPV6 = Pattern.compile("\"([0-9A-Fa-f]{1,4}:[0-9A-Fa-f:]*:[0-9A-Fa-f:]*)(/\\d+)?\"");

    @TestFactory
    Stream<DynamicTest> eachExampleRefusesTheHostNamespaceFirstThing() throws IOException {
        return ReadmeExamplesTest.exampleNames().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            List<String> lines = Files.readAllLines(SOURCES.resolve(name + ".java"), StandardCharsets.UTF_8);
            int main = indexOf(lines, "public static void main(String[] args)");
            assertTrue(main >= 0, name + " has no main method");
            assertTrue(lines.get(main + 1).trim().startsWith("NamespaceCheck.exitUnlessPrivate();"),
                    name + ": the first statement of main must be NamespaceCheck.exitUnlessPrivate(), found: " + lines.get(main + 1));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyAddressInTheExamplesIsForDocumentation() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
            return sources.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                assertEquals(List.of(), undocumentedAddresses(text), p.getFileName() + " uses addresses outside the documentation ranges");
            }));
        }
    }

    @Test
    void theAddressCheckCatchesOtherAddresses() {
        assertEquals(List.of(), undocumentedAddresses("\"198.18.0.1/24\" \"198.19.255.1\" \"203.0.113.7\" \"192.0.2.1\" "
                + "\"198.51.100.2/24\" \"2001:db8::1\" \"198.18.0.\" + host, version 1.2.3"));
        assertEquals(List.of("100.64.0.1", "198.20.0.1", "192.0.3.1", "2001:db9::1", "fe80::1"),
                undocumentedAddresses("\"100.64.0.1\" \"198.20.0.1\" \"192.0.3.1/24\" \"2001:db9::1\" \"fe80::1\""));
    }

    /** The IPv4 and IPv6 literals in {@code text} outside 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 198.18.0.0/15, 2001:db8::/32. */
    static List<String> undocumentedAddresses(String text) {
        List<String> bad = new ArrayList<>();
        Matcher v4 = IPV4.matcher(text);
        while (v4.find()) {
            int a = Integer.parseInt(v4.group(1));
            int b = Integer.parseInt(v4.group(2));
            int c = Integer.parseInt(v4.group(3));
            boolean documentation = (a == 192 && b == 0 && c == 2) || (a == 198 && b == 51 && c == 100)
                    || (a == 203 && b == 0 && c == 113) || (a == 198 && (b == 18 || b == 19));
            if (!documentation) {
                bad.add(v4.group());
            }
        }
        Matcher v6 = IPV6.matcher(text);
        while (v6.find()) {
            if (!v6.group(1).toLowerCase().startsWith("2001:db8:")) {
                bad.add(v6.group(1));
            }
        }
        return bad;
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }
}
