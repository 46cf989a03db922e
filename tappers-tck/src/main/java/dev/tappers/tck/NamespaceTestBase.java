package dev.tappers.tck;

import dev.tappers.NetworkNamespace;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The base of the namespace, vETH and device-move conformance tests: besides what {@link HermeticDeviceTest}
 * gives (the {@link HermeticNetwork} guard, everything a test opens closed after it, fresh names), fresh namespaces
 * and oracles that look from inside a namespace ({@link NetworkNamespace#call} runs them on a thread there).
 *
 * <p>These tests use 198.51.100.0/24 (RFC 5737 TEST-NET-2) for addresses. Every test makes its own namespaces,
 * so two tests never see each other's addresses.
 */
public abstract class NamespaceTestBase extends HermeticDeviceTest {
    NamespaceTestBase() {
        // Only the conformance classes of this package extend this directly.
    }

    /** A new anonymous namespace, closed after the test. */
    final NetworkNamespace anonymousNamespace() throws IOException {
        return track(provider().createNamespace(null));
    }

    /** A namespace name no other test run uses. */
    static String freshNamespaceName() {
        return "tappers-tck-" + ProcessHandle.current().pid() + "-" + nonce();
    }

    /** The calling thread's network namespace, as {@code readlink /proc/thread-self/ns/net} shows it. */
    static String threadNamespace() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
    }

    /**
     * Whether the interface exists in {@code ns}, as {@code /proc/thread-self/net/dev} lists it from a thread
     * inside. Not {@link NetworkInterface#getByName}: the JDK reads IPv6 addresses from {@code /proc/net/if_inet6},
     * which follows the process's main thread, so inside another namespace it also "finds" the main namespace's
     * interfaces that have an IPv6 address. Its IPv4 view (SIOCGIFCONF on a socket) does follow the thread.
     */
    static boolean existsIn(NetworkNamespace ns, String name) throws Exception {
        return ns.call(() -> NetworkInterfaceOracle.procNetDevNames().contains(name));
    }

    /**
     * What the JDK's {@link NetworkInterface} says of an interface from a thread inside {@code ns}, read there:
     * its methods open a socket per call, which acts in the namespace of the thread that calls them.
     *
     * @param up        {@link NetworkInterface#isUp()}: up <em>and</em> running, which a vETH end is only while
     *                  its peer is up too (and a moment after: the kernel reports carrier asynchronously)
     * @param mtu       {@link NetworkInterface#getMTU()}
     * @param mac       {@link NetworkInterface#getHardwareAddress()}, or null
     * @param addresses the addresses as {@code address/prefix}, IPv6 link-local ones left out
     */
    record Seen(boolean up, int mtu, byte[] mac, Set<String> addresses) {
    }

    /** The JDK's view of the interface from a thread inside {@code ns}; empty when it does not list it. */
    static Optional<Seen> lookIn(NetworkNamespace ns, String name) throws Exception {
        return ns.call(() -> {
            Optional<NetworkInterface> ni = NetworkInterfaceOracle.find(name);
            if (ni.isEmpty()) {
                return Optional.empty();
            }
            NetworkInterface i = ni.get();
            return Optional.of(new Seen(i.isUp(), i.getMTU(), i.getHardwareAddress(), NetworkInterfaceOracle.addresses(name)));
        });
    }

    /** Waits, bounded, until the JDK's view from inside {@code ns} passes {@code check}; returns that view. */
    static Seen awaitSeen(NetworkNamespace ns, String name, java.util.function.Predicate<Seen> check, String what)
            throws Exception {
        Seen[] last = new Seen[1];
        NetworkInterfaceOracle.eventually(() -> {
            try {
                last[0] = lookIn(ns, name).orElse(null);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return last[0] != null && check.test(last[0]);
        }, () -> name + " inside " + ns + ": " + what + "; NetworkInterface shows " + last[0]);
        return last[0];
    }

    /** {@link #lookIn}, failing when the JDK does not list the interface. */
    static Seen seenIn(NetworkNamespace ns, String name) throws Exception {
        return lookIn(ns, name).orElseThrow(() -> new AssertionError("NetworkInterface does not list " + name
                + " from inside " + ns + " (it lists only interfaces with an address)"));
    }

    /** Waits, bounded, until the interface is gone from {@code ns}. */
    static void eventuallyGoneFrom(NetworkNamespace ns, String name, String why) {
        NetworkInterfaceOracle.eventually(() -> {
            try {
                return !existsIn(ns, name);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, () -> name + " is still in " + ns + ": " + why);
    }

    /** A UDP socket bound to {@code address}:0 inside {@code ns}; it belongs to that namespace from then on. */
    final DatagramSocket udpSocketIn(NetworkNamespace ns, InetAddress address) throws Exception {
        DatagramSocket s = track(ns.call(() -> new DatagramSocket(new InetSocketAddress(address, 0))));
        s.setSoTimeout(Datagrams.RESEND_MILLIS);
        return s;
    }

    /**
     * Sends {@code payload} from {@code from} to {@code to} until {@code to} receives it, within the packet
     * timeout; fails otherwise. Resending covers the first datagram that waits for ARP.
     */
    final void assertDatagramCrosses(DatagramSocket from, DatagramSocket to, byte[] payload, String what) throws IOException {
        InetSocketAddress destination = (InetSocketAddress) to.getLocalSocketAddress();
        DatagramPacket out = new DatagramPacket(payload, payload.length, destination);
        byte[] in = new byte[payload.length + 64];
        long deadline = System.nanoTime() + packetTimeout().toNanos();
        List<String> others = new ArrayList<>();
        while (System.nanoTime() - deadline < 0) {
            from.send(out);
            long resendAt = System.nanoTime() + Datagrams.RESEND_MILLIS * 1_000_000L;
            while (System.nanoTime() - resendAt < 0) {
                DatagramPacket p = new DatagramPacket(in, in.length);
                try {
                    to.receive(p);
                } catch (SocketTimeoutException e) {
                    break;
                }
                byte[] got = Arrays.copyOfRange(p.getData(), p.getOffset(), p.getOffset() + p.getLength());
                if (Arrays.equals(payload, got)) {
                    return;
                }
                others.add(new String(got, StandardCharsets.US_ASCII));
            }
        }
        fail(what + ": the datagram " + new String(payload, StandardCharsets.US_ASCII) + " did not arrive at "
                + destination + " within " + packetTimeout().toMillis() + " ms; other datagrams: " + others);
    }

    static byte[] payload(String text) {
        return (text + " " + nonce()).getBytes(StandardCharsets.US_ASCII);
    }
}
