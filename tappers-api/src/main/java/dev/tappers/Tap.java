package dev.tappers;

import java.io.IOException;

/**
 * A layer-2 TAP device: {@link #receive} and {@link #send} carry bare Ethernet frames on every OS.
 *
 * <pre>{@code
 * try (Tap tap = Tap.create("tap0")) {
 *     tap.setMac(MacAddress.parse("02:00:5e:00:53:01"));
 *     tap.up();
 *     ByteBuffer frame = ByteBuffer.allocateDirect(tap.maxPacketSize());
 *     int length = tap.receive(frame); // an Ethernet frame: destination MAC, source MAC, EtherType, payload
 *     System.out.println("frame of " + length + " bytes from " + tap.name());
 * }
 * }</pre>
 */
public interface Tap extends PacketDevice, EthernetDevice {

    /** The largest frame: a 65535-byte payload plus an Ethernet header with one VLAN tag. */
    int MAX_FRAME_SIZE = 65535 + 18;

    /**
     * Creates a TAP device with a name the kernel picks, through the provider {@link Tappers#provider()} picks.
     *
     * @return the new device; closing it removes the device
     * @throws NoProviderException when no provider fits this machine
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Tap create() throws IOException {
        return create(DeviceOptions.defaults());
    }

    /**
     * Creates a TAP device with the given name.
     *
     * @param name the interface name
     * @return the new device; closing it removes the device
     * @throws IllegalArgumentException when {@code name} is not a valid interface name
     * @throws DeviceExistsException when an interface by that name exists
     * @throws NoProviderException when no provider fits this machine
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Tap create(String name) throws IOException {
        return create(DeviceOptions.named(name));
    }

    /**
     * Creates a TAP device as {@code options} say.
     *
     * @param options the name (or none, for one the kernel picks) and the settings
     * @return the new device; closing it removes the device unless it is made persistent
     * @throws NoProviderException when no provider fits this machine
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Tap create(DeviceOptions options) throws IOException {
        return Tappers.provider().createTap(options);
    }

    /**
     * Opens an existing TAP device. Closing it later leaves the device in place.
     *
     * @param name the interface name
     * @return the device
     * @throws IllegalArgumentException when {@code name} is not a valid interface name
     * @throws NoSuchDeviceException when there is no TAP device by that name
     * @throws NoProviderException when no provider fits this machine
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Tap open(String name) throws IOException {
        return Tappers.provider().openTap(InterfaceName.of(name));
    }

    /**
     * Wraps a TAP descriptor that another process or a platform VPN service opened. {@code owned}: whether
     * closing the returned device closes the descriptor. Needs {@link Feature#ADOPT_DESCRIPTOR}.
     *
     * @param descriptor the open file descriptor
     * @param owned      whether closing the returned device closes the descriptor
     * @return the device behind the descriptor
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#ADOPT_DESCRIPTOR}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Tap adopt(int descriptor, boolean owned) throws IOException {
        return Tappers.provider().adoptTap(descriptor, owned);
    }
}
