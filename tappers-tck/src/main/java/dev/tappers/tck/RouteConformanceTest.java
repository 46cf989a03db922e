package dev.tappers.tck;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.Route;
import dev.tappers.TappersException;
import dev.tappers.Tun;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.Ipv6Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conformance of routes through a device ({@link Feature#ROUTES}), on a TUN: a route sends the kernel's own
 * datagrams into the TUN until it is removed, and {@link dev.tappers.NetworkDevice#routes()} lists exactly the
 * routes that were added through the device (with gateway, metric and table), none that the OS derives from
 * the device's addresses and none of another device's.
 *
 * <pre>{@code
 * class LinuxRouteConformanceTest extends RouteConformanceTest {
 *     protected TappersProvider provider() { return new LinuxTappersProvider(); }
 * }
 * }</pre>
 */
@RequiresFeature({Feature.ROUTES, Feature.TUN, Feature.SET_STATE, Feature.IPV4_ADDRESSES})
public abstract class RouteConformanceTest extends HermeticDeviceTest {
    /** The port test datagrams go to; the TUN is the far side, nothing listens. */
    static final int PORT = 40_006;
    /** The TUN's own addresses; the other host of each subnet serves as a gateway. */
    static final AddressRequest TUN_V4 = AddressRequest.parse("198.18.250.1/30");
    static final InetAddress GATEWAY_V4 = ip("198.18.250.2");
    static final AddressRequest TUN_V6 = AddressRequest.parse("2001:db8:6::1/64");
    static final InetAddress GATEWAY_V6 = ip("2001:db8:6::2");
    /** The addresses of the second TUN that catches what a removed route no longer carries. */
    static final AddressRequest OTHER_TUN_V4 = AddressRequest.parse("198.18.250.5/30");
    static final AddressRequest OTHER_TUN_V6 = AddressRequest.parse("2001:db8:6:ff::1/64");
    /** How long "nothing arrives" is watched for after a route is removed. */
    static final Duration QUIET = Duration.ofSeconds(1);

    protected RouteConformanceTest() {
    }

    /**
     * What the OS itself says it routes through {@code interfaceName}, as {@code "destination/prefix"} texts, for
     * at least its main table; read without the provider (Linux: {@code /proc/net/route} and
     * {@code /proc/net/ipv6_route}). Empty when the platform gives no such view; the tests then rely on the
     * data path and the provider's list.
     */
    protected Optional<Set<String>> systemRouteDestinations(String interfaceName) throws IOException {
        return Optional.empty();
    }

    // ---- the data path --------------------------------------------------------------------------------------

    @Test
    @RequiresFeature(Feature.NONBLOCKING)
    void required_ipv4RouteCarriesKernelDatagramsIntoTheTunUntilRemoved() throws Exception {
        Tun tun = tun(false);
        Route route = Route.to("203.0.113.0/24");
        tun.addRoute(route);
        // Inside the private test namespace a default route is harmless; it is removed (and its TUN closed) after.
        routeCarriesDatagramsUntilRemoved(tun, route, fallbackTun(false), Route.to("0.0.0.0/0").withMetric(1000), ip("203.0.113.7"),
                TUN_V4.address());
    }

    @Test
    @RequiresFeature({Feature.NONBLOCKING, Feature.IPV6_ADDRESSES})
    void required_ipv6RouteCarriesKernelDatagramsIntoTheTunUntilRemoved() throws Exception {
        AbstractDeviceConformanceTest.requireJdkIpv6();
        Tun tun = tun(true);
        Route route = Route.to("2001:db8:6:1::/64");
        tun.addRoute(route);
        routeCarriesDatagramsUntilRemoved(tun, route, fallbackTun(true), Route.to("2001:db8::/32").withMetric(1000),
                ip("2001:db8:6:1::7"), TUN_V6.address());
    }

    /**
     * Sends to {@code target} while {@code route} goes through {@code tun} (the datagram must arrive there, the
     * more specific route winning over {@code broader}), then removes it and sends again: the datagram must now
     * arrive on {@code fallback} through {@code broader}, and not on {@code tun}. The broader route keeps the
     * kernel from refusing the second send as unreachable, so "nothing arrives" is really watched for.
     */
    private void routeCarriesDatagramsUntilRemoved(Tun tun, Route route, Tun fallback, Route broader,
                                                   InetAddress target, InetAddress source) throws Exception {
        fallback.addRoute(broader);
        try (DatagramSocket socket = bind(source)) {
            byte[] before = payload("through " + route);
            socket.send(new DatagramPacket(before, before.length, new InetSocketAddress(target, PORT)));
            UdpDatagram udp = PacketWaiter.await(tun, ByteBuffer.allocateDirect(tun.maxPacketSize()), packetTimeout(),
                    p -> udpTo(p, target, before), RouteConformanceTest::describe);
            assertEquals(socket.getLocalPort(), udp.sourcePort(), "UDP source port");
            assertEquals(PORT, udp.destinationPort(), "UDP destination port");
            assertArrayEquals(before, udp.payload(), "UDP payload");

            tun.removeRoute(route);
            assertFalse(tun.routes().contains(route), route + " is still in routes() after removeRoute: " + tun.routes());
            assertEquals(List.of(broader), fallback.routes(), "routes() of " + fallback.name()
                    + " after removing " + route + " from " + tun.name());
            byte[] after = payload("after removing " + route);
            socket.send(new DatagramPacket(after, after.length, new InetSocketAddress(target, PORT)));
            UdpDatagram rerouted = PacketWaiter.await(fallback, ByteBuffer.allocateDirect(fallback.maxPacketSize()),
                    packetTimeout(), p -> udpTo(p, target, after), RouteConformanceTest::describe);
            assertArrayEquals(after, rerouted.payload(), "UDP payload through " + broader + " on " + fallback.name());
            assertNothingArrives(tun, p -> udpTo(p, target, after).isPresent(), QUIET,
                    "a datagram to " + target.getHostAddress() + " after " + route + " was removed");
        }
        fallback.removeRoute(broader);
        assertEquals(List.of(), fallback.routes(), "routes() of " + fallback.name() + " after removing " + broader);
    }

    // ---- the list -------------------------------------------------------------------------------------------

    @Test
    void required_listShowsExactlyTheAddedIpv4Routes() throws IOException {
        Tun tun = tun(false);
        List<Route> added = List.of(
                Route.to("203.0.113.0/25").withMetric(100),
                Route.to("203.0.113.128/26").withGateway(GATEWAY_V4).withMetric(50),
                Route.to("203.0.113.192/27").withMetric(7).withTable(100),
                Route.to("203.0.113.224/28").withGateway(GATEWAY_V4).withMetric(8).withTable(1000));
        listShowsExactlyTheAddedRoutes(tun, added);
    }

    @Test
    @RequiresFeature(Feature.IPV6_ADDRESSES)
    void required_listShowsExactlyTheAddedIpv6Routes() throws IOException {
        Tun tun = tun(true);
        List<Route> added = List.of(
                Route.to("2001:db8:6:1::/64").withMetric(300),
                Route.to("2001:db8:6:2::/64").withGateway(GATEWAY_V6).withMetric(400),
                Route.to("2001:db8:6:3::/64").withMetric(9).withTable(100),
                Route.to("2001:db8:6:4::/64").withGateway(GATEWAY_V6).withMetric(10).withTable(1000));
        listShowsExactlyTheAddedRoutes(tun, added);
    }

    private void listShowsExactlyTheAddedRoutes(Tun tun, List<Route> added) throws IOException {
        String name = tun.name().value();
        assertEquals(Set.of(), Set.copyOf(tun.routes()), "routes() of a TUN with nothing but an address: the routes"
                + " the OS derives from an address are not routes that were added");
        for (Route r : added) {
            tun.addRoute(r);
        }
        List<Route> listed = tun.routes();
        assertEquals(Set.copyOf(added), Set.copyOf(listed), "routes() after adding " + added);
        assertEquals(added.size(), listed.size(), "routes() lists a route twice: " + listed);
        Optional<Set<String>> system = systemRouteDestinations(name);
        system.ifPresent(s -> {
            for (Route r : added) {
                if (r.table() == Route.MAIN_TABLE) {
                    assertTrue(s.contains(text(r)), "the system does not route " + text(r) + " through " + name + ": " + s);
                }
            }
        });

        Route removed = added.get(1);
        Route removedToo = added.get(3);
        tun.removeRoute(removed);
        tun.removeRoute(removedToo);
        Set<Route> left = new HashSet<>(added);
        left.remove(removed);
        left.remove(removedToo);
        assertEquals(left, Set.copyOf(tun.routes()), "routes() after removing " + removed + " and " + removedToo);
        systemRouteDestinations(name).ifPresent(s ->
                assertFalse(s.contains(text(removed)), "the system still routes " + text(removed) + " through " + name));
    }

    @Test
    void required_listShowsOnlyThisDevicesRoutes() throws IOException {
        Tun tun = tun(false);
        Tun other = track(provider().createTun(DeviceOptions.defaults()));
        other.up();
        other.addAddress(AddressRequest.parse("198.18.250.5/30"));
        Route mine = Route.to("203.0.113.0/25").withMetric(11);
        Route theirs = Route.to("203.0.113.128/25").withMetric(12);
        tun.addRoute(mine);
        other.addRoute(theirs);
        assertEquals(List.of(mine), tun.routes(), "routes() of " + tun.name());
        assertEquals(List.of(theirs), other.routes(), "routes() of " + other.name());
    }

    @Test
    void required_routeAddedWithoutAMetricIsListedWithTheSystemsChoice() throws IOException {
        Tun tun = tun(supports(Feature.IPV6_ADDRESSES));
        List<Route> plain = supports(Feature.IPV6_ADDRESSES)
                ? List.of(Route.to("203.0.113.0/24"), Route.to("2001:db8:6:1::/64"))
                : List.of(Route.to("203.0.113.0/24"));
        for (Route r : plain) {
            tun.addRoute(r);
        }
        List<Route> listed = tun.routes();
        for (Route r : plain) {
            List<Route> same = listed.stream().filter(l -> sameExceptMetric(l, r)).collect(Collectors.toList());
            assertEquals(1, same.size(), r + " (added without a metric) should be listed once, with whatever metric the"
                    + " system chose; routes() = " + listed);
            tun.removeRoute(r);
        }
        assertEquals(List.of(), tun.routes(), "routes() after removing the routes added without a metric");
    }

    // ---- bad input and refusals -----------------------------------------------------------------------------

    @Test
    void required_prefixOutOfRangeOrGatewayOfTheOtherFamilyIsRejectedAndAddsNothing() throws IOException {
        Tun tun = tun(false);
        for (String cidr : new String[] {"203.0.113.0/33", "203.0.113.0/-1", "2001:db8:6::/129"}) {
            assertThrows(IllegalArgumentException.class, () -> Route.to(cidr), "Route.to(\"" + cidr + "\")");
        }
        assertThrows(IllegalArgumentException.class, () -> Route.to(ip("203.0.113.0"), 33), "prefix 33 for IPv4");
        assertThrows(IllegalArgumentException.class, () -> Route.to(ip("2001:db8:6::"), 129), "prefix 129 for IPv6");
        assertThrows(IllegalArgumentException.class, () -> Route.to("203.0.113.7/24"), "host bits past the prefix");
        IllegalArgumentException v6Gateway = assertThrows(IllegalArgumentException.class,
                () -> Route.to("203.0.113.0/24").withGateway(GATEWAY_V6), "an IPv6 gateway for an IPv4 route");
        assertTrue(v6Gateway.getMessage().contains("gateway"), "the message does not name the gateway: "
                + v6Gateway.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Route.to("2001:db8:6:1::/64").withGateway(GATEWAY_V4),
                "an IPv4 gateway for an IPv6 route");
        assertThrows(NullPointerException.class, () -> tun.addRoute(null), "addRoute(null)");
        assertThrows(NullPointerException.class, () -> tun.removeRoute(null), "removeRoute(null)");
        assertEquals(List.of(), tun.routes(), "routes() after only refused requests");
    }

    @Test
    void required_addingARouteTwiceIsRefusedNamingTheRoute() throws IOException {
        Tun tun = tun(false);
        Route route = Route.to("203.0.113.0/24").withMetric(10);
        tun.addRoute(route);
        TappersException e = assertThrows(TappersException.class, () -> tun.addRoute(route), "adding " + route + " again");
        assertNamesRouteAndDevice(e, route, tun);
        assertEquals(List.of(route), tun.routes(), "routes() after a refused duplicate");
    }

    @Test
    void required_removingARouteThatIsNotThereIsRefusedNamingTheRoute() throws IOException {
        Tun tun = tun(false);
        Route route = Route.to("203.0.113.0/24").withMetric(10);
        TappersException e = assertThrows(TappersException.class, () -> tun.removeRoute(route), "removing " + route
                + " that was never added");
        assertNamesRouteAndDevice(e, route, tun);
        tun.addRoute(route);
        tun.removeRoute(route);
        e = assertThrows(TappersException.class, () -> tun.removeRoute(route), "removing " + route + " twice");
        assertNamesRouteAndDevice(e, route, tun);
    }

    @Test
    void required_closedDeviceRefusesRouteCalls() throws IOException {
        Tun tun = tun(false);
        tun.close();
        Route route = Route.to("203.0.113.0/24");
        assertThrows(ClosedChannelException.class, tun::routes, "routes() after close");
        assertThrows(ClosedChannelException.class, () -> tun.addRoute(route), "addRoute after close");
        assertThrows(ClosedChannelException.class, () -> tun.removeRoute(route), "removeRoute after close");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** A TUN, up, with {@link #TUN_V4} and, if asked, {@link #TUN_V6}; closed after the test. */
    final Tun tun(boolean withIpv6) throws IOException {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        tun.up();
        tun.addAddress(TUN_V4);
        if (withIpv6) {
            tun.addAddress(TUN_V6);
        }
        return tun;
    }

    /**
     * A second TUN, up, with {@link #OTHER_TUN_V4} and, if asked, {@link #OTHER_TUN_V6}, to carry what a broader
     * route sends once a more specific one is gone; closed after the test (which also drops its routes).
     */
    private Tun fallbackTun(boolean withIpv6) throws IOException {
        Tun other = track(provider().createTun(DeviceOptions.defaults()));
        other.up();
        other.addAddress(OTHER_TUN_V4);
        if (withIpv6) {
            other.addAddress(OTHER_TUN_V6);
        }
        return other;
    }

    private static void assertNamesRouteAndDevice(TappersException e, Route route, Tun tun) {
        String destination = route.destination().getHostAddress() + "/" + route.prefixLength();
        assertTrue(e.getMessage().contains(destination), "the message does not name the route " + destination + ": "
                + e.getMessage());
        assertTrue(e.getMessage().contains(tun.name().value()), "the message does not name the device: " + e.getMessage());
    }

    private static boolean sameExceptMetric(Route a, Route b) {
        return a.destination().equals(b.destination()) && a.prefixLength() == b.prefixLength()
                && a.gateway().equals(b.gateway()) && a.table() == b.table();
    }

    static String text(Route r) {
        return NetworkInterfaceOracle.text(r.destination(), r.prefixLength());
    }

    private static byte[] payload(String what) {
        return ("tappers tck route test " + nonce() + ": " + what).getBytes(StandardCharsets.US_ASCII);
    }

    /** The UDP datagram in {@code packet} if it goes to {@code target} and carries {@code payload}. */
    static Optional<UdpDatagram> udpTo(byte[] packet, InetAddress target, byte[] payload) {
        Optional<UdpDatagram> udp;
        Optional<Ipv4Packet> v4 = Ipv4Packet.tryParse(packet);
        if (v4.isPresent()) {
            udp = v4.get().destination().equals(target) ? v4.get().udp() : Optional.empty();
        } else {
            udp = Ipv6Packet.tryParse(packet).filter(p -> p.destination().equals(target)).flatMap(Ipv6Packet::udp);
        }
        return udp.filter(u -> Arrays.equals(u.payload(), payload));
    }

    static String describe(byte[] packet) {
        Optional<Ipv4Packet> v4 = Ipv4Packet.tryParse(packet);
        if (v4.isPresent()) {
            return v4.get() + v4.get().udp().map(u -> " " + u).orElse("");
        }
        return Ipv6Packet.tryParse(packet).map(p -> p + p.udp().map(u -> " " + u).orElse(""))
                .orElse(packet.length + " bytes");
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
