package dev.tappers.linux;

import dev.tappers.Route;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.netlink.NetlinkConstants;
import dev.tappers.linux.netlink.RouteOps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.tappers.linux.jna.LinuxConstants.EEXIST;
import static dev.tappers.linux.jna.LinuxConstants.ENETDOWN;
import static dev.tappers.linux.jna.LinuxConstants.ENETUNREACH;
import static dev.tappers.linux.jna.LinuxConstants.ESRCH;

/**
 * Routes through one interface: the public {@link Route} turned into rtnetlink's and back, which routes of a dump
 * belong to the interface, and what the kernel's refusals mean.
 *
 * <p>Which routes count as the interface's: those whose output interface it is, in every table and both
 * families, that somebody added (this library, an administrator, a routing daemon). The kernel's own routes are
 * left out: the prefix route it derives from each address and the IPv6 link-local route (rtm_protocol
 * RTPROT_KERNEL), and the local, broadcast and multicast entries (RouteOps keeps only unicast ones). So after
 * {@code addRoute(r)} on an interface with addresses, {@code routes()} lists r and nothing the addresses brought.
 */
final class RouteMapping {
    private RouteMapping() {
    }

    /**
     * The rtnetlink route for {@code route} out of interface {@code ifindex}. No metric becomes 0, which rtnetlink
     * reads as "the kernel chooses" (none for IPv4, 1024 for IPv6).
     */
    static dev.tappers.linux.netlink.Route toNetlink(Route route, int ifindex) {
        Objects.requireNonNull(route, "route");
        dev.tappers.linux.netlink.Route r = dev.tappers.linux.netlink.Route
                .through(route.destination(), route.prefixLength(), ifindex)
                .withMetric(route.metric().orElse(0))
                .withTable(route.table());
        return route.gateway().map(r::withGateway).orElse(r);
    }

    /** The public route for a kernel one; a metric of 0 (IPv4's "none") becomes no metric. */
    static Route toPublic(dev.tappers.linux.netlink.Route kernel) {
        Route r = Route.to(kernel.destination(), kernel.prefixLength());
        if (kernel.gateway().isPresent()) {
            r = r.withGateway(kernel.gateway().get());
        }
        if (kernel.metric() != 0) {
            r = r.withMetric(kernel.metric());
        }
        return kernel.table() == Route.MAIN_TABLE ? r : r.withTable(kernel.table());
    }

    /** True for a dump entry that is one of interface {@code ifindex}'s added routes (see the class comment). */
    static boolean isAddedRouteOf(RouteOps.RouteEntry entry, int ifindex) {
        return entry.route().outputInterface() == ifindex && entry.protocol() != NetlinkConstants.RTPROT_KERNEL;
    }

    /**
     * The added routes of interface {@code ifindex}, from a dump of both families in the calling thread's
     * namespace. A route with a metric above {@link Integer#MAX_VALUE} (which {@link Route} cannot hold) is
     * reported without one rather than failing the whole list.
     */
    static List<Route> list(int ifindex) throws IOException {
        List<RouteOps.RouteEntry> entries;
        try (NetlinkSocket netlink = NetlinkSocket.open()) {
            entries = RouteOps.list(netlink, NetlinkConstants.AF_UNSPEC);
        }
        List<Route> out = new ArrayList<>();
        for (RouteOps.RouteEntry e : entries) {
            if (isAddedRouteOf(e, ifindex)) {
                dev.tappers.linux.netlink.Route k = e.route();
                out.add(toPublic(k.metric() < 0 ? k.withMetric(0) : k));
            }
        }
        return List.copyOf(out);
    }

    /** Adds a route made by {@link #toNetlink}; returns null, as a configuration step. */
    static Void add(dev.tappers.linux.netlink.Route route) throws IOException {
        try (NetlinkSocket netlink = NetlinkSocket.open()) {
            RouteOps.add(netlink, route);
        }
        return null;
    }

    /** Removes a route made by {@link #toNetlink}; returns null, as a configuration step. */
    static Void remove(dev.tappers.linux.netlink.Route route) throws IOException {
        try (NetlinkSocket netlink = NetlinkSocket.open()) {
            RouteOps.remove(netlink, route);
        }
        return null;
    }

    /** What a refused RTM_NEWROUTE means. */
    static String addHint(int errno) {
        switch (errno) {
            case EEXIST:
                return "the route exists already";
            case ENETDOWN:
                return "the interface is down: bring it up before adding routes through it";
            case ENETUNREACH:
                return "the gateway is not on a network of this interface: give the interface an address on the"
                        + " gateway's network first";
            default:
                return null;
        }
    }

    /** What a refused RTM_DELROUTE means. */
    static String removeHint(int errno) {
        return errno == ESRCH ? "no such route through this interface (destination, table, and the gateway and"
                + " metric where given, must match)" : null;
    }
}
