package dev.tappers.memory;

import dev.tappers.AddressInfo;
import dev.tappers.DeviceState;
import dev.tappers.InterfaceInfo;
import dev.tappers.InterfaceKind;
import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One interface of a {@link MemoryNetwork} as the network itself records it, at one moment: what a test reads to
 * check the device objects against, the way a kernel test reads {@link java.net.NetworkInterface}.
 *
 * @param name      the name
 * @param index     the index
 * @param kind      {@link InterfaceKind#TUN} or {@link InterfaceKind#TAP}
 * @param state     up or down
 * @param mtu       the MTU
 * @param mac       the MAC (TAP only)
 * @param addresses the addresses, in the order they were added
 * @param persistent whether the interface outlives the close of its device object
 * @param attached  whether a device object is attached (an open TUN/TAP descriptor, on a kernel)
 */
public record InterfaceSnapshot(InterfaceName name, int index, InterfaceKind kind, DeviceState state, int mtu,
                                Optional<MacAddress> mac, List<AddressInfo> addresses, boolean persistent,
                                boolean attached) {
    public InterfaceSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(mac, "mac");
        addresses = List.copyOf(addresses);
    }

    /** As {@link dev.tappers.Tappers#interfaces()} lists it. */
    public InterfaceInfo toInterfaceInfo() {
        return new InterfaceInfo(name, index, kind, state, mtu, mac);
    }
}
