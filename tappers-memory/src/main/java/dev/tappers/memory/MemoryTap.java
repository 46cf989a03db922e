package dev.tappers.memory;

import dev.tappers.MacAddress;
import dev.tappers.Tap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/** An in-memory TAP: bare Ethernet frames, and a MAC address (random and locally administered at first). */
final class MemoryTap extends MemoryDevice implements Tap {
    /** Destination and source MAC and the EtherType (IEEE 802.3): the least a frame must have. */
    static final int ETHERNET_HEADER = 14;

    MemoryTap(MemoryInterface iface, boolean createdByUs, boolean nonBlocking) {
        super(iface, createdByUs, nonBlocking);
    }

    @Override
    void checkOutgoing(ByteBuffer src) {
        if (src.remaining() < ETHERNET_HEADER) {
            throw new IllegalArgumentException("send on " + label() + ": a TAP carries Ethernet frames, at least "
                    + ETHERNET_HEADER + " bytes, but the packet is " + src.remaining());
        }
    }

    @Override
    public int maxPacketSize() {
        return Tap.MAX_FRAME_SIZE;
    }

    @Override
    public MacAddress mac() throws IOException {
        synchronized (iface.network().lock) {
            ensureOpen();
            return iface.mac;
        }
    }

    @Override
    public void setMac(MacAddress mac) throws IOException {
        Objects.requireNonNull(mac, "mac address");
        synchronized (iface.network().lock) {
            ensureOpen();
            if (mac.isMulticast()) {
                throw new IllegalArgumentException("set MAC on " + label() + ": " + mac
                        + " is a group (multicast or broadcast) address; an interface needs a unicast one");
            }
            iface.mac = mac;
        }
    }
}
