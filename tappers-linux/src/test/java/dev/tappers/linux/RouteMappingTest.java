package dev.tappers.linux;

import dev.tappers.Route;
import dev.tappers.linux.netlink.RouteOps;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public {@link Route} and rtnetlink's, both ways, and which dump entries count as an interface's routes. */
class RouteMappingTest {
    private static final int RTPROT_KERNEL = 2; // <linux/rtnetlink.h>
    private static final int RTPROT_BOOT = 3;
    private static final int RTPROT_STATIC = 4;
    private static final int RT_SCOPE_LINK = 253;

    @Test
    void aRouteGoesOutOfTheInterfaceWithItsGatewayMetricAndTable() throws Exception {
        Route r = Route.to("203.0.113.0/24").withGateway(ip("198.18.250.2")).withMetric(50).withTable(1000);
        dev.tappers.linux.netlink.Route k = RouteMapping.toNetlink(r, 7);
        assertEquals(ip("203.0.113.0"), k.destination());
        assertEquals(24, k.prefixLength());
        assertEquals(Optional.of(ip("198.18.250.2")), k.gateway());
        assertEquals(7, k.outputInterface());
        assertEquals(50, k.metric());
        assertEquals(1000, k.table());
        assertEquals(r, RouteMapping.toPublic(k), "back again");
    }

    @Test
    void noMetricIsZeroBothWays() throws Exception {
        Route r = Route.to("2001:db8:6:1::/64");
        dev.tappers.linux.netlink.Route k = RouteMapping.toNetlink(r, 3);
        assertEquals(0, k.metric(), "0 lets the kernel choose");
        assertEquals(Route.MAIN_TABLE, k.table());
        assertEquals(r, RouteMapping.toPublic(k));
        assertEquals(r.withMetric(1024), RouteMapping.toPublic(k.withMetric(1024)), "IPv6's default metric is kept");
    }

    @Test
    void onlyAddedRoutesOfTheInterfaceCount() throws Exception {
        dev.tappers.linux.netlink.Route mine = dev.tappers.linux.netlink.Route.through(ip("203.0.113.0"), 24, 5);
        assertTrue(RouteMapping.isAddedRouteOf(new RouteOps.RouteEntry(mine, RTPROT_STATIC, RT_SCOPE_LINK), 5));
        assertTrue(RouteMapping.isAddedRouteOf(new RouteOps.RouteEntry(mine, RTPROT_BOOT, RT_SCOPE_LINK), 5),
                "an administrator's route ('ip route' marks them boot) counts");
        assertFalse(RouteMapping.isAddedRouteOf(new RouteOps.RouteEntry(mine, RTPROT_KERNEL, RT_SCOPE_LINK), 5),
                "the kernel's prefix route of an address does not");
        assertFalse(RouteMapping.isAddedRouteOf(new RouteOps.RouteEntry(mine, RTPROT_STATIC, RT_SCOPE_LINK), 6),
                "another interface's route does not");
    }

    @Test
    void refusalsGetHints() {
        assertTrue(RouteMapping.addHint(17).contains("exists"), "EEXIST");
        assertTrue(RouteMapping.addHint(100).contains("down"), "ENETDOWN");
        assertTrue(RouteMapping.addHint(101).contains("gateway"), "ENETUNREACH");
        assertTrue(RouteMapping.removeHint(3).contains("no such route"), "ESRCH");
        assertNull(RouteMapping.addHint(1), "EPERM keeps the generic privilege hint");
    }

    @Test
    void nullIsRefused() {
        assertThrows(NullPointerException.class, () -> RouteMapping.toNetlink(null, 1));
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }
}
