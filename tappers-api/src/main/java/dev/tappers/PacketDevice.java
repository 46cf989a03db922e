package dev.tappers;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A device with a data path: packets in, packets out.
 *
 * <p>One {@link #send} and one {@link #receive} may run at the same time on different threads. Direct buffers
 * go to the kernel without a copy. The packet format is the same on every OS: a TUN carries bare IP packets and
 * a TAP bare Ethernet frames; per-OS headers are added and removed inside the provider.
 *
 * <p>An echo loop that sends every packet straight back (a TUN or a TAP alike):
 * <pre>{@code
 * void echo(PacketDevice device) throws IOException {
 *     ByteBuffer buffer = ByteBuffer.allocateDirect(device.maxPacketSize());
 *     while (device.isOpen()) {
 *         buffer.clear();
 *         if (device.receive(buffer) > 0) {
 *             buffer.flip();
 *             device.send(buffer);
 *         }
 *     }
 * }
 * }</pre>
 */
public interface PacketDevice extends NetworkDevice {

    /**
     * Receives one packet into {@code dst}, from its position; on return the position has advanced past it.
     *
     * <p>In blocking mode this waits until a packet arrives or the device is closed. In nonblocking mode it
     * returns 0 at once when no packet is waiting.
     *
     * @param dst where the packet goes, from its position
     * @return the packet's length in bytes, or 0 in nonblocking mode when none is waiting
     * @throws PacketTooLargeException when the next packet does not fit; the packet is kept for the next call
     * @throws java.nio.channels.AsynchronousCloseException when the device is closed while waiting
     * @throws IOException for any other failure of the OS, as a {@link TappersException} naming the errno
     */
    int receive(ByteBuffer dst) throws IOException;

    /**
     * Sends one packet: the bytes from {@code src}'s position to its limit. On return the position is at the
     * limit.
     *
     * @param src the packet, from its position to its limit
     * @return the number of bytes sent, or 0 in nonblocking mode when the device cannot take the packet now
     * @throws IllegalArgumentException for an empty packet, or (TUN) one that is not IPv4 or IPv6
     * @throws IOException when the OS refuses the packet, as a {@link TappersException} naming the errno
     */
    int send(ByteBuffer src) throws IOException;

    /**
     * Switches between blocking and nonblocking send and receive.
     *
     * @param nonBlocking true for nonblocking
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    void setNonBlocking(boolean nonBlocking) throws IOException;

    /**
     * Whether send and receive are nonblocking.
     *
     * @return true in nonblocking mode
     */
    boolean isNonBlocking();

    /**
     * Lets user {@code uid} attach to the device without CAP_NET_ADMIN. Needs {@link Feature#OWNERSHIP}.
     *
     * @param uid the user id
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#OWNERSHIP}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default void setOwner(int uid) throws IOException {
        throw new UnsupportedFeatureException(Feature.OWNERSHIP, getClass().getName(), null);
    }

    /**
     * Lets group {@code gid} attach to the device without CAP_NET_ADMIN. Needs {@link Feature#OWNERSHIP}.
     *
     * @param gid the group id
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#OWNERSHIP}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default void setGroup(int gid) throws IOException {
        throw new UnsupportedFeatureException(Feature.OWNERSHIP, getClass().getName(), null);
    }

    /**
     * Sends this device's descriptor to the process listening on the Unix socket {@code socketPath}, which
     * receives it with {@link DescriptorPassing#receiveTun}/{@link DescriptorPassing#receiveTap}. This device
     * stays open. Needs {@link Feature#DESCRIPTOR_PASSING}.
     *
     * @param socketPath the Unix socket the receiving process listens on
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#DESCRIPTOR_PASSING}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default void sendDescriptor(java.nio.file.Path socketPath) throws IOException {
        throw new UnsupportedFeatureException(Feature.DESCRIPTOR_PASSING, getClass().getName(), null);
    }

    /**
     * Receives as many waiting packets as there are buffers, one per buffer, in arrival order; returns how many
     * arrived. In blocking mode this waits for the first packet only; in nonblocking mode it returns 0 when none
     * is waiting. Each filled buffer's position has advanced past its packet; the others are untouched. A packet
     * too large for its buffer ends the batch: it stays queued, and {@link PacketTooLargeException} is thrown only
     * when it is the first. Needs {@link Feature#BATCH_IO}.
     *
     * @param dsts one buffer per packet, each filled from its position
     * @return how many packets arrived, or 0 in nonblocking mode when none is waiting
     * @throws PacketTooLargeException when the first packet does not fit its buffer; it stays queued
     * @throws java.nio.channels.AsynchronousCloseException when the device is closed while waiting
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#BATCH_IO}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default int receiveBatch(ByteBuffer[] dsts) throws IOException {
        throw new UnsupportedFeatureException(Feature.BATCH_IO, getClass().getName(), null);
    }

    /**
     * Sends one packet from each buffer in order, each from its position to its limit; returns how many were
     * sent. Every packet is checked before the first is sent. In blocking mode all are sent; in nonblocking mode
     * sending stops at the first the device cannot take now, and its buffer and those after it are untouched.
     * Needs {@link Feature#BATCH_IO}.
     *
     * @param srcs one packet per buffer, each from its position to its limit
     * @return how many packets were sent
     * @throws IllegalArgumentException when any packet is not one this device can send; none is sent then
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#BATCH_IO}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default int sendBatch(ByteBuffer[] srcs) throws IOException {
        throw new UnsupportedFeatureException(Feature.BATCH_IO, getClass().getName(), null);
    }

    /**
     * {@link Poller#receive} on the provider's shared poller: a future for the next packet, completed on the
     * poller thread. Needs {@link Feature#ASYNC_IO}.
     *
     * @param dst where the packet goes, from its position
     * @return a future for the packet's length; without the feature, a future already failed with
     *         {@link UnsupportedFeatureException}
     */
    default java.util.concurrent.CompletableFuture<Integer> receiveAsync(ByteBuffer dst) {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new UnsupportedFeatureException(Feature.ASYNC_IO, getClass().getName(), null));
    }

    /**
     * {@link Poller#send} on the provider's shared poller. Needs {@link Feature#ASYNC_IO}.
     *
     * @param src the packet, from its position to its limit
     * @return a future for the number of bytes sent; without the feature, a future already failed with
     *         {@link UnsupportedFeatureException}
     */
    default java.util.concurrent.CompletableFuture<Integer> sendAsync(ByteBuffer src) {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new UnsupportedFeatureException(Feature.ASYNC_IO, getClass().getName(), null));
    }

    /**
     * The segmentation offloads in force ({@link Offload}): those asked for with
     * {@link DeviceOptions#withOffload} that the kernel granted. Empty for plain packets.
     *
     * @return the offloads in force
     */
    default java.util.Set<Offload> offloads() {
        return java.util.Set.of();
    }

    /**
     * Turns offloads off (or on) while the device runs: the off-switch for a kernel whose offloaded packets
     * misbehave. The device must have been created with offload (that gives it the virtio-net header the
     * offloads travel in); the kernel decides which of those asked for are granted, as at creation. Returns the offloads now in force. Needs
     * {@link Feature#OFFLOAD} and a device created with offload.
     *
     * @param offloads the offloads wanted, a subset of those the device was created with
     * @return the offloads now in force
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#OFFLOAD}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default java.util.Set<Offload> setOffloads(java.util.Set<Offload> offloads) throws IOException {
        throw new UnsupportedFeatureException(Feature.OFFLOAD, getClass().getName(), null);
    }

    /**
     * Receives what one read of an offload device gives, whole: an ordinary packet or a super-packet of up to
     * 64 KiB, with {@code gso} set to what it stands for — for code that handles super-packets itself (as
     * wireguard-go does), saving the cutting. Segments already cut by {@link #receive} are handed out first, as
     * ordinary packets. {@code dst} needs room for {@link Tun#MAX_PACKET_SIZE} bytes. Needs {@link Feature#OFFLOAD}
     * and a device created with offload.
     *
     * @param dst where the packet goes, from its position, which advances past it
     * @param gso set to what the packet stands for
     * @return the length, or 0 in nonblocking mode when nothing is waiting
     * @throws IOException when the device is closed ({@link java.nio.channels.ClosedChannelException}) or the OS
     *                     refuses; {@link UnsupportedFeatureException} for a device without offload
     * @throws IllegalArgumentException when {@code dst} has less room than {@link Tun#MAX_PACKET_SIZE}
     */
    default int receiveSuperPacket(ByteBuffer dst, GsoInfo gso) throws IOException {
        throw new UnsupportedFeatureException(Feature.OFFLOAD, getClass().getName(), null);
    }

    /**
     * Sends a super-packet (or an ordinary packet, with {@link GsoInfo#none()}) described by {@code gso}: the
     * kernel cuts it up, or hands it on whole where it can. Needs {@link Feature#OFFLOAD} and a device created
     * with the matching offload.
     *
     * @param src the packet, from its position to its limit; on return the position is at the limit
     * @param gso what the packet stands for
     * @return the bytes sent, or 0 in nonblocking mode when the device cannot take it now
     * @throws IOException when the device is closed or the OS refuses the packet; {@link UnsupportedFeatureException}
     *                     for a device without offload
     */
    default int sendSuperPacket(ByteBuffer src, GsoInfo gso) throws IOException {
        throw new UnsupportedFeatureException(Feature.OFFLOAD, getClass().getName(), null);
    }

    /**
     * The largest packet {@link #receive} can deliver.
     *
     * @return the size in bytes: a buffer this large never gets a {@link PacketTooLargeException}
     */
    int maxPacketSize();
}
