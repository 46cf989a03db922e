package dev.tappers.linux;

import dev.tappers.tck.report.ReliabilityFigures;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.PacketDevice;
import dev.tappers.Tun;
import dev.tappers.linux.jna.WorldOpenTunNode;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7, security: a persistent TUN given an owner (or a group) is usable by that user without any capability.
 * A child JVM running as nobody (uid and gid 65534, no capability at all, no-new-privs; see
 * {@link UnprivilegedJvm}) attaches with {@code Tun.open} and exchanges a datagram with a kernel socket of this
 * JVM through it; with the owner set to another uid, the kernel refuses it and the child gets
 * PermissionDeniedException. The kernel's rule ({@code tun_not_capable} in drivers/net/tun.c): the caller's
 * effective uid is the owner, or it is in the group, or it has CAP_NET_ADMIN.
 */
class OwnedDeviceTest {
    private static final InetAddress LOCAL = address("198.18.15.1");
    private static final InetSocketAddress PEER = new InetSocketAddress(address("198.18.15.2"), 9);
    private static final int OTHER_UID = 4242;

    private static WorldOpenTunNode node;

    @TempDir
    Path tmp;

    @BeforeAll
    static void openTheControlDevice() {
        HermeticNetwork.require();
        Assumptions.assumeTrue(Files.isExecutable(UnprivilegedJvm.SETPRIV) && UnprivilegedJvm.isRealRoot(),
                "needs real root and setpriv, to run the child as another user");
        String[] why = new String[1];
        Optional<WorldOpenTunNode> installed = WorldOpenTunNode.install(why);
        Assumptions.assumeTrue(installed.isPresent(), () -> "cannot open /dev/net/tun to nobody privately: " + why[0]);
        node = installed.get();
    }

    @AfterAll
    static void restoreTheControlDevice() {
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    @Test
    void theOwnerAttachesWithoutCapabilitiesAndExchangesAPacket() throws Exception {
        Outcome o = attachAsNobody(tun -> tun.setOwner(UnprivilegedJvm.NOBODY));
        assertEquals(OwnedDevicePeerMain.EXCHANGED, o.exit, o.output::toString);
        assertTrue(o.answered, "the child's answer came back through the device: " + o.output);
        ReliabilityFigures.record("OwnedDeviceOwner", "persistent TUN with setOwner(65534), attached by a child JVM"
                + " running as uid 65534 with no capability", "attached with Tun.open and exchanged a datagram with a"
                + " kernel socket (" + o.line("STATUS CapEff") + ")");
    }

    @Test
    void theGroupAttachesWithoutCapabilitiesAndExchangesAPacket() throws Exception {
        Outcome o = attachAsNobody(tun -> tun.setGroup(UnprivilegedJvm.NOBODY));
        assertEquals(OwnedDevicePeerMain.EXCHANGED, o.exit, o.output::toString);
        assertTrue(o.answered, "the child's answer came back through the device: " + o.output);
        ReliabilityFigures.record("OwnedDeviceGroup", "persistent TUN with setGroup(65534) and no owner, attached"
                + " by a child JVM running as gid 65534 with no capability", "attached with Tun.open and exchanged"
                + " a datagram with a kernel socket");
    }

    @Test
    void anotherOwnerIsRefusedWithPermissionDenied() throws Exception {
        Outcome o = attachAsNobody(tun -> tun.setOwner(OTHER_UID));
        assertEquals(OwnedDevicePeerMain.DENIED, o.exit, o.output::toString);
        assertFalse(o.answered);
        String denied = o.line("DENIED");
        assertTrue(denied.contains("EPERM"), denied);
        ReliabilityFigures.record("OwnedDeviceOtherOwner", "persistent TUN owned by uid " + OTHER_UID + ", opened by"
                + " the same child (uid 65534, no capability)", "PermissionDeniedException: \""
                + denied.substring("DENIED ".length()) + "\"");
    }

    interface Setup {
        void apply(PacketDevice tun) throws IOException;
    }

    record Outcome(int exit, boolean answered, List<String> output) {
        String line(String prefix) {
            return output.stream().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + " line in " + output));
        }
    }

    /**
     * Creates a persistent TUN, applies {@code setup}, configures and closes it (it stays), runs the child on it
     * while sending it datagrams, and deletes the TUN whatever happens.
     */
    private Outcome attachAsNobody(Setup setup) throws Exception {
        String name;
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults().withPersistent(true))) {
            name = tun.name().value();
            try {
                setup.apply(tun);
                tun.addAddress(AddressRequest.of(LOCAL, 24));
                tun.up();
            } catch (IOException | RuntimeException e) {
                tun.delete();
                throw e;
            }
        }
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path work = Files.createDirectories(tmp.resolve("work"));
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path output = tmp.resolve("child.txt");
            Process child = UnprivilegedJvm.start(OwnedDevicePeerMain.class, List.of(name), work, output);
            boolean answered = false;
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOCAL, 0))) {
                socket.setSoTimeout(100);
                byte[] hello = OwnedDevicePeerMain.TO_PEER.getBytes(StandardCharsets.US_ASCII);
                byte[] rx = new byte[2048];
                long end = System.nanoTime() + 90_000_000_000L;
                while (!answered && child.isAlive() && System.nanoTime() - end < 0) {
                    socket.send(new DatagramPacket(hello, hello.length, PEER));
                    try {
                        DatagramPacket p = new DatagramPacket(rx, rx.length);
                        socket.receive(p);
                        answered = new String(rx, 0, p.getLength(), StandardCharsets.US_ASCII)
                                .equals(OwnedDevicePeerMain.FROM_PEER);
                    } catch (SocketTimeoutException e) {
                        // the child is still starting: send again
                    } catch (IOException e) {
                        // no carrier yet (nothing attached): ENETUNREACH-like errors until the child attaches
                        Thread.sleep(100);
                    }
                }
            }
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError("the child did not finish: " + Files.readAllLines(output));
            }
            return new Outcome(child.exitValue(), answered, Files.readAllLines(output));
        } finally {
            try (Tun again = LinuxTestSupport.PROVIDER.openTun(dev.tappers.InterfaceName.of(name))) {
                again.delete();
            }
            assertFalse(LinuxTestSupport.interfaceNames().contains(name), "the persistent TUN is gone");
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
