package dev.tappers.linux.netlink;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One open NETLINK_ROUTE socket, bound and connected to the kernel (pid 0). The JNA implementation lives in
 * {@code dev.tappers.linux.jna}; tests can supply a scripted one.
 *
 * <p>A netlink socket acts in the network namespace of the thread that opened it, so a transport is opened per
 * operation and never shared across namespaces.
 */
public interface NetlinkTransport extends AutoCloseable {

    /** Sends one request: the bytes from {@code request}'s position to its limit, as one datagram. */
    void send(ByteBuffer request) throws IOException;

    /**
     * Receives one datagram into {@code into} from its position, which advances past it. Blocks until one
     * arrives. Throws if the datagram did not fit (MSG_TRUNC): replies are never silently cut.
     *
     * @return the datagram's length
     */
    int receive(ByteBuffer into) throws IOException;

    @Override
    void close() throws IOException;
}
