package dev.tappers;

import java.io.IOException;

/** A layer-2 TAP device: {@link #receive} and {@link #send} carry bare Ethernet frames on every OS. */
public interface Tap extends PacketDevice, EthernetDevice {

    /** The largest frame: a 65535-byte payload plus an Ethernet header with one VLAN tag. */
    int MAX_FRAME_SIZE = 65535 + 18;

    /** Creates a TAP device with a name the kernel picks. */
    static Tap create() throws IOException {
        return create(DeviceOptions.defaults());
    }

    /** Creates a TAP device with the given name; fails if one by that name exists. */
    static Tap create(String name) throws IOException {
        return create(DeviceOptions.named(name));
    }

    /** Creates a TAP device as {@code options} say. */
    static Tap create(DeviceOptions options) throws IOException {
        return Tappers.provider().createTap(options);
    }

    /** Opens an existing TAP device. Closing it later leaves the device in place. */
    static Tap open(String name) throws IOException {
        return Tappers.provider().openTap(InterfaceName.of(name));
    }

    /**
     * Wraps a TAP descriptor that another process or a platform VPN service opened. {@code owned}: whether
     * closing the returned device closes the descriptor. Needs {@link Feature#ADOPT_DESCRIPTOR}.
     */
    static Tap adopt(int descriptor, boolean owned) throws IOException {
        return Tappers.provider().adoptTap(descriptor, owned);
    }
}
