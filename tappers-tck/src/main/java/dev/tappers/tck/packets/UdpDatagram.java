package dev.tappers.tck.packets;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A UDP datagram (RFC 768) and its checksum over the IPv4 (RFC 768) or IPv6 (RFC 8200, section 8.1)
 * pseudo-header.
 *
 * @param sourcePort      the source port
 * @param destinationPort the destination port
 * @param payload         the data
 */
public record UdpDatagram(int sourcePort, int destinationPort, byte[] payload) {
    /** The length of the UDP header. */
    public static final int HEADER_LENGTH = 8;

    public UdpDatagram {
        Bytes.checkU16("source port", sourcePort);
        Bytes.checkU16("destination port", destinationPort);
        Objects.requireNonNull(payload, "payload");
        Bytes.checkU16("UDP length", HEADER_LENGTH + payload.length);
        payload = payload.clone();
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * The datagram with its checksum for a packet from {@code source} to {@code destination} (both IPv4 or both
     * IPv6).
     */
    public byte[] toBytes(InetAddress source, InetAddress destination) {
        byte[] out = new byte[HEADER_LENGTH + payload.length];
        Bytes.putU16(out, 0, sourcePort);
        Bytes.putU16(out, 2, destinationPort);
        Bytes.putU16(out, 4, out.length);
        System.arraycopy(payload, 0, out, HEADER_LENGTH, payload.length);
        int sum = checksum(source, destination, out);
        // A computed 0 is sent as all ones: 0 means "no checksum" over IPv4 (RFC 768) and is invalid over IPv6.
        Bytes.putU16(out, 6, sum == 0 ? 0xFFFF : sum);
        return out;
    }

    /**
     * The checksum of {@code segment} (a UDP header and payload) with the pseudo-header for {@code source} and
     * {@code destination}. The checksum field of {@code segment} counts as it is: pass it zeroed to compute the
     * value to store, or filled in to verify (a valid datagram gives 0).
     */
    public static int checksum(InetAddress source, InetAddress destination, byte[] segment) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        byte[] src = source.getAddress();
        byte[] dst = destination.getAddress();
        if (src.length != dst.length) {
            throw new IllegalArgumentException("UDP checksum: source " + source.getHostAddress() + " and destination "
                    + destination.getHostAddress() + " are of different families");
        }
        long sum = InternetChecksum.sum(0, src, 0, src.length);
        sum = InternetChecksum.sum(sum, dst, 0, dst.length);
        // IPv4: zero, protocol, UDP length (16 bits). IPv6: upper-layer length (32 bits), zeros, next header.
        // Both sum to the same 16-bit words: protocol 17 plus the length.
        sum += Ipv4Packet.PROTOCOL_UDP;
        sum += (segment.length >>> 16) + (segment.length & 0xFFFF);
        sum = InternetChecksum.sum(sum, segment, 0, segment.length);
        return InternetChecksum.finish(sum);
    }

    /**
     * True when {@code segment}'s checksum is right for a packet from {@code source} to {@code destination}.
     * Over IPv4 a checksum field of 0 means the sender computed none, which is valid.
     */
    public static boolean checksumValid(InetAddress source, InetAddress destination, byte[] segment) {
        Bytes.requireLength("UDP datagram", segment, HEADER_LENGTH);
        int stored = Bytes.u16(segment, 6);
        if (stored == 0) {
            return source instanceof Inet4Address;
        }
        return checksum(source, destination, segment) == 0;
    }

    /**
     * Reads a datagram; bytes after the UDP length field's end are ignored. The checksum is not checked: see
     * {@link #checksumValid}.
     *
     * @throws IllegalArgumentException when the length field does not fit
     */
    public static UdpDatagram parse(byte[] segment) {
        Bytes.requireLength("UDP datagram", segment, HEADER_LENGTH);
        int length = Bytes.u16(segment, 4);
        if (length < HEADER_LENGTH || length > segment.length) {
            throw new IllegalArgumentException("UDP datagram: length field " + length + " does not fit in "
                    + segment.length + " bytes");
        }
        return new UdpDatagram(Bytes.u16(segment, 0), Bytes.u16(segment, 2), Bytes.slice(segment, HEADER_LENGTH,
                length - HEADER_LENGTH));
    }

    /** The datagram, or empty when the bytes are not a well-formed one. */
    public static Optional<UdpDatagram> tryParse(byte[] segment) {
        try {
            return Optional.of(parse(segment));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpDatagram d && d.sourcePort == sourcePort && d.destinationPort == destinationPort
                && Arrays.equals(d.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourcePort, destinationPort, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "UDP " + sourcePort + " > " + destinationPort + ", " + payload.length + " bytes";
    }
}
