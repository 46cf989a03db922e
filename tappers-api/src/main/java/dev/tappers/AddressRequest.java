package dev.tappers;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address to assign to an interface: the address, its prefix length, and at most one of an IPv4 broadcast
 * address or a point-to-point destination (peer) address. Immutable; every check happens here, before any
 * system call.
 *
 * <pre>{@code
 * AddressRequest.parse("198.18.0.1/24")
 * AddressRequest.of(InetAddress.getByName("2001:db8::1"), 64)
 * AddressRequest.parse("198.51.100.1/32").withDestination(InetAddress.getByName("198.51.100.2"))
 * }</pre>
 */
public final class AddressRequest {
    /** A prefix as {@link #parse} takes it: at most 9 digits, so that it always fits an int. */
    private static final Pattern DECIMAL = Pattern.compile("0|-?[1-9][0-9]{0,8}");

    private final InetAddress address;
    private final int prefixLength;
    private final Inet4Address broadcast;
    private final InetAddress destination;

    private AddressRequest(InetAddress address, int prefixLength, Inet4Address broadcast, InetAddress destination) {
        this.address = address;
        this.prefixLength = prefixLength;
        this.broadcast = broadcast;
        this.destination = destination;
    }

    /**
     * An address with its prefix length: 0-32 for IPv4, 0-128 for IPv6.
     *
     * @param address      the address
     * @param prefixLength its prefix length
     * @return the request, without broadcast or destination
     * @throws IllegalArgumentException when the prefix is out of range for the family
     */
    public static AddressRequest of(InetAddress address, int prefixLength) {
        Objects.requireNonNull(address, "address");
        checkPrefix(address, prefixLength);
        return new AddressRequest(address, prefixLength, null, null);
    }

    /**
     * Parses {@code "address/prefix"}, for example {@code "198.18.0.1/24"} or {@code "2001:db8::1/64"}.
     *
     * @param cidr an IP literal (no host name: nothing is looked up), a slash and the prefix length
     * @return the request, without broadcast or destination
     * @throws IllegalArgumentException when the text is not an address and prefix, or the prefix is out of range
     */
    public static AddressRequest parse(String cidr) {
        Objects.requireNonNull(cidr, "address");
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("address \"" + cidr + "\": expected address/prefix, such as 198.18.0.1/24");
        }
        InetAddress a = IpLiteral.parse(cidr.substring(0, slash), "address");
        String digits = cidr.substring(slash + 1);
        // ASCII decimal only, like the address: Integer.parseInt alone would take "+24", "\u0662\u0664" (Arabic-Indic
        // digits) and "024" (which C tools such as iproute2 read as octal 20). A minus sign is let through so
        // that the range check below names the negative prefix.
        if (!DECIMAL.matcher(digits).matches()) {
            throw new IllegalArgumentException("address \"" + cidr + "\": prefix \"" + digits
                    + "\" is not a decimal number (ASCII digits, no sign, no leading zero)");
        }
        return of(a, Integer.parseInt(digits));
    }

    static void checkPrefix(InetAddress address, int prefixLength) {
        int max = IpLiteral.maxPrefix(address);
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " for " + IpLiteral.family(address)
                    + " address " + IpLiteral.text(address) + " is out of range 0-" + max);
        }
    }

    /**
     * The same request with an IPv4 broadcast address.
     *
     * @param broadcast the broadcast address
     * @return the new request
     * @throws IllegalArgumentException for an IPv6 request, or when a destination is already set
     */
    public AddressRequest withBroadcast(Inet4Address broadcast) {
        Objects.requireNonNull(broadcast, "broadcast");
        if (!(address instanceof Inet4Address)) {
            throw new IllegalArgumentException("broadcast " + IpLiteral.text(broadcast) + ": IPv6 address "
                    + IpLiteral.text(address) + " has no broadcast");
        }
        if (destination != null) {
            throw new IllegalArgumentException("broadcast " + IpLiteral.text(broadcast) + " and destination "
                    + IpLiteral.text(destination) + " are both set; an address has one or the other");
        }
        return new AddressRequest(address, prefixLength, broadcast, null);
    }

    /**
     * The same request with a point-to-point destination (peer) address of the same family.
     *
     * @param destination the peer's address
     * @return the new request
     * @throws IllegalArgumentException when the family differs, or when a broadcast is already set
     */
    public AddressRequest withDestination(InetAddress destination) {
        Objects.requireNonNull(destination, "destination");
        if ((destination instanceof Inet6Address) != (address instanceof Inet6Address)) {
            throw new IllegalArgumentException("destination " + IpLiteral.text(destination) + " is "
                    + IpLiteral.family(destination) + " but address " + IpLiteral.text(address) + " is "
                    + IpLiteral.family(address));
        }
        if (broadcast != null) {
            throw new IllegalArgumentException("broadcast " + IpLiteral.text(broadcast) + " and destination "
                    + IpLiteral.text(destination) + " are both set; an address has one or the other");
        }
        return new AddressRequest(address, prefixLength, null, destination);
    }

    /**
     * The address to assign.
     *
     * @return the address
     */
    public InetAddress address() {
        return address;
    }

    /**
     * The prefix length.
     *
     * @return the length in bits
     */
    public int prefixLength() {
        return prefixLength;
    }

    /**
     * Whether this is an IPv6 address.
     *
     * @return true for IPv6, false for IPv4
     */
    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    /**
     * The IPv4 broadcast address.
     *
     * @return the broadcast address, or empty for the OS's choice
     */
    public Optional<Inet4Address> broadcast() {
        return Optional.ofNullable(broadcast);
    }

    /**
     * The point-to-point destination (peer) address.
     *
     * @return the peer's address, or empty
     */
    public Optional<InetAddress> destination() {
        return Optional.ofNullable(destination);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AddressRequest)) {
            return false;
        }
        AddressRequest r = (AddressRequest) o;
        return r.address.equals(address) && r.prefixLength == prefixLength
                && Objects.equals(r.broadcast, broadcast) && Objects.equals(r.destination, destination);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, prefixLength, broadcast, destination);
    }

    @Override
    public String toString() {
        return IpLiteral.text(address) + "/" + prefixLength
                + (broadcast != null ? " brd " + IpLiteral.text(broadcast) : "")
                + (destination != null ? " peer " + IpLiteral.text(destination) : "");
    }
}
