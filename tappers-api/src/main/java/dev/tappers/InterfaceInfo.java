package dev.tappers;

import java.util.Objects;
import java.util.Optional;

/**
 * One interface as the system lists it.
 *
 * @param name  the name
 * @param index the index
 * @param kind  TUN, TAP, vETH, loopback or other
 * @param state up or down
 * @param mtu   the MTU
 * @param mac   the link-layer address, for Ethernet-like interfaces
 */
public record InterfaceInfo(InterfaceName name, int index, InterfaceKind kind, DeviceState state, int mtu,
                            Optional<MacAddress> mac) {
    /**
     * Checks that no component is null.
     *
     * @param name  the name
     * @param index the index
     * @param kind  TUN, TAP, vETH, loopback or other
     * @param state up or down
     * @param mtu   the MTU
     * @param mac   the link-layer address, for Ethernet-like interfaces
     */
    public InterfaceInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(mac, "mac");
    }
}
