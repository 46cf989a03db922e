package dev.tappers.cli;

import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real commands against the kernel, in the test JVM's private network namespace, checked with
 * {@link NetworkInterface} (the JDK's own view) as the oracle.
 */
class CliDeviceTest {
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void onlyInAPrivateNamespace() {
        HermeticNetwork.require();
    }

    @AfterEach
    void deleteWhatTheTestCreated() {
        for (String name : created) {
            CliRun.of("delete", name); // already gone is fine
        }
    }

    private String create(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "create";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun run = CliRun.of(all).ok();
        String name = run.out().trim().split(" ")[0];
        created.add(name);
        return name;
    }

    /**
     * The interface names in /proc/self/net/dev, the kernel's own list. The JDK's {@link NetworkInterface} finds
     * an interface only once it has an address (it asks SIOCGIFCONF and /proc/net/if_inet6), so it cannot tell
     * whether a bare new device exists.
     */
    static List<String> kernelNames() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/net/dev")).stream().skip(2)
                .map(l -> l.substring(0, l.indexOf(':')).trim()).toList();
    }

    private static List<String> addresses(NetworkInterface nif) {
        List<String> out = new ArrayList<>();
        for (InterfaceAddress a : nif.getInterfaceAddresses()) {
            InetAddress ip = a.getAddress();
            out.add(ip.getHostAddress().replaceAll("%.*", "") + "/" + a.getNetworkPrefixLength());
        }
        return out;
    }

    @Test
    void createConfigureAndDeleteATun() throws Exception {
        String name = create("tun", "cli-tun0");
        assertEquals("cli-tun0", name);
        assertTrue(kernelNames().contains(name), "the TUN outlived the command: it is persistent");

        CliRun.of("addr", "add", name, "198.18.3.1/24").ok();
        NetworkInterface nif = NetworkInterface.getByName(name);
        assertFalse(nif.isUp());
        CliRun.of("mtu", name, "1400").ok();
        CliRun.of("up", name).ok();
        nif = NetworkInterface.getByName(name);
        assertTrue(addresses(nif).contains("198.18.3.1/24"), addresses(nif).toString());
        assertEquals(1400, nif.getMTU());
        assertTrue(nif.isUp());
        assertEquals("1400", CliRun.of("mtu", name).ok().out().trim());

        CliRun.of("down", name).ok();
        assertFalse(NetworkInterface.getByName(name).isUp());
        CliRun.of("addr", "del", name, "198.18.3.1/24").ok();
        // Its only address gone, the JDK no longer finds it (see kernelNames), yet the kernel still lists it.
        assertNull(NetworkInterface.getByName(name));
        assertTrue(kernelNames().contains(name));

        CliRun.of("delete", name).ok();
        assertNull(NetworkInterface.getByName(name));
        assertFalse(kernelNames().contains(name));
    }

    @Test
    void kernelPickedNamesArePrinted() throws Exception {
        String tun = create("tun");
        String tap = create("tap");
        assertTrue(tun.startsWith("tun"), tun);
        assertTrue(tap.startsWith("tap"), tap);
        assertTrue(kernelNames().containsAll(List.of(tun, tap)), kernelNames().toString());
    }

    @Test
    void listAndShowAgreeWithTheJdk() throws Exception {
        String tap = create("tap", "cli-tap0");
        CliRun.of("addr", "add", tap, "2001:db8:5::1/64").ok();
        CliRun.of("addr", "add", tap, "198.18.5.1/24").ok();
        NetworkInterface nif = NetworkInterface.getByName(tap);
        String mac = HexFormat.ofDelimiter(":").formatHex(nif.getHardwareAddress());

        String table = CliRun.of("list").ok().out();
        String row = table.lines().filter(l -> l.startsWith(tap + " ")).findFirst().orElseThrow(() ->
                new AssertionError(table));
        List<String> cells = List.of(row.trim().split(" +"));
        assertEquals(List.of(tap, Integer.toString(nif.getIndex()), "tap", "down", Integer.toString(nif.getMTU()), mac,
                "198.18.5.1/24", "2001:db8:5::1/64"), cells);
        for (NetworkInterface each : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            assertTrue(table.lines().anyMatch(l -> l.startsWith(each.getName() + " ")), each.getName() + " in\n" + table);
        }

        String json = CliRun.of("show", tap, "--json").ok().out();
        assertEquals("{\n"
                + "  \"name\": \"" + tap + "\",\n"
                + "  \"index\": " + nif.getIndex() + ",\n"
                + "  \"kind\": \"tap\",\n"
                + "  \"state\": \"down\",\n"
                + "  \"mtu\": " + nif.getMTU() + ",\n"
                + "  \"mac\": \"" + mac + "\",\n"
                + "  \"addresses\": [\n"
                + "    \"198.18.5.1/24\",\n"
                + "    \"2001:db8:5::1/64\"\n"
                + "  ]\n"
                + "}\n", json);
        String all = CliRun.of("list", "--json").ok().out();
        assertTrue(all.startsWith("[\n") && all.contains("\"name\": \"" + tap + "\""), all);
        assertTrue(all.contains("\"name\": \"lo\",\n    \"index\": 1,\n    \"kind\": \"loopback\""), all);
    }

    @Test
    void aVethPairIsCreatedWithBothNamesAndDeletedByEitherEnd() throws Exception {
        CliRun run = CliRun.of("create", "veth", "cli-va", "cli-vb").ok();
        created.add("cli-va");
        assertEquals("cli-va cli-vb\n", run.out());
        assertTrue(kernelNames().containsAll(List.of("cli-va", "cli-vb")), kernelNames().toString());
        CliRun.of("mtu", "cli-vb", "9000").ok();
        CliRun.of("addr", "add", "cli-vb", "198.18.6.2/24").ok();
        assertEquals(9000, NetworkInterface.getByName("cli-vb").getMTU());
        assertTrue(CliRun.of("show", "cli-va").ok().out().contains(" veth "));
        CliRun.of("delete", "cli-vb").ok();
        assertFalse(kernelNames().contains("cli-va"));
        assertFalse(kernelNames().contains("cli-vb"));
    }

    @Test
    void aMissingInterfaceIsOneLineAndExit1() {
        CliRun run = CliRun.of("show", "no-such-if");
        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertEquals("tappers: show: no interface called 'no-such-if' in this network namespace (tappers list shows "
                + "them)\n", run.err());
        assertEquals(ExitCode.FAILURE, CliRun.of("up", "no-such-if").exitCode());
    }

    @Test
    void theLoopbackIsNotOurs() {
        CliRun run = CliRun.of("mtu", "lo", "1500");
        assertEquals(ExitCode.UNAVAILABLE, run.exitCode());
        assertEquals("tappers: mtu: lo is a loopback interface; tappers manages TUN, TAP and vETH interfaces only\n",
                run.err());
    }

    @Test
    void creatingANameTakenAlreadyFails() {
        create("tun", "cli-dup0");
        CliRun run = CliRun.of("create", "tun", "cli-dup0");
        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertTrue(run.err().startsWith("tappers: create tun: ") && run.err().contains("EEXIST")
                || run.err().contains("EBUSY"), run.err());
        assertEquals(1, run.err().lines().count());
    }

    @Test
    void infoShowsTheProviderAndEveryFeature() {
        String out = CliRun.of("info").ok().out();
        assertTrue(out.contains("selected provider: linux"), out);
        for (dev.tappers.Feature f : dev.tappers.Feature.values()) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(f + " ")), f + " in\n" + out);
        }
        assertTrue(out.lines().anyMatch(l -> l.matches("INTERFACE_METRIC +no +Linux has no interface metric: give each route a metric.*")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("TUN +yes +TUN devices")), out);
    }
}
