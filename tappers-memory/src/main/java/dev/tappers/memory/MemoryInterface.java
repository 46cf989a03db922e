package dev.tappers.memory;

import dev.tappers.AddressInfo;
import dev.tappers.DeviceState;
import dev.tappers.InterfaceKind;
import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One interface of a {@link MemoryNetwork}: what a kernel keeps about a TUN or TAP, apart from any device object.
 * Configuration fields change only under the network's lock; the fields the packet path reads are volatile, so
 * sending and receiving never take that lock.
 */
final class MemoryInterface {
    private final MemoryNetwork network;
    private final InterfaceName name;
    private final int index;
    private final InterfaceKind kind;
    private final HostPort hostPort;

    // Under the network's lock.
    int mtu = MemoryNetwork.DEFAULT_MTU;
    MacAddress mac;
    final List<AddressInfo> addresses = new ArrayList<>();
    boolean persistent;
    boolean removed;

    // Read by the packet path without the lock; written under it.
    volatile DeviceState state = DeviceState.DOWN;
    volatile MemoryDevice attached;
    /** Where the packets the device sends go: its host port, a connected device, or a switch. */
    volatile Consumer<byte[]> output;

    MemoryInterface(MemoryNetwork network, InterfaceName name, int index, InterfaceKind kind) {
        this.network = network;
        this.name = name;
        this.index = index;
        this.kind = kind;
        this.hostPort = new HostPort(this);
        this.output = hostPort::accept;
        if (kind == InterfaceKind.TAP) {
            mac = MacAddress.randomLocal();
        }
    }

    MemoryNetwork network() {
        return network;
    }

    InterfaceName name() {
        return name;
    }

    int index() {
        return index;
    }

    InterfaceKind kind() {
        return kind;
    }

    HostPort hostPort() {
        return hostPort;
    }

    /** Towards the device object: dropped unless the interface is up and an object is attached. */
    boolean deliver(byte[] packet) {
        MemoryDevice device = attached;
        return state == DeviceState.UP && device != null && device.enqueue(packet);
    }

    /** From the device object, out to wherever the interface is wired; dropped while the interface is down. */
    void transmit(byte[] packet) {
        if (state != DeviceState.UP) {
            hostPort.countDrop();
            return;
        }
        output.accept(packet);
    }

    /** Under the network's lock. */
    InterfaceSnapshot snapshot() {
        return new InterfaceSnapshot(name, index, kind, state, mtu, Optional.ofNullable(mac), addresses, persistent,
                attached != null);
    }

    @Override
    public String toString() {
        return kind + " " + name + " (index " + index + ")";
    }
}
