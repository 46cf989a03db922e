package dev.tappers.tck.packets;

import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv6 packet (RFC 8200): the fixed 40-byte header and its payload. Extension headers are not decoded; the
 * payload starts right after the fixed header and {@link #nextHeader()} says what it is.
 *
 * @param source      the source address
 * @param destination the destination address
 * @param nextHeader  what the payload is, such as {@link #NEXT_HEADER_UDP}
 * @param hopLimit    the hop limit
 * @param payload     the bytes after the fixed header, up to the payload length
 */
public record Ipv6Packet(Inet6Address source, Inet6Address destination, int nextHeader, int hopLimit, byte[] payload) {
    /** The length of the fixed header. */
    public static final int HEADER_LENGTH = 40;
    /** IANA protocol number of UDP. */
    public static final int NEXT_HEADER_UDP = 17;
    /** IANA protocol number of ICMPv6. */
    public static final int NEXT_HEADER_ICMPV6 = 58;
    /** The hop limit packets built here carry unless told otherwise. */
    public static final int DEFAULT_HOP_LIMIT = 64;

    public Ipv6Packet {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payload, "payload");
        Bytes.checkU8("next header", nextHeader);
        Bytes.checkU8("hop limit", hopLimit);
        Bytes.checkU16("IPv6 payload length", payload.length);
        payload = payload.clone();
    }

    /** A UDP datagram from {@code source} to {@code destination}, with its checksum, and the default hop limit. */
    public static Ipv6Packet udp(Inet6Address source, Inet6Address destination, UdpDatagram datagram) {
        return new Ipv6Packet(source, destination, NEXT_HEADER_UDP, DEFAULT_HOP_LIMIT, datagram.toBytes(source, destination));
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The packet as it goes into a TUN: version 6, traffic class and flow label 0. */
    public byte[] toBytes() {
        byte[] out = new byte[HEADER_LENGTH + payload.length];
        out[0] = 0x60;
        Bytes.putU16(out, 4, payload.length);
        out[6] = (byte) nextHeader;
        out[7] = (byte) hopLimit;
        System.arraycopy(source.getAddress(), 0, out, 8, 16);
        System.arraycopy(destination.getAddress(), 0, out, 24, 16);
        System.arraycopy(payload, 0, out, HEADER_LENGTH, payload.length);
        return out;
    }

    /**
     * Reads an IPv6 packet; bytes after the payload length are ignored.
     *
     * @throws IllegalArgumentException when it is not IPv6 or its payload length does not fit
     */
    public static Ipv6Packet parse(byte[] packet) {
        Bytes.requireLength("IPv6 packet", packet, HEADER_LENGTH);
        int version = (packet[0] & 0xF0) >>> 4;
        if (version != 6) {
            throw new IllegalArgumentException("IPv6 packet: version is " + version);
        }
        int length = Bytes.u16(packet, 4);
        if (HEADER_LENGTH + length > packet.length) {
            throw new IllegalArgumentException("IPv6 packet: payload length " + length + " does not fit in "
                    + packet.length + " bytes");
        }
        return new Ipv6Packet(Bytes.ipv6(packet, 8), Bytes.ipv6(packet, 24), Bytes.u8(packet, 6), Bytes.u8(packet, 7),
                Bytes.slice(packet, HEADER_LENGTH, length));
    }

    /** Reads an IPv6 packet from {@code packet}'s position to its limit, without moving the position. */
    public static Ipv6Packet parse(ByteBuffer packet) {
        return parse(Bytes.remaining(packet));
    }

    /** The packet, or empty when the bytes are not a well-formed IPv6 packet. */
    public static Optional<Ipv6Packet> tryParse(byte[] packet) {
        try {
            return Optional.of(parse(packet));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@link #tryParse(byte[])} from {@code packet}'s position to its limit. */
    public static Optional<Ipv6Packet> tryParse(ByteBuffer packet) {
        return tryParse(Bytes.remaining(packet));
    }

    /** The UDP datagram this packet carries directly, or empty when it carries something else. */
    public Optional<UdpDatagram> udp() {
        return nextHeader == NEXT_HEADER_UDP ? UdpDatagram.tryParse(payload) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv6Packet p && p.source.equals(source) && p.destination.equals(destination)
                && p.nextHeader == nextHeader && p.hopLimit == hopLimit && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, destination, nextHeader, hopLimit, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "IPv6 " + source.getHostAddress() + " > " + destination.getHostAddress() + " next header " + nextHeader
                + " hop limit " + hopLimit + ", " + payload.length + " bytes payload";
    }
}
