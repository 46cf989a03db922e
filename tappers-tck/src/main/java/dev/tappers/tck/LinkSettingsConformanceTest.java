package dev.tappers.tck;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.DeviceState;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.LinkFlag;
import dev.tappers.NetworkDevice;
import dev.tappers.PacketDevice;
import dev.tappers.PermissionDeniedException;
import dev.tappers.TappersException;
import dev.tappers.Tun;
import dev.tappers.UnsupportedFeatureException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conformance of the link settings: the promiscuous, multicast and ARP flags ({@link Feature#LINK_FLAGS}), the
 * transmit queue length ({@link Feature#TX_QUEUE_LENGTH}), rename ({@link Feature#RENAME}), the owner and group of
 * a TUN/TAP device ({@link Feature#OWNERSHIP}) and the interface metric ({@link Feature#INTERFACE_METRIC}, or its
 * honest absence). Each setting is checked against {@link NetworkInterface} where it shows it and against the
 * provider's {@link #systemView()}.
 *
 * <pre>{@code
 * class LinuxLinkSettingsConformanceTest extends LinkSettingsConformanceTest {
 *     protected TappersProvider provider() { return new LinuxTappersProvider(); }
 *     protected LinkSettingsView systemView() { return new SysfsView(); }
 * }
 * }</pre>
 */
public abstract class LinkSettingsConformanceTest extends HermeticDeviceTest {
    /** Addresses that make a device visible to {@link NetworkInterface}, which lists only devices with one. */
    static final AddressRequest TAP_V4 = AddressRequest.parse("198.18.250.129/26");
    static final AddressRequest TUN_V4 = AddressRequest.parse("198.18.250.193/26");

    protected LinkSettingsConformanceTest() {
    }

    // ---- hooks ----------------------------------------------------------------------------------------------

    /** The system's own view of the settings; the default has none. */
    protected LinkSettingsView systemView() {
        return new LinkSettingsView() {
        };
    }

    /**
     * Runs {@code action} without the privilege to configure interfaces (on Linux: without CAP_NET_ADMIN) and
     * returns its result, or throws what it threw. The default skips the calling test.
     */
    protected <T> T withoutPrivilege(Callable<T> action) throws Exception {
        Assumptions.abort("the provider's test gives no way to drop privilege (override withoutPrivilege)");
        throw new AssertionError("unreachable");
    }

    /** The effective user id of this process, where the platform tells it; the default reads /proc/self/status. */
    protected OptionalLong effectiveUserId() {
        Path status = Path.of("/proc/self/status");
        try {
            return Files.isReadable(status)
                    ? HermeticNetwork.effectiveUidFromStatus(Files.readAllLines(status, StandardCharsets.US_ASCII))
                    : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    // ---- flags ----------------------------------------------------------------------------------------------

    @Test
    @RequiresFeature({Feature.LINK_FLAGS, Feature.TUN})
    void required_tunFlagsAgreeWithTheSystem() throws Exception {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        flagsAgreeWithTheSystem(tun, TUN_V4);
    }

    @Test
    @RequiresFeature({Feature.LINK_FLAGS, Feature.TAP})
    void required_tapFlagsAgreeWithTheSystem() throws Exception {
        PacketDevice tap = track(provider().createTap(DeviceOptions.defaults()));
        Set<LinkFlag> flags = flagsAgreeWithTheSystem(tap, TAP_V4);
        assertTrue(flags.contains(LinkFlag.ARP), "a new TAP (an Ethernet device) resolves neighbours with ARP: " + flags);
        assertFalse(flags.contains(LinkFlag.PROMISCUOUS), "a new TAP is not promiscuous: " + flags);
    }

    private Set<LinkFlag> flagsAgreeWithTheSystem(NetworkDevice device, AddressRequest address) throws Exception {
        String name = device.name().value();
        Set<LinkFlag> flags = device.flags();
        systemView().flags(name).ifPresent(s -> assertEquals(s, flags, "flags() against the system's view of " + name));
        visible(device, address).ifPresent(ni -> assertEquals(supportsMulticast(ni), flags.contains(LinkFlag.MULTICAST),
                "MULTICAST in flags() " + flags + " against java.net.NetworkInterface.supportsMulticast()"));
        return flags;
    }

    @Test
    @RequiresFeature({Feature.LINK_FLAGS, Feature.TAP, Feature.SET_STATE})
    void required_eachFlagSwitchesOnAndOffAloneLeavingTheState() throws Exception {
        PacketDevice tap = track(provider().createTap(DeviceOptions.defaults()));
        String name = tap.name().value();
        Optional<NetworkInterface> ni = visible(tap, TAP_V4);
        tap.up();
        Set<LinkFlag> original = tap.flags();
        for (LinkFlag flag : LinkFlag.values()) {
            boolean on = !original.contains(flag);
            tap.setFlag(flag, on);
            Set<LinkFlag> expected = EnumSet.noneOf(LinkFlag.class);
            expected.addAll(original);
            if (on) {
                expected.add(flag);
            } else {
                expected.remove(flag);
            }
            assertEquals(expected, tap.flags(), "flags() after setFlag(" + flag + ", " + on + ")");
            systemView().flags(name).ifPresent(s -> assertEquals(expected, s,
                    "the system's view of " + name + " after setFlag(" + flag + ", " + on + ")"));
            if (flag == LinkFlag.MULTICAST && ni.isPresent()) {
                assertEquals(on, supportsMulticast(again(ni.get())), "java.net.NetworkInterface.supportsMulticast()"
                        + " after setFlag(MULTICAST, " + on + ")");
            }
            assertEquals(DeviceState.UP, tap.state(), "setFlag(" + flag + ", " + on + ") changed the state");
            ni.ifPresent(n -> assertTrue(isUp(again(n)), "java.net.NetworkInterface says " + name + " went down after"
                    + " setFlag(" + flag + ", " + on + ")"));
            tap.setFlag(flag, !on);
            assertEquals(original, tap.flags(), "flags() after setFlag(" + flag + ", " + !on + ") put it back");
            tap.setFlag(flag, !on); // setting a flag to what it is changes nothing
            assertEquals(original, tap.flags(), "flags() after setting " + flag + " to its current value");
        }
        assertThrows(NullPointerException.class, () -> tap.setFlag(null, true), "setFlag(null, true)");
    }

    // ---- transmit queue length ------------------------------------------------------------------------------

    @Test
    @RequiresFeature({Feature.TX_QUEUE_LENGTH, Feature.TUN})
    void required_txQueueLengthIsReadAndSet() throws Exception {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        String name = tun.name().value();
        int initial = tun.txQueueLength();
        assertTrue(initial >= 0, "txQueueLength() of a new TUN is negative: " + initial);
        assertSystemTxQueueLength(name, initial);
        for (int length : new int[] {1234, 0, initial}) {
            tun.setTxQueueLength(length);
            assertEquals(length, tun.txQueueLength(), "txQueueLength() after setTxQueueLength(" + length + ")");
            assertSystemTxQueueLength(name, length);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tun.setTxQueueLength(-1),
                "setTxQueueLength(-1)");
        assertTrue(e.getMessage().contains("-1"), "the message does not name the bad length: " + e.getMessage());
        assertEquals(initial, tun.txQueueLength(), "txQueueLength() after a refused setTxQueueLength(-1)");
    }

    private void assertSystemTxQueueLength(String name, int expected) throws IOException {
        OptionalInt system = systemView().txQueueLength(name);
        if (system.isPresent()) {
            assertEquals(expected, system.getAsInt(), "the system's transmit queue length of " + name);
        }
    }

    // ---- rename ---------------------------------------------------------------------------------------------

    @Test
    @RequiresFeature({Feature.RENAME, Feature.TUN, Feature.SET_STATE, Feature.SET_MTU})
    void required_renameWhileDownChangesTheNameEverywhere() throws Exception {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        String old = tun.name().value();
        int index = tun.index();
        Optional<NetworkInterface> before = visible(tun, TUN_V4);
        tun.down();
        InterfaceName newName = InterfaceName.of(freshName("tckren"));
        tun.rename(newName);
        assertEquals(newName, tun.name(), "name() after rename");
        assertTrue(NetworkInterfaceOracle.exists(newName.value()), newName + " does not exist after the rename");
        assertFalse(NetworkInterfaceOracle.exists(old), old + " still exists after the rename to " + newName);
        assertEquals(index, tun.index(), "index() after rename");
        tun.setMtu(1400); // configuration goes to the new name
        tun.up();
        assertEquals(DeviceState.UP, tun.state(), "state() after rename and up()");
        if (before.isPresent()) {
            NetworkInterface ni = NetworkInterfaceOracle.find(newName.value()).orElseThrow(() ->
                    new AssertionError("java.net.NetworkInterface does not list " + newName + " after the rename"));
            assertEquals(index, ni.getIndex(), "java.net.NetworkInterface's index of the renamed interface");
            assertEquals(1400, ni.getMTU(), "java.net.NetworkInterface's MTU of the renamed interface");
            assertTrue(isUp(ni), "java.net.NetworkInterface says the renamed interface is down");
        }
        tun.close();
        NetworkInterfaceOracle.eventually(() -> !NetworkInterfaceOracle.exists(newName.value()),
                () -> "the renamed " + newName + " still exists after close()");
    }

    @Test
    @RequiresFeature({Feature.RENAME, Feature.TUN, Feature.SET_STATE})
    void required_renameWhileUpIsDoneOrRefusedSayingWhy() throws Exception {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        InterfaceName old = tun.name();
        tun.up();
        InterfaceName newName = InterfaceName.of(freshName("tckren"));
        try {
            tun.rename(newName);
            assertEquals(newName, tun.name(), "name() after a rename that was not refused");
        } catch (TappersException e) {
            assertTrue(e.getMessage().contains("down"), "refusing to rename an interface that is up, the message should"
                    + " say that it must be down: " + e.getMessage());
            assertEquals(old, tun.name(), "name() after a refused rename");
            assertTrue(NetworkInterfaceOracle.exists(old.value()), old + " is gone after a refused rename");
            assertFalse(NetworkInterfaceOracle.exists(newName.value()), newName + " exists after a refused rename");
        }
    }

    @Test
    @RequiresFeature({Feature.RENAME, Feature.TUN})
    void required_renameToATakenNameIsRefused() throws Exception {
        Tun a = track(provider().createTun(DeviceOptions.defaults()));
        Tun b = track(provider().createTun(DeviceOptions.defaults()));
        InterfaceName aName = a.name();
        TappersException e = assertThrows(TappersException.class, () -> a.rename(b.name()), "renaming " + aName
                + " to the name of " + b.name());
        assertTrue(e.getMessage().contains(aName.value()), "the message does not name the interface: " + e.getMessage());
        assertEquals(aName, a.name(), "name() after a refused rename");
        assertThrows(NullPointerException.class, () -> a.rename(null), "rename(null)");
    }

    // ---- owner and group ------------------------------------------------------------------------------------

    @Test
    @RequiresFeature({Feature.OWNERSHIP, Feature.TUN})
    void required_ownerAndGroupAreSetAsTheSystemSeesThem() throws Exception {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        String name = tun.name().value();
        tun.setOwner(4321);
        OptionalLong owner = systemView().owner(name);
        if (owner.isPresent()) {
            assertEquals(4321, owner.getAsLong(), "the system's owner of " + name);
        }
        tun.setGroup(4322);
        OptionalLong group = systemView().group(name);
        if (group.isPresent()) {
            assertEquals(4322, group.getAsLong(), "the system's group of " + name);
        }
        assertThrows(IllegalArgumentException.class, () -> tun.setOwner(-1), "setOwner(-1)");
        assertThrows(IllegalArgumentException.class, () -> tun.setGroup(-1), "setGroup(-1)");
    }

    @Test
    @RequiresFeature({Feature.OWNERSHIP, Feature.TUN, Feature.PERSISTENCE, Feature.OPEN_EXISTING})
    void required_onlyTheOwnerMayAttachWithoutPrivilege() throws Exception {
        OptionalLong uid = effectiveUserId();
        Assumptions.assumeTrue(uid.isPresent(), "the effective user id is unknown here (override effectiveUserId)");
        int me = Math.toIntExact(uid.getAsLong());
        int someoneElse = me == 4321 ? 4322 : 4321;
        String name = freshName("tckown");
        Tun tun = provider().createTun(DeviceOptions.named(name).withPersistent(true));
        track(() -> deleteIfPresent(name));
        tun.setOwner(someoneElse);
        tun.close(); // persistent: the device stays, with no descriptor attached

        Object refused = withoutPrivilege(() -> tryOpen(name));
        assertTrue(refused instanceof PermissionDeniedException, "an unprivileged open of a TUN owned by uid "
                + someoneElse + " should be refused with PermissionDeniedException, not end in " + refused);

        try (Tun again = provider().openTun(InterfaceName.of(name))) {
            again.setOwner(me);
        }
        Object attached = withoutPrivilege(() -> tryOpen(name));
        assertTrue(attached instanceof Tun, "the owner (uid " + me + ") could not attach to its TUN without privilege: "
                + attached);
    }

    /** Opens the TUN {@code name} and closes it again; returns the device, or the exception the open threw. */
    private Object tryOpen(String name) {
        try {
            Tun t = provider().openTun(InterfaceName.of(name));
            t.close();
            return t;
        } catch (Exception e) {
            return e;
        }
    }

    private void deleteIfPresent(String name) throws IOException {
        if (NetworkInterfaceOracle.exists(name)) {
            provider().openTun(InterfaceName.of(name)).delete();
        }
    }

    // ---- metric ---------------------------------------------------------------------------------------------

    @Test
    @RequiresFeature(Feature.TUN)
    void required_metricIsSetWithTheFeatureAndAbsentWithout() throws Exception {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        if (supports(Feature.INTERFACE_METRIC)) {
            tun.setMetric(42);
            assertEquals(OptionalInt.of(42), tun.metric(), "metric() after setMetric(42)");
        } else {
            assertEquals(OptionalInt.empty(), tun.metric(), "metric() of a provider without INTERFACE_METRIC");
            UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> tun.setMetric(42),
                    "setMetric without INTERFACE_METRIC");
            assertEquals(Feature.INTERFACE_METRIC, e.feature(), "the feature named by the refusal");
        }
    }

    // ---- closed ---------------------------------------------------------------------------------------------

    @Test
    @RequiresFeature(Feature.TUN)
    void required_closedDeviceRefusesLinkSettings() throws Exception {
        if (!supports(Feature.LINK_FLAGS) && !supports(Feature.TX_QUEUE_LENGTH) && !supports(Feature.RENAME)
                && !supports(Feature.OWNERSHIP)) {
            Assumptions.abort("the provider supports none of LINK_FLAGS, TX_QUEUE_LENGTH, RENAME and OWNERSHIP:"
                    + " there is no link setting for a closed device to refuse");
        }
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        tun.close();
        List<String> wrong = new ArrayList<>();
        check(wrong, Feature.LINK_FLAGS, "flags()", tun::flags);
        check(wrong, Feature.LINK_FLAGS, "setFlag", () -> tun.setFlag(LinkFlag.PROMISCUOUS, true));
        check(wrong, Feature.TX_QUEUE_LENGTH, "txQueueLength()", tun::txQueueLength);
        check(wrong, Feature.TX_QUEUE_LENGTH, "setTxQueueLength", () -> tun.setTxQueueLength(100));
        check(wrong, Feature.RENAME, "rename", () -> tun.rename(InterfaceName.of("tckclosed0")));
        check(wrong, Feature.OWNERSHIP, "setOwner", () -> tun.setOwner(4321));
        check(wrong, Feature.OWNERSHIP, "setGroup", () -> tun.setGroup(4321));
        assertEquals(List.of(), wrong, "calls on a closed device that did not throw ClosedChannelException");
    }

    private void check(List<String> wrong, Feature feature, String call, Executable op) {
        if (!supports(feature)) {
            return;
        }
        try {
            op.execute();
            wrong.add(call + " returned normally");
        } catch (ClosedChannelException expected) {
            // as it should
        } catch (Throwable t) {
            wrong.add(call + " threw " + t);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /**
     * The device as {@link NetworkInterface} sees it, giving it {@code address} first where that is needed and
     * possible (the JDK on Linux lists only interfaces with an address); empty only when the provider cannot add
     * an address ({@link Feature#IPV4_ADDRESSES}).
     *
     * @throws AssertionError when the device has the address and {@link NetworkInterface} still does not list it,
     *     so a caller never skips its checks for a device the JDK should see
     */
    final Optional<NetworkInterface> visible(NetworkDevice device, AddressRequest address) throws IOException {
        String name = device.name().value();
        Optional<NetworkInterface> ni = NetworkInterfaceOracle.find(name);
        if (ni.isEmpty() && supports(Feature.IPV4_ADDRESSES)) {
            device.addAddress(address);
            return Optional.of(NetworkInterfaceOracle.find(name).orElseThrow(() -> new AssertionError(
                    "java.net.NetworkInterface does not list " + name + " even after addAddress(" + address
                            + ") returned; addresses() = " + addressesOf(device))));
        }
        return ni;
    }

    private static String addressesOf(NetworkDevice device) {
        try {
            return String.valueOf(device.addresses());
        } catch (IOException | RuntimeException e) {
            return "unreadable (" + e + ")";
        }
    }

    static NetworkInterface again(NetworkInterface ni) {
        return NetworkInterfaceOracle.find(ni.getName()).orElseThrow(() ->
                new AssertionError("java.net.NetworkInterface no longer lists " + ni.getName()));
    }

    static boolean supportsMulticast(NetworkInterface ni) {
        try {
            return ni.supportsMulticast();
        } catch (SocketException e) {
            throw new AssertionError("java.net.NetworkInterface.supportsMulticast() on " + ni.getName(), e);
        }
    }

    static boolean isUp(NetworkInterface ni) {
        try {
            return ni.isUp();
        } catch (SocketException e) {
            throw new AssertionError("java.net.NetworkInterface.isUp() on " + ni.getName(), e);
        }
    }
}
