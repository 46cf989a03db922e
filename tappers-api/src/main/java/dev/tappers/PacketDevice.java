package dev.tappers;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A device with a data path: packets in, packets out.
 *
 * <p>One {@link #send} and one {@link #receive} may run at the same time on different threads. Direct buffers
 * go to the kernel without a copy. The packet format is the same on every OS: a TUN carries bare IP packets and
 * a TAP bare Ethernet frames; per-OS headers are added and removed inside the provider.
 */
public interface PacketDevice extends NetworkDevice {

    /**
     * Receives one packet into {@code dst}, from its position; on return the position has advanced past it.
     *
     * <p>In blocking mode this waits until a packet arrives or the device is closed. In nonblocking mode it
     * returns 0 at once when no packet is waiting.
     *
     * @return the packet's length in bytes, or 0 in nonblocking mode when none is waiting
     * @throws PacketTooLargeException when the next packet does not fit; the packet is kept for the next call
     * @throws java.nio.channels.AsynchronousCloseException when the device is closed while waiting
     */
    int receive(ByteBuffer dst) throws IOException;

    /**
     * Sends one packet: the bytes from {@code src}'s position to its limit. On return the position is at the
     * limit.
     *
     * @return the number of bytes sent, or 0 in nonblocking mode when the device cannot take the packet now
     * @throws IllegalArgumentException for an empty packet, or (TUN) one that is not IPv4 or IPv6
     */
    int send(ByteBuffer src) throws IOException;

    /** Switches between blocking and nonblocking send and receive. */
    void setNonBlocking(boolean nonBlocking) throws IOException;

    boolean isNonBlocking();

    /** Lets user {@code uid} attach to the device without CAP_NET_ADMIN. Needs {@link Feature#OWNERSHIP}. */
    default void setOwner(int uid) throws IOException {
        throw new UnsupportedFeatureException(Feature.OWNERSHIP, getClass().getName(), null);
    }

    /** Lets group {@code gid} attach to the device without CAP_NET_ADMIN. Needs {@link Feature#OWNERSHIP}. */
    default void setGroup(int gid) throws IOException {
        throw new UnsupportedFeatureException(Feature.OWNERSHIP, getClass().getName(), null);
    }

    /**
     * Sends this device's descriptor to the process listening on the Unix socket {@code socketPath}, which
     * receives it with {@link DescriptorPassing#receiveTun}/{@link DescriptorPassing#receiveTap}. This device
     * stays open. Needs {@link Feature#DESCRIPTOR_PASSING}.
     */
    default void sendDescriptor(java.nio.file.Path socketPath) throws IOException {
        throw new UnsupportedFeatureException(Feature.DESCRIPTOR_PASSING, getClass().getName(), null);
    }

    /** The largest packet {@link #receive} can deliver: a buffer this large never gets a {@link PacketTooLargeException}. */
    int maxPacketSize();
}
