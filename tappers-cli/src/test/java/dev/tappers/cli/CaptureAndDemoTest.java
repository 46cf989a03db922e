package dev.tappers.cli;

import dev.tappers.tck.HermeticNetwork;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code capture} read back from its file, {@code demo} end to end, and the script run as a process. */
class CaptureAndDemoTest {
    @BeforeEach
    void onlyInAPrivateNamespace() {
        HermeticNetwork.require();
    }

    @Test
    void captureRecordsADatagramTheTestSentThroughTheKernel(@TempDir Path dir) throws Exception {
        String tun = CliRun.of("create", "tun", "cli-cap0").ok().out().trim();
        try {
            CliRun.of("addr", "add", tun, "198.18.9.1/24").ok();
            CliRun.of("up", tun).ok();
            Path file = dir.resolve("out.pcapng");
            byte[] marker = new byte[24];
            new SecureRandom().nextBytes(marker);

            CompletableFuture<CliRun> capture = CompletableFuture.supplyAsync(
                    () -> CliRun.of("capture", tun, "-w", file.toString(), "--duration", "3s"));
            // Until capture attaches, the TUN has no reader and the kernel drops what it routes there: send
            // every 50 ms while capture runs (3 s), so some datagrams arrive after it attached.
            try (DatagramSocket udp = new DatagramSocket()) {
                DatagramPacket datagram = new DatagramPacket(marker, marker.length,
                        new InetSocketAddress("198.18.9.2", 4242));
                for (int i = 0; i < 50 && !capture.isDone(); i++) {
                    udp.send(datagram);
                    Thread.sleep(50);
                }
            }
            CliRun run = capture.get(10, TimeUnit.SECONDS).ok();
            Matcher m = Pattern.compile("tappers capture: (\\d+) packet\\(s\\) from cli-cap0 written to .*\n")
                    .matcher(run.err());
            assertTrue(m.matches(), run.err());

            PcapngFile pcap = PcapngFile.parse(Files.readAllBytes(file));
            assertEquals(PcapngWriter.LINKTYPE_RAW, pcap.linkType());
            assertEquals(tun, pcap.interfaceName());
            assertEquals(Integer.parseInt(m.group(1)), pcap.packets().size());
            long now = System.currentTimeMillis() * 1000;
            List<PcapngFile.Packet> ours = new ArrayList<>();
            for (PcapngFile.Packet p : pcap.packets()) {
                assertTrue(Math.abs(now - p.timestampMicros()) < 60_000_000L, "timestamp near now: " + p);
                assertEquals(p.originalLength(), p.data().length);
                Optional<Ipv4Packet> ip = Ipv4Packet.tryParse(p.data());
                Optional<UdpDatagram> udp = ip.flatMap(Ipv4Packet::udp);
                if (udp.isPresent() && udp.get().destinationPort() == 4242
                        && java.util.Arrays.equals(udp.get().payload(), marker)) {
                    assertEquals("198.18.9.2", ip.get().destination().getHostAddress());
                    ours.add(p);
                }
            }
            assertTrue(!ours.isEmpty(), "our datagram among " + pcap.packets().size() + " captured packets");
            assertTrue(CliDeviceTest.kernelNames().contains(tun), "capture left the persistent TUN in place");
        } finally {
            CliRun.of("delete", tun).ok();
        }
    }

    @Test
    void captureOfATunThatAnotherProgramHoldsFailsInOneLine() throws Exception {
        try (dev.tappers.Tun held = dev.tappers.Tun.create("cli-held0")) {
            CliRun run = CliRun.of("capture", held.name().value(), "-w", "-", "-c", "1");
            assertEquals(ExitCode.FAILURE, run.exitCode(), run.toString());
            assertTrue(run.err().startsWith("tappers: capture: ") && run.err().contains("EBUSY"), run.err());
            assertEquals(1, run.err().lines().count());
        }
    }

