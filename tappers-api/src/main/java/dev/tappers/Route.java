package dev.tappers;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A route through an interface: a destination prefix, an optional gateway, an optional metric and a table.
 * Immutable; checked when made, before any system call.
 *
 * <pre>{@code
 * tun.addRoute(Route.to("203.0.113.0/24"));
 * tun.addRoute(Route.to("2001:db8:5::/48").withGateway(InetAddress.getByName("2001:db8::2")).withMetric(50));
 * }</pre>
 */
public final class Route {
    /** The table the OS uses when none is named (Linux: RT_TABLE_MAIN, 254). */
    public static final int MAIN_TABLE = 254;

    private final InetAddress destination;
    private final int prefixLength;
    private final InetAddress gateway;
    private final Integer metric;
    private final int table;

    private Route(InetAddress destination, int prefixLength, InetAddress gateway, Integer metric, int table) {
        this.destination = destination;
        this.prefixLength = prefixLength;
        this.gateway = gateway;
        this.metric = metric;
        this.table = table;
    }

    /**
     * A route to {@code "prefix/length"}, such as {@code "203.0.113.0/24"}; the address must have no host bits.
     *
     * @param cidr the destination prefix
     * @return a route in the main table, without gateway or metric
     * @throws IllegalArgumentException when {@code cidr} is not an address and prefix, or has host bits set
     */
    public static Route to(String cidr) {
        AddressRequest parsed = AddressRequest.parse(cidr);
        return to(parsed.address(), parsed.prefixLength());
    }

    /**
     * A route to a prefix; the address must have no bits set past the prefix length.
     *
     * @param destination the prefix's address
     * @param prefixLength its length: 0-32 for IPv4, 0-128 for IPv6
     * @return a route in the main table, without gateway or metric
     * @throws IllegalArgumentException when the prefix length is out of range or host bits are set
     */
    public static Route to(InetAddress destination, int prefixLength) {
        Objects.requireNonNull(destination, "destination");
        AddressRequest.checkPrefix(destination, prefixLength);
        byte[] b = destination.getAddress();
        byte[] masked = b.clone();
        for (int bit = prefixLength; bit < b.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        if (!Arrays.equals(b, masked)) {
            throw new IllegalArgumentException("route destination " + destination.getHostAddress() + "/" + prefixLength
                    + " has host bits set; the prefix is " + IpLiteralText.of(masked) + "/" + prefixLength);
        }
        return new Route(destination, prefixLength, null, null, MAIN_TABLE);
    }

    /**
     * The same route through a gateway of the same family.
     *
     * @param gateway the next hop
     * @return the new route
     * @throws IllegalArgumentException for a gateway of the other family
     */
    public Route withGateway(InetAddress gateway) {
        Objects.requireNonNull(gateway, "gateway");
        if ((gateway instanceof Inet6Address) != (destination instanceof Inet6Address)) {
            throw new IllegalArgumentException("route to " + this.destination.getHostAddress() + "/" + prefixLength
                    + ": gateway " + gateway.getHostAddress() + " is of the other address family");
        }
        return new Route(destination, prefixLength, gateway, metric, table);
    }

    /**
     * The same route with a metric (priority); lower wins.
     *
     * @param metric the metric, 0 or more
     * @return the new route
     * @throws IllegalArgumentException for a negative metric
     */
    public Route withMetric(int metric) {
        if (metric < 0) {
            throw new IllegalArgumentException("route metric " + metric + " is negative");
        }
        return new Route(destination, prefixLength, gateway, metric, table);
    }

    /**
     * The same route in another table (Linux policy routing: 1-252, 254 main, 255 local; up to 2^32-1).
     *
     * @param table the table, an unsigned 32-bit number held in an int
     * @return the new route
     * @throws IllegalArgumentException for table 0 (RT_TABLE_UNSPEC)
     */
    public Route withTable(int table) {
        if (table == 0) {
            throw new IllegalArgumentException("route table 0 is RT_TABLE_UNSPEC, not a table");
        }
        return new Route(destination, prefixLength, gateway, metric, table);
    }

    /**
     * The destination prefix's address.
     *
     * @return the address, without host bits
     */
    public InetAddress destination() {
        return destination;
    }

    /**
     * The destination prefix's length.
     *
     * @return the length in bits
     */
    public int prefixLength() {
        return prefixLength;
    }

    /**
     * Whether this is an IPv6 route.
     *
     * @return true for IPv6, false for IPv4
     */
    public boolean isIpv6() {
        return destination instanceof Inet6Address;
    }

    /**
     * The next hop.
     *
     * @return the gateway, or empty for a route straight through the interface
     */
    public Optional<InetAddress> gateway() {
        return Optional.ofNullable(gateway);
    }

    /**
     * The metric.
     *
     * @return the metric, or empty for the OS's default
     */
    public OptionalInt metric() {
        return metric == null ? OptionalInt.empty() : OptionalInt.of(metric);
    }

    /**
     * The routing table.
     *
     * @return the table, as an unsigned 32-bit number held in an int
     */
    public int table() {
        return table;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Route)) {
            return false;
        }
        Route r = (Route) o;
        return r.destination.equals(destination) && r.prefixLength == prefixLength && Objects.equals(r.gateway, gateway)
                && Objects.equals(r.metric, metric) && r.table == table;
    }

    @Override
    public int hashCode() {
        return Objects.hash(destination, prefixLength, gateway, metric, table);
    }

    @Override
    public String toString() {
        return destination.getHostAddress() + "/" + prefixLength
                + (gateway != null ? " via " + gateway.getHostAddress() : "")
                + (metric != null ? " metric " + metric : "")
                + (table != MAIN_TABLE ? " table " + Integer.toUnsignedString(table) : "");
    }

    /** Formats raw address bytes for messages without a name lookup. */
    private static final class IpLiteralText {
        static String of(byte[] b) {
            try {
                return InetAddress.getByAddress(b).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                throw new AssertionError(e); // 4 or 16 bytes always make an address
            }
        }
    }
}
