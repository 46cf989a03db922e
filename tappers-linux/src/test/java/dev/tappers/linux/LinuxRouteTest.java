package dev.tappers.linux;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Route;
import dev.tappers.TappersException;
import dev.tappers.Tun;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.netlink.RouteOps;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the TCK leaves to each provider about routes: the kernel's particular refusals, each naming the route with
 * a hint, and the rule that the kernel's own routes (RTPROT_KERNEL) are not listed even though a dump has them.
 */
class LinuxRouteTest {
    /** <linux/rtnetlink.h> */
    private static final int RTPROT_KERNEL = 2;

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    @Test
    void aRouteThroughADownInterfaceIsRefusedSayingSo() throws IOException {
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults())) {
            Route route = Route.to("203.0.113.0/24");
            TappersException e = assertThrows(TappersException.class, () -> tun.addRoute(route));
            assertEquals("ENETDOWN", e.errnoName(), e.getMessage());
            assertTrue(e.getMessage().contains("add route 203.0.113.0/24") && e.getMessage().contains(tun.name().value()),
                    e.getMessage());
            assertTrue(e.hint().orElse("").contains("down"), e.getMessage());
            assertEquals(List.of(), tun.routes());
        }
    }

    @Test
    void aGatewayOffTheInterfacesNetworksIsRefusedSayingSo() throws IOException {
        try (Tun tun = upWithAddress()) {
            Route route = Route.to("203.0.113.0/24").withGateway(InetAddress.getByName("192.0.2.1"));
            TappersException e = assertThrows(TappersException.class, () -> tun.addRoute(route));
            assertEquals("ENETUNREACH", e.errnoName(), e.getMessage());
            assertTrue(e.getMessage().contains("203.0.113.0/24 via 192.0.2.1"), e.getMessage());
            assertTrue(e.hint().orElse("").contains("gateway"), e.getMessage());
            assertEquals(List.of(), tun.routes());
        }
    }

    @Test
    void removingAMissingRouteSaysThereIsNone() throws IOException {
        try (Tun tun = upWithAddress()) {
            TappersException e = assertThrows(TappersException.class, () -> tun.removeRoute(Route.to("203.0.113.0/24")));
            assertEquals("ESRCH", e.errnoName(), e.getMessage());
            assertTrue(e.hint().orElse("").contains("no such route"), e.getMessage());
        }
    }

    @Test
    void addingTwiceSaysTheRouteExists() throws IOException {
        try (Tun tun = upWithAddress()) {
            Route route = Route.to("203.0.113.0/24").withMetric(5);
            tun.addRoute(route);
            TappersException e = assertThrows(TappersException.class, () -> tun.addRoute(route));
            assertEquals("EEXIST", e.errnoName(), e.getMessage());
            assertFalse(e instanceof dev.tappers.DeviceExistsException, "a route that exists is not a device that does");
        }
    }

    @Test
    void theKernelsOwnRoutesAreInTheDumpButNotListed() throws IOException {
        try (Tun tun = upWithAddress()) {
            tun.addAddress(AddressRequest.parse("2001:db8:6::1/64"));
            List<RouteOps.RouteEntry> kernels;
            try (NetlinkSocket netlink = NetlinkSocket.open()) {
                kernels = RouteOps.list(netlink, 0).stream()
                        .filter(e -> e.route().outputInterface() == index(tun) && e.protocol() == RTPROT_KERNEL)
                        .collect(Collectors.toList());
            }
            assertTrue(kernels.stream().anyMatch(e -> e.route().toString().startsWith("198.18.250.0/30")),
                    "the dump should hold the kernel's prefix route of 198.18.250.1/30: " + kernels);
            assertTrue(kernels.stream().anyMatch(e -> e.route().isIpv6()), "and an IPv6 one: " + kernels);
            assertEquals(List.of(), tun.routes(), "routes() shows none of the kernel's own routes");
            Route added = Route.to("203.0.113.0/24").withMetric(9);
            tun.addRoute(added);
            assertEquals(List.of(added), tun.routes());
        }
    }

    private static Tun upWithAddress() throws IOException {
        Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults());
        tun.up();
        tun.addAddress(AddressRequest.parse("198.18.250.1/30"));
        return tun;
    }

    private static int index(Tun tun) {
        try {
            return tun.index();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
