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

    /** Opens a frame socket on the named interface in the caller's network namespace. */
    static FrameSocket open(String interfaceName) throws IOException {
        return Tappers.provider().openFrameSocket(InterfaceName.of(interfaceName));
    }

    /** The interface it is bound to. */
    InterfaceName interfaceName();

    /**
     * Receives one whole frame into {@code dst}.
     *
     * @return its length, or 0 in nonblocking mode when none is waiting
     * @throws PacketTooLargeException when the frame does not fit; it is kept for the next call
     */
    int receive(ByteBuffer dst) throws IOException;

    /** Sends one whole frame, Ethernet header included. */
    int send(ByteBuffer src) throws IOException;

    void setNonBlocking(boolean nonBlocking) throws IOException;

    boolean isNonBlocking();

    boolean isOpen();

    @Override
    void close() throws IOException;
}
