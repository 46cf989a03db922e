package dev.tappers.linux.netlink;

import dev.tappers.MacAddress;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.tappers.linux.netlink.NetlinkConstants.IFF_UP;

/**
 * A link as RTM_GETLINK reports it.
 *
 * @param index      the interface index
 * @param name       IFLA_IFNAME
 * @param flags      ifi_flags: IFF_UP, IFF_RUNNING...
 * @param mtu        IFLA_MTU, 0 when absent
 * @param deviceType ifi_type, an ARPHRD_* value: 1 (Ethernet) for TAP and veth, 65534 (none) for TUN
 * @param link       IFLA_LINK: for a veth end, the peer's index in its namespace; 0 when absent
 * @param mac        IFLA_ADDRESS when it is 6 bytes long (links without an Ethernet address have none)
 * @param kind       IFLA_LINKINFO/IFLA_INFO_KIND: "tun" (TUN and TAP), "veth"...; empty for physical links
 * @param linkNetnsId IFLA_LINK_NETNSID: for a vETH end whose peer is in another namespace, that namespace's id as
 *                   the reading socket's namespace knows it; empty when the peer is in the same namespace (the
 *                   kernel sends it only then: rtnl_fill_link_netnsid in net/core/rtnetlink.c)
 */
public record LinkInfo(int index, String name, int flags, int mtu, int deviceType, int link,
                       Optional<MacAddress> mac, Optional<String> kind, OptionalInt linkNetnsId) {

    public LinkInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(linkNetnsId, "link netnsid");
    }

    /** True when the link is administratively up (IFF_UP). */
    public boolean isUp() {
        return (flags & IFF_UP) != 0;
    }

    @Override
    public String toString() {
        return index + ": " + name + " flags=0x" + Integer.toHexString(flags) + " mtu " + mtu
                + mac.map(m -> " mac " + m).orElse("") + kind.map(k -> " kind " + k).orElse("")
                + (linkNetnsId.isPresent() ? " link-netnsid " + linkNetnsId.getAsInt() : "");
    }
}
