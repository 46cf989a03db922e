package dev.tappers.linux;

import dev.tappers.tck.report.ReliabilityFigures;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.NetworkNamespace;
import dev.tappers.NoSuchDeviceException;
import dev.tappers.Tun;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults from outside, and what the library does with them: the interface deleted under a device in use, the
 * namespace deleted under it, its MTU shrunk while packets flow, and the descriptor limit reached.
 */
class FaultsTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    @Test
    void interfaceDeletedFromOutsideWakesABlockedReceiveAndEveryCallSaysTheDeviceIsGone() throws Exception {
        Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults()); // blocking, and down: nothing arrives
        try {
            String name = tun.name().value();
            CompletableFuture<Throwable> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    tun.receive(ByteBuffer.allocateDirect(tun.maxPacketSize()));
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Thread.sleep(200);
            assertFalse(blocked.isDone(), "receive must block while nothing arrives");
            long start = System.nanoTime();
            // A separate handle: the same device adopted without ownership deletes the interface by RTM_DELLINK.
            try (Tun other = LinuxTestSupport.PROVIDER.adoptTun(((LinuxPacketDevice) tun).descriptor(), false)) {
                other.delete();
            }
            assertFalse(LinuxTestSupport.interfaceNames().contains(name));
            Throwable woken = blocked.get(5, TimeUnit.SECONDS);
            long wakeMillis = (System.nanoTime() - start) / 1_000_000;
            assertGone(woken, "blocked receive");
            assertGone(assertThrows(IOException.class, () -> tun.send(ipv4())), "send");
            assertGone(assertThrows(IOException.class, () -> tun.receive(ByteBuffer.allocate(2048))), "receive");
            assertGone(assertThrows(IOException.class, tun::mtu), "mtu");
            assertGone(assertThrows(IOException.class, () -> tun.setMtu(1400)), "setMtu");
            System.out.println("FaultDeviceGone: blocked receive woke after " + wakeMillis + " ms: " + woken.getMessage());
            ReliabilityFigures.record("FaultDeviceGone", "interface deleted through a second handle while a receive"
                    + " blocks", "receive woke in " + wakeMillis + " ms; receive, send, mtu, setMtu all throw"
                    + " NoSuchDeviceException (\"device is gone\")");
        } finally {
            tun.close();
        }
    }

    private static void assertGone(Throwable t, String what) {
        assertTrue(t instanceof NoSuchDeviceException, what + ": " + t);
        assertTrue(t.getMessage().contains("gone") || t.getMessage().contains("ENODEV"), what + ": " + t.getMessage());
    }

    private static ByteBuffer ipv4() throws Exception {
        byte[] p = dev.tappers.tck.packets.Ipv4Packet.udp(
                (java.net.Inet4Address) InetAddress.getByName("198.18.10.2"),
                (java.net.Inet4Address) InetAddress.getByName("198.18.10.1"),
                new dev.tappers.tck.packets.UdpDatagram(1, 9, new byte[8])).toBytes();
        return ByteBuffer.wrap(p);
    }

    @Test
    void namespaceDeletedUnderTheDevice() throws Exception {
        List<String> here = LinuxTestSupport.interfaceNames();
        String name;
        String outcome;
        NetworkNamespace ns = NetworkNamespace.createAnonymous();
        Tun tun = ns.call(() -> LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults().withNonBlocking(true)));
        try {
            name = tun.name().value();
            tun.up();
            ns.close(); // the namespace's last handle: only the device's descriptor keeps it alive now
            // The TUN descriptor's socket holds a reference on its namespace: the device keeps working...
            assertTrue(tun.receive(ByteBuffer.allocateDirect(tun.maxPacketSize())) >= 0);
            try {
                int mtu = tun.mtu();
                outcome = "configuration still works (mtu " + mtu + ")";
            } catch (IOException e) {
                outcome = "configuration fails clearly (" + e.getClass().getSimpleName() + ": \"" + e.getMessage() + "\")";
                assertTrue(e.getMessage().contains(name) || e.getMessage().contains("namespace"), e.getMessage());
            }
            System.out.println("FaultNamespaceDeleted: after the namespace's last handle closed, packet I/O works; "
                    + outcome);
        } finally {
            tun.close();
        }
        assertEquals(here, LinuxTestSupport.interfaceNames(), "nothing leaked into this namespace");
        ReliabilityFigures.record("FaultNamespaceDeleted", "the namespace's last handle closed under a TUN inside it",
                "packet I/O keeps working (the descriptor holds the namespace); " + outcome + "; close releases both");
    }

    @Test
    void mtuShrunkWhilePacketsAreInFlight() throws Exception {
        InetAddress local = InetAddress.getByName("198.18.11.1");
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults().withNonBlocking(true))) {
            tun.addAddress(AddressRequest.of(local, 24));
            tun.up();
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(local, 0));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger sendErrors = new AtomicInteger();
            Thread sender = new Thread(() -> {
                byte[] payload = new byte[1400 - 28];
                InetSocketAddress to = new InetSocketAddress("198.18.11.2", 9);
                for (int i = 0; i < 200_000 && !stop.get(); i++) {
                    try {
                        socket.send(new DatagramPacket(payload, payload.length, to));
                    } catch (IOException e) {
                        sendErrors.incrementAndGet(); // EMSGSIZE while the route's MTU changes is the kernel's answer
                    }
                }
            });
            sender.start();
            ByteBuffer rx = ByteBuffer.allocateDirect(tun.maxPacketSize());
            int before = 0;
            int after = 0;
            int largestAfter = 0;
            long end = System.nanoTime() + 1_500_000_000L;
            boolean shrunk = false;
            while (System.nanoTime() - end < 0) {
                if (!shrunk && before > 2000) {
                    tun.setMtu(1280);
                    shrunk = true;
                }
                rx.clear();
                int n = tun.receive(rx);
                if (n == 0) {
                    Thread.onSpinWait();
                } else if (!shrunk) {
                    before++;
                } else {
                    after++;
                    // Packets queued before the change may still come out whole; nothing can exceed the old MTU.
                    assertTrue(n <= 1400, "a packet of " + n + " bytes");
                    if (after > 1000) {
                        largestAfter = Math.max(largestAfter, n);
                    }
                }
            }
            stop.set(true);
            sender.join(5000);
            socket.close();
            assertTrue(shrunk, "the MTU change happened with packets flowing");
            assertEquals(1280, tun.mtu());
            assertTrue(after > 1000, "packets kept flowing after the change: " + after);
            assertTrue(largestAfter <= 1280, "once the queue drained, packets fit the new MTU: " + largestAfter);
            System.out.printf("FaultMtuShrunk: %d packets before, %d after 1500 -> 1280 (largest once drained %d),"
                    + " %d sends refused%n", before, after, largestAfter, sendErrors.get());
            ReliabilityFigures.record("FaultMtuShrunk", "MTU 1500 → 1280 while a kernel socket streams 1400-byte packets"
                    + " into the TUN", String.format("%,d packets before, %,d after; largest once drained %d bytes;"
                    + " %d sends refused by the kernel; no exception from the device", before, after, largestAfter,
                    sendErrors.get()));
        }
    }

    @Test
    void descriptorLimitGivesAClearErrorAndEverythingWorksOnceDescriptorsAreFreed() throws Exception {
        Path prlimit = Path.of("/usr/bin/prlimit");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(prlimit), "needs prlimit (util-linux)");
        int limit = 128;
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(prlimit.toString(), "--nofile=" + limit + ":" + limit, "--",
                java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "--enable-native-access=ALL-UNNAMED", "-cp", String.join(File.pathSeparator,
                        UnprivilegedJvm.classPath(FdLimitChildMain.class).stream().map(Path::toString).toList()),
                FdLimitChildMain.class.getName(), String.valueOf(4 * limit)));
        Path out = tmp.resolve("child.txt");
        // Only the child's limit is lowered; this JVM's stays as it is.
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM finished");
        List<String> lines = Files.readAllLines(out);
        String created = line(lines, "CREATED ");
        String error = line(lines, "ERROR ");
        String recovered = line(lines, "RECOVERED ");
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("UNEXPECTED") || l.startsWith("NOLIMIT")), lines.toString());
        assertTrue(error.contains("EMFILE"), error);
        assertTrue(error.contains("limit of open descriptors (RLIMIT_NOFILE"), "the message explains: " + error);
        System.out.println("FaultFdLimit (RLIMIT_NOFILE " + limit + "): " + created + "; " + error + "; " + recovered);
        ReliabilityFigures.record("FaultFdLimit", "TUNs created in a child JVM with RLIMIT_NOFILE " + limit
                + " until the limit, then freed", created.substring(8) + " TUNs, then " + error.substring(6,
                error.indexOf(' ', 6)) + " with EMFILE; a TUN created again after closing them");
    }

    private static String line(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix.trim() + " line in " + lines));
    }
}
