package dev.tappers.tck;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.DeviceState;
import dev.tappers.Feature;
import dev.tappers.InterfaceInfo;
import dev.tappers.InterfaceKind;
import dev.tappers.MacAddress;
import dev.tappers.NetworkDevice;
import dev.tappers.Tap;
import dev.tappers.Tappers;
import dev.tappers.Tun;
import dev.tappers.Veth;
import dev.tappers.VethOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conformance of interface listing ({@link Feature#INTERFACE_LIST}): every interface of the namespace with its
 * name, index, kind, state, MTU and MAC, checked against the test network's oracle ({@link NetworkInterface} on a
 * kernel) and against the devices the
 * test makes; and the lookups by name and index.
 *
 * <pre>{@code
 * class LinuxInterfaceListConformanceTest extends InterfaceListConformanceTest {
 *     protected TappersProvider provider() { return new LinuxTappersProvider(); }
 * }
 * }</pre>
 */
@RequiresFeature(Feature.INTERFACE_LIST)
public abstract class InterfaceListConformanceTest extends HermeticDeviceTest {
    static final AddressRequest TUN_V4 = AddressRequest.parse("198.18.250.193/26");
    static final AddressRequest TAP_V4 = AddressRequest.parse("198.18.250.129/26");

    protected InterfaceListConformanceTest() {
    }

    @Test
    void required_listAgreesWithNetworkInterface() throws Exception {
        if (supports(Feature.TUN) && supports(Feature.IPV4_ADDRESSES)) {
            track(provider().createTun(DeviceOptions.defaults())).addAddress(TUN_V4);
        }
        if (supports(Feature.TAP) && supports(Feature.IPV4_ADDRESSES)) {
            Tap tap = track(provider().createTap(DeviceOptions.defaults()));
            tap.addAddress(TAP_V4);
            if (supports(Feature.SET_STATE)) {
                tap.up();
            }
        }
        Map<String, InterfaceInfo> listed = byName(provider().listInterfaces());
        List<InterfaceView> seen = testNetwork().oracle().all();
        assertFalse(seen.isEmpty(), "the oracle (" + testNetwork() + ") lists nothing");
        for (InterfaceView ni : seen) {
            if (ni.isVirtual()) {
                continue; // an alias such as eth0:1, not an interface of its own
            }
            InterfaceInfo info = listed.get(ni.name());
            if (info == null) {
                throw new AssertionError(ni + " is listed by the oracle but not by listInterfaces(): " + listed.keySet());
            }
            String what = "listInterfaces() entry " + info + " against " + ni;
            assertEquals(ni.index(), info.index(), what + ": index");
            assertEquals(ni.mtu(), info.mtu(), what + ": MTU");
            assertEquals(ni.isUp() ? DeviceState.UP : DeviceState.DOWN, info.state(), what + ": state");
            assertEquals(ni.isLoopback(), info.kind() == InterfaceKind.LOOPBACK, what + ": loopback or not");
            byte[] hardware = ni.hardwareAddress().orElse(null);
            if (info.mac().isPresent()) {
                assertArrayEquals(info.mac().get().toBytes(), hardware, what + ": MAC");
            } else if (hardware != null && hardware.length == MacAddress.LENGTH && !ni.isLoopback()) {
                throw new AssertionError(what + ": no MAC, but the JDK reports " + MacAddress.of(hardware));
            }
        }
    }

    @Test
    void required_listNamesEveryInterfaceOnce() throws IOException {
        List<InterfaceInfo> all = provider().listInterfaces();
        Set<String> names = all.stream().map(i -> i.name().value()).collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> indexes = all.stream().map(InterfaceInfo::index).collect(Collectors.toSet());
        assertEquals(all.size(), names.size(), "a name is listed twice: " + all);
        assertEquals(all.size(), indexes.size(), "an index is listed twice: " + all);
        Set<String> system = testNetwork().oracle().names();
        if (!system.isEmpty()) {
            assertEquals(system, names, "listInterfaces() names against the oracle's (/proc/net/dev on Linux)");
        }
    }

    @Test
    @RequiresFeature({Feature.TUN, Feature.TAP})
    void required_tunAndTapAreListedWithTheirKindIndexAndMac() throws IOException {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        Tap tap = track(provider().createTap(DeviceOptions.defaults()));
        Map<String, InterfaceInfo> listed = byName(provider().listInterfaces());
        InterfaceInfo t = entry(listed, tun);
        assertEquals(InterfaceKind.TUN, t.kind(), "the kind of " + tun.name());
        assertEquals(tun.index(), t.index(), "the index of " + tun.name());
        assertEquals(Optional.empty(), t.mac(), "a TUN has no MAC");
        InterfaceInfo p = entry(listed, tap);
        assertEquals(InterfaceKind.TAP, p.kind(), "the kind of " + tap.name());
        assertEquals(tap.index(), p.index(), "the index of " + tap.name());
        assertEquals(Optional.of(tap.mac()), p.mac(), "the MAC of " + tap.name());
    }

    @Test
    @RequiresFeature({Feature.TAP, Feature.SET_STATE, Feature.SET_MTU})
    void required_stateAndMtuFollowChanges() throws IOException {
        Tap tap = track(provider().createTap(DeviceOptions.defaults()));
        tap.down();
        tap.setMtu(1400);
        InterfaceInfo before = entry(byName(provider().listInterfaces()), tap);
        assertEquals(DeviceState.DOWN, before.state(), "state of " + tap.name() + " after down()");
        assertEquals(1400, before.mtu(), "MTU of " + tap.name() + " after setMtu(1400)");
        tap.up();
        tap.setMtu(1300);
        InterfaceInfo after = entry(byName(provider().listInterfaces()), tap);
        assertEquals(DeviceState.UP, after.state(), "state of " + tap.name() + " after up()");
        assertEquals(1300, after.mtu(), "MTU of " + tap.name() + " after setMtu(1300)");
    }

    @Test
    @RequiresFeature(Feature.TUN)
    void required_closedDeviceLeavesTheList() throws IOException {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        String name = tun.name().value();
        assertTrue(byName(provider().listInterfaces()).containsKey(name), name + " is not listed while open");
        tun.close();
        NetworkInterfaceOracle.eventually(() -> {
            try {
                return !byName(provider().listInterfaces()).containsKey(name);
            } catch (IOException e) {
                throw new AssertionError("listInterfaces()", e);
            }
        }, () -> name + " is still listed after close()");
    }

    @Test
    @RequiresFeature(Feature.VETH)
    void required_vethEndsAreListedAsVeth() throws IOException {
        Veth veth = track(provider().createVeth(VethOptions.defaults()));
        Map<String, InterfaceInfo> listed = byName(provider().listInterfaces());
        for (NetworkDevice end : List.of(veth.end(), veth.peer())) {
            InterfaceInfo info = entry(listed, end);
            assertEquals(InterfaceKind.VETH, info.kind(), "the kind of " + end.name());
            assertTrue(info.mac().isPresent(), "a veth end has a MAC: " + info);
        }
    }

    @Test
    @RequiresFeature(Feature.TUN)
    void required_findInterfaceByNameAndIndex() throws IOException {
        Assumptions.assumeTrue(Tappers.provider().name().equals(provider().name()), "Tappers.findInterface asks the"
                + " discovered provider '" + Tappers.provider().name() + "', not '" + provider().name() + "'");
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        String name = tun.name().value();
        InterfaceInfo byName = Tappers.findInterface(name).orElseThrow(() ->
                new AssertionError("Tappers.findInterface(\"" + name + "\") found nothing"));
        assertEquals(tun.index(), byName.index(), "the index found by name");
        InterfaceInfo byIndex = Tappers.findInterface(tun.index()).orElseThrow(() ->
                new AssertionError("Tappers.findInterface(" + name + "'s index) found nothing"));
        assertEquals(tun.name(), byIndex.name(), "the name found by index");
        tun.close();
        NetworkInterfaceOracle.eventually(() -> {
            try {
                return Tappers.findInterface(name).isEmpty();
            } catch (IOException e) {
                throw new AssertionError("Tappers.findInterface", e);
            }
        }, () -> name + " is still found after close()");
    }

    private static Map<String, InterfaceInfo> byName(List<InterfaceInfo> all) {
        Map<String, InterfaceInfo> m = new TreeMap<>();
        for (InterfaceInfo i : all) {
            m.put(i.name().value(), i);
        }
        return m;
    }

    private static InterfaceInfo entry(Map<String, InterfaceInfo> listed, NetworkDevice d) {
        InterfaceInfo info = listed.get(d.name().value());
        if (info == null) {
            throw new AssertionError(d.name() + " is not in listInterfaces(): " + listed.keySet());
        }
        return info;
    }
}
