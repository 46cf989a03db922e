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

    /**
     * Creates a TUN device with a name the kernel picks, through the provider {@link Tappers#provider()} picks.
     *
     * @return the new device; closing it removes the device
     * @throws NoProviderException when no provider fits this machine
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Tun create() throws IOException {
        return create(DeviceOptions.defaults());
    }

    /**
     * Creates a TUN device with the given name.
     *
     * @param name the interface name
     * @return the new device; closing it removes the device
     * @throws IllegalArgumentException when {@code name} is not a valid interface name
     * @throws DeviceExistsException when an interface by that name exists
     * @throws NoProviderException when no provider fits this machine
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Tun create(String name) throws IOException {
        return create(DeviceOptions.named(name));
    }

    /**
     * Creates a TUN device as {@code options} say.
     *
     * @param options the name (or none, for one the kernel picks) and the settings
     * @return the new device; closing it removes the device unless it is made persistent
     * @throws NoProviderException when no provider fits this machine
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Tun create(DeviceOptions options) throws IOException {
        return Tappers.provider().createTun(options);
    }

    /**
     * Opens an existing TUN device. Closing it later leaves the device in place.
     *
     * @param name the interface name
     * @return the device
     * @throws IllegalArgumentException when {@code name} is not a valid interface name
     * @throws NoSuchDeviceException when there is no TUN device by that name
     * @throws NoProviderException when no provider fits this machine
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Tun open(String name) throws IOException {
        return Tappers.provider().openTun(InterfaceName.of(name));
    }

    /**
     * Creates a multi-queue TUN device with {@code queues} queues, each its own descriptor, so several threads can
     * receive and send in parallel. Needs {@link Feature#MULTI_QUEUE}.
     *
     * @param options the name and settings of the device
     * @param queues  how many queues to open at the start, at least 1
     * @return the queues
     * @throws IllegalArgumentException when {@code queues} is out of the provider's range
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#MULTI_QUEUE}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static MultiQueue<Tun> createMultiQueue(DeviceOptions options, int queues) throws IOException {
        return Tappers.provider().createMultiQueueTun(options, queues);
    }

    /**
     * Wraps a TUN descriptor that another process or a platform VPN service opened. {@code owned}: whether
     * closing the returned device closes the descriptor. Needs {@link Feature#ADOPT_DESCRIPTOR}.
     *
     * @param descriptor the open file descriptor
     * @param owned      whether closing the returned device closes the descriptor
     * @return the device behind the descriptor
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#ADOPT_DESCRIPTOR}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Tun adopt(int descriptor, boolean owned) throws IOException {
        return Tappers.provider().adoptTun(descriptor, owned);
    }
}
