package dev.tappers.tck;

import dev.tappers.AddressInfo;
import dev.tappers.OsFamily;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The independent witness: what {@link NetworkInterface} (the JDK's own view of the interfaces) says, so a
 * provider is never checked against itself.
 *
 * <p>On Linux the JDK lists only interfaces that carry an address, so a fresh device stays invisible to it until
 * it gets one; for mere existence the oracle also reads {@code /proc/net/dev}, which lists every interface of the
 * reading thread's network namespace. ({@code /sys/class/net} would show the namespace sysfs was mounted in, not
 * ours.)
 */
final class NetworkInterfaceOracle {
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private NetworkInterfaceOracle() {
    }

    /** The interface as the JDK sees it, if it sees it. */
    static Optional<NetworkInterface> find(String name) {
        try {
            return Optional.ofNullable(NetworkInterface.getByName(name));
        } catch (SocketException e) {
            throw new UncheckedIOException("NetworkInterface.getByName(" + name + ")", e);
        }
    }

    /** True when the JDK or (on Linux) {@code /proc/net/dev} lists the interface. */
    static boolean exists(String name) {
        return find(name).isPresent() || procNetDevNames().contains(name);
    }

    /** Interface names in {@code /proc/net/dev} of the calling thread's namespace; empty off Linux. */
    static Set<String> procNetDevNames() {
        Set<String> names = new TreeSet<>();
        if (OsFamily.current() != OsFamily.LINUX) {
            return names;
        }
        List<String> lines;
        try {
            Path perThread = Path.of("/proc/thread-self/net/dev");
            lines = Files.readAllLines(Files.exists(perThread) ? perThread : Path.of("/proc/net/dev"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return names;
        }
        // Two header lines, then "  name: counters...".
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.contains("|")) {
                names.add(line.substring(0, colon).trim());
            }
        }
        return names;
    }

    /** The addresses the JDK lists, as {@code address/prefix} text, IPv6 link-local ones left out. */
    static Set<String> addresses(String name) {
        Set<String> out = new TreeSet<>();
        find(name).ifPresent(ni -> {
            for (InterfaceAddress ia : ni.getInterfaceAddresses()) {
                if (!ia.getAddress().isLinkLocalAddress()) {
                    out.add(text(ia.getAddress(), ia.getNetworkPrefixLength()));
                }
            }
        });
        return out;
    }

    /** The JDK's entry for {@code address} on the interface, if it lists one. */
    static Optional<InterfaceAddress> entry(String name, InetAddress address) {
        return find(name).flatMap(ni -> ni.getInterfaceAddresses().stream()
                .filter(ia -> ia.getAddress().equals(address)).findFirst());
    }

    /** A provider's addresses as {@code address/prefix} text, IPv6 link-local ones left out. */
    static Set<String> texts(Collection<AddressInfo> infos) {
        Set<String> out = new TreeSet<>();
        for (AddressInfo a : infos) {
            if (!a.isLinkLocal()) {
                out.add(text(a.address(), a.prefixLength()));
            }
        }
        return out;
    }

    /** One spelling for an address and prefix, whatever scope or form the address came with. */
    static String text(InetAddress address, int prefix) {
        byte[] b = address.getAddress();
        try {
            InetAddress plain = b.length == 16 ? Inet6Address.getByAddress(null, b, -1) : InetAddress.getByAddress(b);
            return plain.getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Waits, a bounded time, for a condition that the kernel may make true a moment after the call that caused
     * it returned (on some systems interface removal finishes asynchronously).
     */
    static void eventually(BooleanSupplier condition, Supplier<String> failure) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        for (int i = 0; i < 10_000; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                break;
            }
            sleep(20);
        }
        fail(failure.get() + " (waited " + SETTLE.toMillis() + " ms)");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
