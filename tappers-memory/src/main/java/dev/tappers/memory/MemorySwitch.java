package dev.tappers.memory;

import dev.tappers.InterfaceKind;
import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;
import dev.tappers.NoSuchDeviceException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small virtual switch of a {@link MemoryNetwork}: every attached interface's packets go to the others. For
 * Ethernet frames (TAP) it learns which port each source MAC is behind and sends a unicast frame only there once
 * it knows; broadcast, multicast and unknown destinations, and every TUN packet (IP has no link-layer address to
 * learn), go to all other ports.
 */
public final class MemorySwitch {
    /** The Ethernet header: destination and source MAC, then the EtherType (IEEE 802.3). */
    private static final int DESTINATION_OFFSET = 0;
    private static final int SOURCE_OFFSET = 6;
    private static final int ETHERNET_HEADER = 14;

    private final MemoryNetwork network;
    private final List<MemoryInterface> ports = new CopyOnWriteArrayList<>();
    private final Map<MacAddress, MemoryInterface> learned = new ConcurrentHashMap<>();

    MemorySwitch(MemoryNetwork network) {
        this.network = network;
    }

    /** Attaches an interface: what its program sends goes to the switch, and it receives what the switch forwards. */
    public void attach(InterfaceName name) throws NoSuchDeviceException {
        synchronized (network.lock) {
            MemoryInterface i = network.lookup(name, "attach to switch");
            if (!ports.contains(i)) {
                ports.add(i);
            }
            i.output = packet -> forward(i, packet);
        }
    }

    /** Detaches an interface; what it sends goes to its {@link HostPort} again. */
    public void detach(InterfaceName name) throws NoSuchDeviceException {
        synchronized (network.lock) {
            MemoryInterface i = network.lookup(name, "detach from switch");
            ports.remove(i);
            learned.values().removeIf(p -> p == i);
            i.output = i.hostPort()::accept;
        }
    }

    /** The names of the attached interfaces. */
    public List<InterfaceName> ports() {
        return ports.stream().map(MemoryInterface::name).toList();
    }

    private void forward(MemoryInterface from, byte[] packet) {
        Optional<MemoryInterface> target = Optional.empty();
        if (from.kind() == InterfaceKind.TAP && packet.length >= ETHERNET_HEADER) {
            MacAddress source = MacAddress.of(Arrays.copyOfRange(packet, SOURCE_OFFSET, SOURCE_OFFSET + 6));
            if (!source.isMulticast()) {
                learned.put(source, from);
            }
            MacAddress destination = MacAddress.of(Arrays.copyOfRange(packet, DESTINATION_OFFSET, DESTINATION_OFFSET + 6));
            if (!destination.isMulticast()) {
                target = Optional.ofNullable(learned.get(destination)).filter(ports::contains);
            }
        }
        if (target.isPresent()) {
            if (target.get() != from && !target.get().deliver(packet)) {
                from.hostPort().countDrop();
            }
            return;
        }
        for (MemoryInterface port : ports) {
            if (port != from && !port.deliver(packet)) {
                port.hostPort().countDrop();
            }
        }
    }
}
