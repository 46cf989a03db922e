package dev.tappers.linux;

import dev.tappers.FrameSocket;
import dev.tappers.InterfaceName;
import dev.tappers.Tap;
import dev.tappers.spi.Checks;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Raw Ethernet frames on one interface through a bound AF_PACKET socket. The socket belongs to the namespace it
 * was opened in, so after that any thread may use it. The packet path is a {@link PacketChannel}: the same
 * wake-on-close, zero-copy and spill-over rules as a TAP.
 */
final class LinuxFrameSocket implements FrameSocket {
    /** Destination, source, EtherType: the kernel refuses a shorter frame on an Ethernet device. */
    private static final int ETHERNET_HEADER = 14;
    /**
     * As large as a TAP frame: with segmentation offload a packet socket on a vETH end can see frames far larger
     * than the MTU (up to a 64 KiB IP packet plus headers).
     */
    private static final int MAX_FRAME = Tap.MAX_FRAME_SIZE;

    private final InterfaceName interfaceName;
    private final DescriptorGuard guard = new DescriptorGuard();
    private final PacketChannel channel;

    /** Takes ownership of {@code fd} (a bound, nonblocking packet socket) and {@code wakeFd}. */
    LinuxFrameSocket(InterfaceName interfaceName, int fd, int wakeFd) {
        this.interfaceName = interfaceName;
        this.channel = new PacketChannel(fd, wakeFd, MAX_FRAME, false, guard, interfaceName::value);
    }

    @Override
    public InterfaceName interfaceName() {
        return interfaceName;
    }

    @Override
    public int receive(ByteBuffer dst) throws IOException {
        return channel.receive(dst);
    }

    @Override
    public int send(ByteBuffer src) throws IOException {
        Checks.packetToSend(interfaceName.value(), src, MAX_FRAME);
        if (src.remaining() < ETHERNET_HEADER) {
            throw new IllegalArgumentException("send on frame socket of " + interfaceName + ": a frame of "
                    + src.remaining() + " bytes is shorter than the " + ETHERNET_HEADER + "-byte Ethernet header");
        }
        return channel.send(src);
    }

    @Override
    public void setNonBlocking(boolean nonBlocking) throws IOException {
        channel.setNonBlocking(nonBlocking);
    }

    @Override
    public boolean isNonBlocking() {
        return channel.isNonBlocking();
    }

    @Override
    public boolean isOpen() {
        return !guard.isClosed();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "LinuxFrameSocket[" + interfaceName + (isOpen() ? "" : ", closed") + "]";
    }
}