    @Test
    void demoPrintsCountersAndASummaryAndLeavesNothingBehind() throws Exception {
        CliRun.of("list").ok(); // loads the provider and JNA first, so their descriptors are not counted as leaks
        List<String> interfacesBefore = CliDeviceTest.kernelNames();
        long fdsBefore = openDescriptors();

        CliRun run = CliRun.of("demo", "--seconds", "2").ok();

        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("demo: tun0 198.18.0.1/24 in a private namespace"), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches(" *\\d+\\.\\d s  tun: \\d+ pkts in, .*rtt p50 .*")), run.out());
        Matcher m = Pattern.compile("summary: (\\d+) UDP echoes \\((\\d+) lost\\) and (\\d+) of (\\d+) pings answered "
                + "by Java through tun0 in .*").matcher(lines.get(lines.size() - 1));
        assertTrue(m.matches(), run.out());
        assertTrue(Long.parseLong(m.group(1)) > 0, run.out());
        assertTrue(Long.parseLong(m.group(3)) > 0, "pings answered: " + run.out());
        assertEquals("", run.err());

        assertEquals(interfacesBefore, CliDeviceTest.kernelNames());
        awaitEquals(fdsBefore, CaptureAndDemoTest::openDescriptors, "open descriptors");
        awaitEquals(0L, CaptureAndDemoTest::threadsInOtherNamespaces, "threads in another network namespace");
    }

    @Test
    void theScriptRunsTheCliAndAPrivilegeErrorIsOneLineWithExit77(@TempDir Path dir) throws Exception {
        Path script = Path.of(System.getProperty("tappers.root", ".."), "tappers").toAbsolutePath().normalize();
        String modulePath = cliModulePath();

        Process help = script(dir, List.of("sh", script.toString(), "--help"), modulePath);
        assertEquals(0, help.waitFor());
        String out = Files.readString(dir.resolve("out.txt"));
        assertTrue(out.contains("\n  demo ") && out.contains("\n  capture "), out);

        Path setpriv = Path.of("/usr/bin/setpriv");
        if (!Files.isExecutable(setpriv)) {
            throw new AssertionError("setpriv is needed to run the CLI without capabilities (util-linux)");
        }
        // No capabilities at all, even as uid 0: creating a TUN must fail with EPERM.
        Process denied = script(dir, List.of(setpriv.toString(), "--inh-caps=-all", "--bounding-set=-all",
                "--no-new-privs", "--", "sh", script.toString(), "create", "tun", "cli-denied0"), modulePath);
        assertEquals(ExitCode.NO_PERMISSION, denied.waitFor(), Files.readString(dir.resolve("err.txt")));
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("tappers: create tun: ") && err.contains("CAP_NET_ADMIN")
                && err.endsWith("run as root\n"), err);
        assertTrue(!CliDeviceTest.kernelNames().contains("cli-denied0"));
    }

    private static Process script(Path dir, List<String> command, String modulePath) throws IOException,
            InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        b.environment().put("TAPPERS_MODULE_PATH", modulePath);
        b.environment().put("TAPPERS_JAVA", ProcessHandle.current().info().command().orElse("java"));
        Process p = b.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the script did not finish in 60 s: " + command);
        }
        return p;
    }

    /**
     * The CLI's runtime module path, taken from this JVM's paths: the CLI's classes, the API, the Linux provider,
     * tappers-posix and JNA, as target/lib holds them after a package build (and nothing else, no test jar).
     */
    private static String cliModulePath() {
        List<String> keep = new ArrayList<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            for (String entry : System.getProperty(property, "").split(File.pathSeparator)) {
                String unix = entry.replace(File.separatorChar, '/');
                if (unix.matches(".*/(tappers-cli/target/classes|tappers-(api|posix|linux)[^/]*(/target/classes|\\.jar)"
                        + "|jna-jpms[^/]*\\.jar)") && !keep.contains(entry)) {
                    keep.add(entry);
                }
            }
        }
        assertEquals(5, keep.size(), "the CLI's runtime modules among this JVM's paths: " + keep);
        return String.join(File.pathSeparator, keep);
    }

    private static long openDescriptors() {
        File[] fds = new File("/proc/self/fd").listFiles();
        return fds == null ? -1 : fds.length;
    }

    /** Threads of this process whose network namespace is not the process's: a namespace thread left running. */
    private static long threadsInOtherNamespaces() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            Path own = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
            return tasks.filter(t -> {
                try {
                    return !Files.readSymbolicLink(t.resolve("ns/net")).equals(own);
                } catch (IOException gone) {
                    return false; // the thread ended while we looked
                }
            }).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private interface Probe {
        long get();
    }

    /** Threads end and descriptors close a moment after the command returns: wait up to 5 s for the value. */
    private static void awaitEquals(long expected, Probe probe, String what) throws InterruptedException {
        long actual = probe.get();
        for (int i = 0; i < 100 && actual != expected; i++) {
            Thread.sleep(50);
            actual = probe.get();
        }
        assertEquals(expected, actual, what);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
