package dev.tappers.cli;

import dev.tappers.Tun;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's "host" behind the TUN, in Java: answers ICMP echo requests (RFC 792) and UDP echo (RFC 862, port 7)
 * sent to any IPv4 address of the TUN's subnet except the TUN's own, by turning each request around in place in
 * one direct buffer. Counts packets and bytes both ways; allocates nothing per packet. Runs until the TUN closes.
 */
final class EchoResponder implements Runnable {
    /** IPv4 protocol numbers (IANA): ICMP and UDP. */
    static final int ICMP = 1;
    static final int UDP = 17;
    /** ICMP types (RFC 792): echo request and echo reply. */
    static final int ECHO_REQUEST = 8;
    static final int ECHO_REPLY = 0;
    /** The UDP echo service's port (RFC 862). */
    static final int ECHO_PORT = 7;

    private final Tun tun;
    private final int ownAddress;
    final AtomicLong packetsIn = new AtomicLong();
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong packetsOut = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();
    final AtomicLong icmpAnswered = new AtomicLong();
    final AtomicLong udpAnswered = new AtomicLong();
    volatile Throwable failure;

    /** {@code ownAddress}: the TUN's own IPv4 address as an int; the kernel answers for that one itself. */
    EchoResponder(Tun tun, int ownAddress) {
        this.tun = tun;
        this.ownAddress = ownAddress;
    }

    @Override
    public void run() {
        ByteBuffer packet = ByteBuffer.allocateDirect(tun.maxPacketSize());
        try {
            while (true) {
                packet.clear();
                int length = tun.receive(packet);
                packetsIn.incrementAndGet();
                bytesIn.addAndGet(length);
                packet.flip();
                int kind = answer(packet, ownAddress);
                if (kind == 0) {
                    continue;
                }
                tun.send(packet);
                packetsOut.incrementAndGet();
                bytesOut.addAndGet(length);
                (kind == ICMP ? icmpAnswered : udpAnswered).incrementAndGet();
            }
        } catch (ClosedChannelException e) {
            // closed by the demo: the normal way out
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }

    /**
     * Turns an IPv4 ICMP echo request or UDP echo datagram in {@code p} (position 0 to limit) into its answer, in
     * place. Returns the protocol answered ({@link #ICMP} or {@link #UDP}), or 0 for any other packet (left as is).
     */
    static int answer(ByteBuffer p, int ownAddress) {
        int length = p.limit();
        if (length < 20 || (p.get(0) & 0xF0) != 0x40) {
            return 0;
        }
        int headerLength = (p.get(0) & 0x0F) * 4;
        int totalLength = p.getShort(2) & 0xFFFF;
        boolean fragment = (p.getShort(6) & 0x3FFF) != 0; // more-fragments flag or an offset
        int source = p.getInt(12);
        int destination = p.getInt(16);
        if (headerLength < 20 || totalLength != length || fragment || destination == ownAddress
                || (destination & 0xFFFFFF00) != (ownAddress & 0xFFFFFF00)) {
            return 0;
        }
        int protocol = p.get(9) & 0xFF;
        if (protocol == ICMP && length >= headerLength + 8 && (p.get(headerLength) & 0xFF) == ECHO_REQUEST
                && p.get(headerLength + 1) == 0) {
            p.put(headerLength, (byte) ECHO_REPLY);
            p.putShort(headerLength + 2, (short) 0);
            p.putShort(headerLength + 2, (short) InternetChecksum.of(p, headerLength, length - headerLength));
        } else if (protocol == UDP && length >= headerLength + 8 && (p.getShort(headerLength + 2) & 0xFFFF) == ECHO_PORT) {
            short sourcePort = p.getShort(headerLength);
            p.putShort(headerLength, p.getShort(headerLength + 2));
            p.putShort(headerLength + 2, sourcePort);
            // The UDP checksum covers both addresses and both ports as a sum: swapping them leaves it valid.
        } else {
            return 0;
        }
        // Swapping the addresses leaves the IPv4 header checksum valid too (the same 16-bit words, summed).
        p.putInt(12, destination);
        p.putInt(16, source);
        return protocol;
    }
}
