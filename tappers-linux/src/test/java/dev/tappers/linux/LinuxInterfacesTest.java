package dev.tappers.linux;

import dev.tappers.DeviceState;
import dev.tappers.InterfaceInfo;
import dev.tappers.InterfaceKind;
import dev.tappers.MacAddress;
import dev.tappers.linux.netlink.LinkInfo;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a link from RTM_GETLINK becomes an {@link InterfaceInfo}: kind from IFLA_INFO_KIND and ifi_type. */
class LinuxInterfacesTest {
    /** <linux/if_arp.h> */
    private static final int ARPHRD_ETHER = 1;
    private static final int ARPHRD_LOOPBACK = 772;
    private static final int ARPHRD_NONE = 0xFFFE;
    private static final Optional<MacAddress> MAC = Optional.of(MacAddress.parse("02:00:5e:10:00:01"));

    private static LinkInfo link(String name, int flags, int type, Optional<MacAddress> mac, String kind) {
        return new LinkInfo(9, name, flags, 1500, type, 0, mac, Optional.ofNullable(kind), OptionalInt.empty());
    }

    @Test
    void theTunDriversTwoKindsAreToldApartByTheLinkType() {
        assertEquals(InterfaceKind.TUN, LinuxInterfaces.kindOf(link("tun0", 0, ARPHRD_NONE, Optional.empty(), "tun")));
        assertEquals(InterfaceKind.TAP, LinuxInterfaces.kindOf(link("tap0", 0, ARPHRD_ETHER, MAC, "tun")));
    }

    @Test
    void vethLoopbackAndTheRest() {
        assertEquals(InterfaceKind.VETH, LinuxInterfaces.kindOf(link("veth0", 0, ARPHRD_ETHER, MAC, "veth")));
        assertEquals(InterfaceKind.LOOPBACK, LinuxInterfaces.kindOf(link("lo", 0, ARPHRD_LOOPBACK, Optional.empty(), null)));
        assertEquals(InterfaceKind.OTHER, LinuxInterfaces.kindOf(link("eth0", 0, ARPHRD_ETHER, MAC, null)));
        assertEquals(InterfaceKind.OTHER, LinuxInterfaces.kindOf(link("br0", 0, ARPHRD_ETHER, MAC, "bridge")));
        assertEquals(InterfaceKind.OTHER, LinuxInterfaces.kindOf(link("tun9", 0, 776, Optional.empty(), "tun")),
                "a tun link whose type was changed (TUNSETLINK) is neither a plain TUN nor a TAP");
    }

    @Test
    void stateMtuAndMacAreCarriedOver() {
        InterfaceInfo up = LinuxInterfaces.toInfo(link("tap0", 0x1003, ARPHRD_ETHER, MAC, "tun")).orElseThrow();
        assertEquals("tap0", up.name().value());
        assertEquals(9, up.index());
        assertEquals(DeviceState.UP, up.state());
        assertEquals(1500, up.mtu());
        assertEquals(MAC, up.mac());
        assertEquals(DeviceState.DOWN, LinuxInterfaces.toInfo(link("tap0", 0x1002, ARPHRD_ETHER, MAC, "tun"))
                .orElseThrow().state());
    }

    @Test
    void onlyEthernetLinksReportAMac() {
        Optional<MacAddress> zeros = Optional.of(MacAddress.of(new byte[6]));
        assertEquals(Optional.empty(), LinuxInterfaces.toInfo(link("lo", 0x9, ARPHRD_LOOPBACK, zeros, null))
                .orElseThrow().mac(), "lo's six zero bytes are no MAC");
    }

    @Test
    void aNameTheApiCannotHoldIsLeftOut() {
        assertTrue(LinuxInterfaces.toInfo(link("odd\u0001name", 0, ARPHRD_ETHER, MAC, null)).isEmpty());
    }
}
