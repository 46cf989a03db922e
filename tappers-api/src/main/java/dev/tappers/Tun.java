package dev.tappers;

import java.io.IOException;

/**
 * A layer-3 TUN device: {@link #receive} and {@link #send} carry bare IPv4 and IPv6 packets on every OS.
 *
 * <pre>{@code
 * try (Tun tun = Tun.create()) {
 *     tun.addAddress(AddressRequest.parse("198.18.0.1/24"));
 *     tun.up();
 *     ByteBuffer packet = ByteBuffer.allocateDirect(tun.maxPacketSize());
 *     tun.receive(packet);
 * }
 * }</pre>
 */
public interface Tun extends PacketDevice {

    /** The largest IP packet: the IPv4 total-length field is 16 bits. */
    int MAX_PACKET_SIZE = 65535;

    /** Creates a TUN device with a name the kernel picks, through the provider {@link Tappers#provider()} picks. */
    static Tun create() throws IOException {
        return create(DeviceOptions.defaults());
    }

    /** Creates a TUN device with the given name; fails if one by that name exists. */
    static Tun create(String name) throws IOException {
        return create(DeviceOptions.named(name));
    }

    /** Creates a TUN device as {@code options} say. */
    static Tun create(DeviceOptions options) throws IOException {
        return Tappers.provider().createTun(options);
    }

    /** Opens an existing TUN device. Closing it later leaves the device in place. */
    static Tun open(String name) throws IOException {
        return Tappers.provider().openTun(InterfaceName.of(name));
    }

    /**
     * Creates a multi-queue TUN device with {@code queues} queues, each its own descriptor, so several threads can
     * receive and send in parallel. Needs {@link Feature#MULTI_QUEUE}.
     */
    static MultiQueue<Tun> createMultiQueue(DeviceOptions options, int queues) throws IOException {
        return Tappers.provider().createMultiQueueTun(options, queues);
    }

    /**
     * Wraps a TUN descriptor that another process or a platform VPN service opened. {@code owned}: whether
     * closing the returned device closes the descriptor. Needs {@link Feature#ADOPT_DESCRIPTOR}.
     */
    static Tun adopt(int descriptor, boolean owned) throws IOException {
        return Tappers.provider().adoptTun(descriptor, owned);
    }
}
