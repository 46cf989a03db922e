package dev.tappers.tck;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Kernel UDP sockets at the far end of a data-path test: bound once the address can be bound, and fed by a
 * sender that repeats until a datagram arrives, both within a bound.
 */
final class Datagrams {
    /** How long to wait for a datagram before sending again. */
    static final int RESEND_MILLIS = 250;

    /** Sends one packet or datagram. */
    @FunctionalInterface
    interface Send {
        void run() throws Exception;
    }

    private Datagrams() {
    }

    /**
     * A UDP socket bound to {@code address}:0, its receive timeout {@code timeout}. An IPv6 address may be
     * tentative for a moment while duplicate address detection runs (on providers that do not skip it) and
     * cannot be bound until it ends, and an address just added may not be usable at once: retry, bounded.
     */
    static DatagramSocket bind(InetAddress address, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                DatagramSocket s = new DatagramSocket(new InetSocketAddress(address, 0));
                s.setSoTimeout((int) timeout.toMillis());
                return s;
            } catch (SocketException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("cannot bind a UDP socket to " + address.getHostAddress() + " within "
                            + timeout.toMillis() + " ms: " + e, e);
                }
                NetworkInterfaceOracle.sleep(50);
            }
        }
    }

    /**
     * Runs {@code send} until {@code socket} receives a datagram, every {@value #RESEND_MILLIS} ms within
     * {@code timeout}, and returns that datagram. The kernel may install the local route of an address a moment
     * after it was added (IPv6 does it from a work queue) and drop what arrives before; resending is what any UDP
     * sender would do, and a packet the kernel never accepts still fails the test, saying {@code what} it was.
     */
    static DatagramPacket deliver(Send send, DatagramSocket socket, String what, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int old = socket.getSoTimeout();
        socket.setSoTimeout(RESEND_MILLIS);
        try {
            for (int sends = 1; ; sends++) {
                send.run();
                DatagramPacket got = new DatagramPacket(new byte[2048], 2048);
                try {
                    socket.receive(got);
                    return got;
                } catch (SocketTimeoutException e) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new AssertionError("the kernel socket on " + socket.getLocalSocketAddress()
                                + " did not receive " + what + " within " + timeout.toMillis() + " ms (" + sends
                                + " sends)", e);
                    }
                }
            }
        } finally {
            socket.setSoTimeout(old);
        }
    }

    /**
     * {@link #deliver(Send, DatagramSocket, String, Duration)} for any {@link FarSocket}: runs {@code send} until
     * {@code socket} receives a datagram, every {@value #RESEND_MILLIS} ms within {@code timeout}.
     */
    static FarSocket.Datagram deliver(Send send, FarSocket socket, String what, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int sends = 1; ; sends++) {
            send.run();
            java.util.Optional<FarSocket.Datagram> got = socket.receive(Duration.ofMillis(RESEND_MILLIS));
            if (got.isPresent()) {
                return got.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(socket + " did not receive " + what + " within " + timeout.toMillis()
                        + " ms (" + sends + " sends)");
            }
        }
    }

    /** The datagram's data. */
    static byte[] data(DatagramPacket p) {
        return Arrays.copyOfRange(p.getData(), p.getOffset(), p.getOffset() + p.getLength());
    }
}
