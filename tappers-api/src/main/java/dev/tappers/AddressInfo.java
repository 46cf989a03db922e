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

    public AddressInfo {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(destination, "destination");
        AddressRequest.checkPrefix(address, prefixLength);
    }

    /** An address with only a prefix. */
    public static AddressInfo of(InetAddress address, int prefixLength) {
        return new AddressInfo(address, prefixLength, Optional.empty(), Optional.empty());
    }

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    /** True for IPv6 link-local addresses (fe80::/10), which the kernel usually adds by itself. */
    public boolean isLinkLocal() {
        return address.isLinkLocalAddress();
    }

    /** True when this entry is the address and prefix that {@code request} asked for. */
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
