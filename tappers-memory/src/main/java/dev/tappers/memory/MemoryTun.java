package dev.tappers.memory;

import dev.tappers.Tun;
import dev.tappers.spi.Checks;

import java.nio.ByteBuffer;

/** An in-memory TUN: bare IPv4 and IPv6 packets. */
final class MemoryTun extends MemoryDevice implements Tun {

    MemoryTun(MemoryInterface iface, boolean createdByUs, boolean nonBlocking) {
        super(iface, createdByUs, nonBlocking);
    }

    @Override
    void checkOutgoing(ByteBuffer src) {
        Checks.ipVersion(label(), src);
    }

    @Override
    public int maxPacketSize() {
        return Tun.MAX_PACKET_SIZE;
    }
}
