package dev.tappers;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An address as the OS reports it on an interface. Immutable.
 *
 * @param address       the local address
 * @param prefixLength  its prefix length
 * @param broadcast     the IPv4 broadcast address, if any
 * @param destination   the point-to-point peer address, if any
 */
public record AddressInfo(InetAddress address, int prefixLength, Optional<Inet4Address> broadcast,
                          Optional<InetAddress> destination) {

    /**
     * Checks that no component is null and that the prefix length fits the family.
     *
     * @param address       the local address
     * @param prefixLength  its prefix length
     * @param broadcast     the IPv4 broadcast address, if any
     * @param destination   the point-to-point peer address, if any
     * @throws IllegalArgumentException when the prefix length is out of range for the family
     */
    public AddressInfo {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(destination, "destination");
        AddressRequest.checkPrefix(address, prefixLength);
    }

    /**
     * An address with only a prefix.
     *
     * @param address the address
     * @param prefixLength its prefix length
     * @return the entry, without broadcast or peer
     * @throws IllegalArgumentException when the prefix length is out of range for the family
     */
    public static AddressInfo of(InetAddress address, int prefixLength) {
        return new AddressInfo(address, prefixLength, Optional.empty(), Optional.empty());
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
     * Whether this is a link-local address, which the kernel usually adds by itself.
     *
     * @return true for IPv6 link-local addresses (fe80::/10)
     */
    public boolean isLinkLocal() {
        return address.isLinkLocalAddress();
    }

    /**
     * Whether this entry is what {@code request} asked for.
     *
     * @param request an address request
     * @return true when the address and prefix length are the same
     */
    public boolean matches(AddressRequest request) {
        return address.equals(request.address()) && prefixLength == request.prefixLength();
    }

    @Override
    public String toString() {
        return IpLiteral.text(address) + "/" + prefixLength
                + broadcast.map(b -> " brd " + IpLiteral.text(b)).orElse("")
                + destination.map(d -> " peer " + IpLiteral.text(d)).orElse("");
    }
}
