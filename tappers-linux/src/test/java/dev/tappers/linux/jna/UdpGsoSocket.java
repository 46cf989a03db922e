package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;

import java.io.IOException;
import java.net.Inet4Address;

/**
 * Test support: a kernel UDP socket that sends with UDP generic segmentation offload ({@code UDP_SEGMENT}), which
 * the JDK does not expose. One send of a large buffer becomes many datagrams of {@code segmentSize} bytes; when
 * the route's device takes USO the kernel hands the whole buffer over as one super-packet.
 */
public final class UdpGsoSocket implements AutoCloseable {
    // <linux/udp.h>: SOL_UDP (IPPROTO_UDP) and UDP_SEGMENT
    static final int SOL_UDP = 17;
    static final int UDP_SEGMENT = 103;
    // <sys/socket.h>, <netinet/in.h>
    static final int AF_INET = 2;
    static final int SOCK_DGRAM = 2;
    static final int SOCKADDR_IN_SIZE = 16;

    interface Calls extends Library {
        Calls INSTANCE = Native.load("c", Calls.class);

        int socket(int domain, int type, int protocol) throws LastErrorException;

        int setsockopt(int fd, int level, int name, int[] value, int length) throws LastErrorException;

        int connect(int fd, Memory address, int length) throws LastErrorException;

        long send(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private final int fd;

    /** A socket connected to {@code destination}:{@code port} that sends datagrams of {@code segmentSize} bytes. */
    public UdpGsoSocket(Inet4Address destination, int port, int segmentSize) throws IOException {
        try {
            fd = Calls.INSTANCE.socket(AF_INET, SOCK_DGRAM, 0);
            Calls.INSTANCE.setsockopt(fd, SOL_UDP, UDP_SEGMENT, new int[] {segmentSize}, 4);
            try (Memory sin = new Memory(SOCKADDR_IN_SIZE)) {
                sin.clear();
                sin.setShort(0, (short) AF_INET);
                sin.setByte(2, (byte) (port >>> 8));
                sin.setByte(3, (byte) port);
                sin.write(4, destination.getAddress(), 0, 4);
                Calls.INSTANCE.connect(fd, sin, SOCKADDR_IN_SIZE);
            }
        } catch (LastErrorException e) {
            throw new IOException("UDP GSO socket: errno " + e.getErrorCode(), e);
        }
    }

    /** Sends {@code data}; the kernel cuts it into datagrams of the segment size. */
    public void send(byte[] data) throws IOException {
        try {
            Calls.INSTANCE.send(fd, data, data.length, 0);
        } catch (LastErrorException e) {
            throw new IOException("UDP GSO send of " + data.length + " bytes: errno " + e.getErrorCode(), e);
        }
    }

    @Override
    public void close() {
        Calls.INSTANCE.close(fd);
    }
}
