package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * Raw packet sockets (packet(7)): every Ethernet frame an interface sends or receives, and frames injected onto
 * it. The socket acts in the network namespace of the thread that opens it.
 */
public final class PacketSockets {
    private PacketSockets() {
    }

    /**
     * socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, 0), then bind to {@code ifindex} for every
     * protocol. The socket is opened with protocol 0, which receives nothing (packet(7)), and starts receiving at
     * the bind, which names the interface: a socket opened with ETH_P_ALL would queue frames of every interface in
     * the namespace until the bind.
     *
     * @return the bound, nonblocking descriptor
     */
    public static int openBound(int ifindex) throws SyscallException {
        if (ifindex <= 0) {
            throw new IllegalArgumentException("open packet socket: ifindex " + ifindex + " is not positive");
        }
        int fd;
        try {
            fd = LibC.socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new SyscallException("socket(AF_PACKET, SOCK_RAW)", e.getErrorCode());
        }
        try (Memory address = new Memory(SOCKADDR_LL_SIZE)) {
            address.clear();
            address.setShort(0, (short) AF_PACKET);
            // sll_protocol is big-endian (__be16), whatever the host's order.
            address.setByte(SOCKADDR_LL_PROTOCOL_OFFSET, (byte) (ETH_P_ALL >>> 8));
            address.setByte(SOCKADDR_LL_PROTOCOL_OFFSET + 1, (byte) ETH_P_ALL);
            address.setInt(SOCKADDR_LL_IFINDEX_OFFSET, ifindex);
            LibC.bind(fd, Pointer.nativeValue(address), SOCKADDR_LL_SIZE);
            return fd;
        } catch (LastErrorException e) {
            Syscalls.closeQuietly(fd);
            throw new SyscallException("bind(AF_PACKET, ifindex " + ifindex + ")", e.getErrorCode());
        }
    }
}
