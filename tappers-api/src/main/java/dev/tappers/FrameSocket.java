package dev.tappers;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Raw Ethernet frames on an existing layer-2 interface (AF_PACKET on Linux): {@link #receive} sees every frame
 * the interface sends or receives, {@link #send} injects a frame onto it. Same threading and close rules as
 * {@link PacketDevice}. Needs {@link Feature#FRAME_SOCKET}.
 */
public interface FrameSocket extends Closeable {

    /**
     * Opens a frame socket on the named interface in the caller's network namespace.
     *
     * @param interfaceName the layer-2 interface
     * @return the socket, open
     * @throws IllegalArgumentException when {@code interfaceName} is not a valid interface name
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#FRAME_SOCKET}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static FrameSocket open(String interfaceName) throws IOException {
        return Tappers.provider().openFrameSocket(InterfaceName.of(interfaceName));
    }

    /**
     * The interface it is bound to.
     *
     * @return the interface's name
     */
    InterfaceName interfaceName();

    /**
     * Receives one whole frame into {@code dst}.
     *
     * @param dst where the frame goes, from its position, which advances past it
     * @return its length, or 0 in nonblocking mode when none is waiting
     * @throws PacketTooLargeException when the frame does not fit; it is kept for the next call
     * @throws java.nio.channels.AsynchronousCloseException when the socket is closed while waiting
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    int receive(ByteBuffer dst) throws IOException;

    /**
     * Sends one whole frame, Ethernet header included.
     *
     * @param src the frame, from its position to its limit
     * @return the number of bytes sent, or 0 in nonblocking mode when the socket cannot take it now
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
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
     * Whether the socket is still open.
     *
     * @return false once {@link #close()} has begun
     */
    boolean isOpen();

    /**
     * Closes the socket; a thread blocked in {@link #receive} then throws
     * {@link java.nio.channels.AsynchronousCloseException}. Closing twice does nothing.
     *
     * @throws IOException when the OS fails to close the descriptor
     */
    @Override
    void close() throws IOException;
}
