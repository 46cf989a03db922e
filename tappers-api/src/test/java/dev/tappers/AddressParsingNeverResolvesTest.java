package dev.tappers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Address parsing must never consult a name service: a string that is not an address literal is an error, not a
 * host name to look up (a DNS answer would silently put some other address on the interface).
 *
 * <p>The check runs in a child JVM whose name service is a hosts file ({@code jdk.net.hosts.file}) that maps
 * every probed string to 203.0.113.9. If parsing ever asked the name service, the child would accept the input
 * and report 203.0.113.9. The hosts-file resolver never sends a packet, so the probe is hermetic.
 */
class AddressParsingNeverResolvesTest {
    private static final String TRAP = "203.0.113.9";

    @TempDir
    Path tmp;

    @Test
    void hostNamesAreRejectedWithoutALookup() throws Exception {
        Map<String, String> results = probe("example.com", "tappers-test.invalid", "localhost");
        results.forEach((input, line) -> {
            assertTrue(line.startsWith("REJECTED"), input + ": " + line);
            assertTrue(line.contains("is not an IPv4 or IPv6 address literal"), line);
        });
    }

    @Test
    void theTrapWorks() throws Exception {
        // Guards the test itself: a name resolved through the hosts file really shows up as the trap address.
        Path hosts = hostsFile(List.of("example.com"));
        List<String> out = runChild(hosts, List.of("--resolve", "example.com"));
        assertEquals(List.of("RESOLVED\texample.com\t" + TRAP), out);
    }

    @Test
    void outOfRangeOctetsAndNonAsciiDigitsAreRejectedWithoutALookup() throws Exception {
        Map<String, String> results = probe("1.2.3.999", "256.0.0.1", "\uFF12001:db8::1");
        results.forEach((input, line) -> assertTrue(line.startsWith("REJECTED"), input + ": " + line));
    }

    /** Probes each input as input/24 and returns the child's line for each. */
    private Map<String, String> probe(String... inputs) throws Exception {
        Path hosts = hostsFile(List.of(inputs));
        List<String> args = new ArrayList<>();
        for (String in : inputs) {
            args.add(in + "/24");
        }
        List<String> out = runChild(hosts, args);
        assertEquals(inputs.length, out.size(), "child output: " + out);
        Map<String, String> byInput = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            assertTrue(out.get(i).contains("\t" + args.get(i) + "\t"), out.get(i));
            byInput.put(inputs[i], out.get(i));
        }
        return byInput;
    }

    private Path hostsFile(List<String> names) throws IOException {
        StringBuilder s = new StringBuilder();
        for (String n : names) {
            s.append(TRAP).append(' ').append(n).append('\n');
        }
        return Files.writeString(tmp.resolve("hosts"), s.toString(), StandardCharsets.UTF_8);
    }

    private static List<String> runChild(Path hosts, List<String> args) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        String cp = base.resolve("target/classes") + File.pathSeparator + base.resolve("target/test-classes");
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Djdk.net.hosts.file=" + hosts, "-cp", cp));
        if (!args.isEmpty() && args.get(0).equals("--resolve")) {
            cmd.add(Resolve.class.getName());
            cmd.addAll(args.subList(1, args.size()));
        } else {
            cmd.add(NoDnsProbe.class.getName());
            cmd.addAll(args);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("child JVM did not finish in 60 s: " + cmd);
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "child JVM failed: " + cmd + "\n" + text);
        return text.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
    }

    /** Child main for {@link #theTrapWorks()}: resolves names through the JDK's name service. */
    public static final class Resolve {
        private Resolve() {
        }

        public static void main(String[] names) throws Exception {
            for (String n : names) {
                System.out.println("RESOLVED\t" + n + "\t" + java.net.InetAddress.getByName(n).getHostAddress());
            }
        }
    }
}
