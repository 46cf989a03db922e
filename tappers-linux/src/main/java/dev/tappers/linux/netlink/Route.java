package dev.tappers.linux.netlink;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

import static dev.tappers.linux.netlink.NetlinkConstants.RT_TABLE_MAIN;

/**
 * A unicast route: a destination prefix reached through an interface, a gateway, or both.
 *
 * @param destination     the network address, with no bits set past the prefix
 * @param prefixLength    0-32 for IPv4, 0-128 for IPv6 (0 with 0.0.0.0 or :: is the default route)
 * @param gateway         the next hop, of the destination's family; empty for a route straight onto the link
 * @param outputInterface the interface index, or 0 when only the gateway says where to go
 * @param metric          RTA_PRIORITY (unsigned); 0 lets the kernel choose (IPv6 then uses 1024)
 * @param table           the routing table id, 254 (main) by default; ids above 255 travel in RTA_TABLE
 */
public record Route(InetAddress destination, int prefixLength, Optional<InetAddress> gateway, int outputInterface,
                    int metric, int table) {

    public Route {
        Objects.requireNonNull(destination, "route destination");
        Objects.requireNonNull(gateway, "route gateway");
        boolean v6 = destination instanceof Inet6Address;
        int max = v6 ? 128 : 32;
        String where = "route " + destination.getHostAddress() + "/" + prefixLength;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException(where + ": prefix length " + prefixLength + " is out of range 0-" + max);
        }
        if (gateway.isPresent() && (gateway.get() instanceof Inet6Address) != v6) {
            throw new IllegalArgumentException(where + ": gateway " + gateway.get().getHostAddress() + " is "
                    + (v6 ? "IPv4" : "IPv6") + " but the destination is " + (v6 ? "IPv6" : "IPv4"));
        }
        if (hasHostBits(destination.getAddress(), prefixLength)) {
            throw new IllegalArgumentException(where + ": the destination has bits set past the prefix length;"
                    + " give the network address");
        }
        if (outputInterface < 0) {
            throw new IllegalArgumentException(where + ": interface index " + outputInterface + " is negative");
        }
        if (outputInterface == 0 && gateway.isEmpty()) {
            throw new IllegalArgumentException(where + ": needs an interface, a gateway or both");
        }
        if (table == 0) {
            throw new IllegalArgumentException(where + ": table 0 (RT_TABLE_UNSPEC) is not a table");
        }
    }

    /** A route to {@code destination}/{@code prefixLength} straight out of interface {@code ifindex}, main table. */
    public static Route through(InetAddress destination, int prefixLength, int ifindex) {
        return new Route(destination, prefixLength, Optional.empty(), ifindex, 0, RT_TABLE_MAIN);
    }

    public Route withGateway(InetAddress gateway) {
        return new Route(destination, prefixLength, Optional.of(gateway), outputInterface, metric, table);
    }

    public Route withMetric(int metric) {
        return new Route(destination, prefixLength, gateway, outputInterface, metric, table);
    }

    public Route withTable(int table) {
        return new Route(destination, prefixLength, gateway, outputInterface, metric, table);
    }

    public boolean isIpv6() {
        return destination instanceof Inet6Address;
    }

    private static boolean hasHostBits(byte[] address, int prefixLength) {
        for (int bit = prefixLength; bit < address.length * 8; bit++) {
            if ((address[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return destination.getHostAddress() + "/" + prefixLength
                + gateway.map(g -> " via " + g.getHostAddress()).orElse("")
                + (outputInterface > 0 ? " dev #" + outputInterface : "")
                + (metric != 0 ? " metric " + Integer.toUnsignedString(metric) : "")
                + (table != RT_TABLE_MAIN ? " table " + Integer.toUnsignedString(table) : "");
    }
}
