package dev.tappers.linux;

import dev.tappers.DeviceExistsException;
import dev.tappers.DeviceOptions;
import dev.tappers.InterfaceName;
import dev.tappers.LinkFlag;
import dev.tappers.PermissionDeniedException;
import dev.tappers.Tap;
import dev.tappers.TappersException;
import dev.tappers.Tun;
import dev.tappers.linux.jna.PrivateSysfs;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linux particulars of the link settings: the oracle itself is there (a sysfs of this namespace), the tun driver's
 * defaults, rename while up (EBUSY before 6.2), and the group rule for attaching without CAP_NET_ADMIN.
 */
class LinuxLinkSettingsTest {
    /** TUN_READQ_SIZE in drivers/net/tun.c: the transmit queue length a new TUN/TAP gets. */
    private static final int TUN_DEFAULT_TX_QUEUE = 500;

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    @Test
    void theSysfsOracleSeesThisNamespace() throws IOException {
        Path root = PrivateSysfs.root().orElseThrow(() -> new AssertionError("no private sysfs: " + PrivateSysfs.whyNot()));
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults())) {
            assertTrue(Files.isDirectory(root.resolve("class/net").resolve(tun.name().value())),
                    "the private sysfs does not show " + tun.name());
            assertEquals(String.valueOf(tun.index()), SysfsLinkView.read(tun.name().value(), "ifindex").orElseThrow());
        }
    }

    @Test
    void aNewTunHasNoArpAndTheDriversQueueLength() throws IOException {
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults());
             Tap tap = LinuxTestSupport.PROVIDER.createTap(DeviceOptions.defaults())) {
            assertEquals(EnumSet.of(LinkFlag.MULTICAST), tun.flags(), "a TUN is IFF_NOARP | IFF_MULTICAST");
            assertEquals(EnumSet.of(LinkFlag.MULTICAST, LinkFlag.ARP), tap.flags(), "a TAP does ARP");
            assertEquals(TUN_DEFAULT_TX_QUEUE, tun.txQueueLength());
            tun.setFlag(LinkFlag.ARP, true);
            assertEquals(EnumSet.of(LinkFlag.MULTICAST, LinkFlag.ARP), tun.flags(), "IFF_NOARP cleared on a TUN");
        }
    }

    /** Linux 6.2 began to rename interfaces that are up (commit bd039b5ea2a9); older kernels answer EBUSY. */
    @Test
    void renamingWhileUpWorksSince62AndIsEbusyWithAHintBefore() throws IOException {
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults())) {
            tun.up();
            InterfaceName old = tun.name();
            InterfaceName wanted = InterfaceName.of("h6renup" + ProcessHandle.current().pid() % 10_000);
            if (kernelAtLeast(6, 2)) {
                tun.rename(wanted);
                assertEquals(wanted, tun.name());
                assertEquals(String.valueOf(tun.index()), SysfsLinkView.read(wanted.value(), "ifindex").orElseThrow());
                return;
            }
            TappersException e = assertThrows(TappersException.class, () -> tun.rename(wanted));
            assertEquals("EBUSY", e.errnoName(), e.getMessage());
            assertFalse(e instanceof DeviceExistsException, "EBUSY here is not 'exists': " + e);
            assertTrue(e.hint().orElse("").contains("down()"), e.getMessage());
            assertEquals(old, tun.name());
        }
    }

    private static boolean kernelAtLeast(int major, int minor) {
        String[] v = System.getProperty("os.version").split("[.-]");
        int ma = Integer.parseInt(v[0]);
        int mi = Integer.parseInt(v[1]);
        return ma > major || (ma == major && mi >= minor);
    }

    @Test
    void renamingToATakenNameIsADeviceThatExists() throws IOException {
        try (Tun a = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults());
             Tun b = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults())) {
            DeviceExistsException e = assertThrows(DeviceExistsException.class, () -> a.rename(b.name()));
            assertEquals("EEXIST", e.errnoName());
            assertTrue(e.getMessage().contains(b.name().value()), e.getMessage());
        }
    }

    @Test
    void aGroupThatIsNotOursKeepsAnUnprivilegedThreadOut() throws Exception {
        int gid = notOneOfOurGroups();
        String name = "h6grp" + ProcessHandle.current().pid() % 10_000;
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.named(name).withPersistent(true))) {
            tun.setGroup(gid);
            assertEquals(String.valueOf(gid), SysfsLinkView.read(name, "group").orElseThrow());
        }
        try {
            Exception e = assertThrows(Exception.class, () -> LinuxTestSupport.withoutNetAdmin(() ->
                    LinuxTestSupport.PROVIDER.openTun(InterfaceName.of(name))));
            assertTrue(e instanceof PermissionDeniedException, "expected PermissionDeniedException, got " + e);
        } finally {
            LinuxTestSupport.PROVIDER.openTun(InterfaceName.of(name)).delete();
        }
    }

    /** A gid that is neither this process's effective gid nor one of its supplementary groups (/proc/self/status). */
    private static int notOneOfOurGroups() throws IOException {
        Set<Integer> ours = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("Gid:") || line.startsWith("Groups:")) {
                Arrays.stream(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).map(Integer::valueOf).forEach(ours::add);
            }
        }
        int gid = 4321;
        while (ours.contains(gid)) {
            gid++;
        }
        return gid;
    }
}
