package dev.tappers.tck.packets;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 packet (RFC 791). Built with a 20-byte header (no options), the Don't Fragment flag and a correct
 * header checksum; read with any header length. Fragments are not reassembled.
 *
 * @param source      the source address
 * @param destination the destination address
 * @param protocol    what the payload is, such as {@link #PROTOCOL_UDP}
 * @param ttl         the time to live
 * @param payload     the bytes after the header, up to the total length
 */
public record Ipv4Packet(Inet4Address source, Inet4Address destination, int protocol, int ttl, byte[] payload) {
    /** The length of a header without options. */
    public static final int HEADER_LENGTH = 20;
    /** IANA protocol number of ICMP. */
    public static final int PROTOCOL_ICMP = 1;
    /** IANA protocol number of UDP. */
    public static final int PROTOCOL_UDP = 17;
    /** The TTL packets built here carry unless told otherwise. */
    public static final int DEFAULT_TTL = 64;

    private static final int DONT_FRAGMENT = 0x4000;

    public Ipv4Packet {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payload, "payload");
        Bytes.checkU8("protocol", protocol);
        Bytes.checkU8("ttl", ttl);
        if (payload.length > 0xFFFF - HEADER_LENGTH) {
            throw new IllegalArgumentException("IPv4 payload of " + payload.length + " bytes does not fit the 16-bit total length");
        }
        payload = payload.clone();
    }

    /** A UDP datagram from {@code source} to {@code destination}, with its checksum, and the default TTL. */
    public static Ipv4Packet udp(Inet4Address source, Inet4Address destination, UdpDatagram datagram) {
        return new Ipv4Packet(source, destination, PROTOCOL_UDP, DEFAULT_TTL, datagram.toBytes(source, destination));
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The packet as it goes into a TUN, header checksum filled in. */
    public byte[] toBytes() {
        byte[] out = new byte[HEADER_LENGTH + payload.length];
        out[0] = 0x45; // version 4, header length 5 words
        Bytes.putU16(out, 2, out.length);
        Bytes.putU16(out, 6, DONT_FRAGMENT);
        out[8] = (byte) ttl;
        out[9] = (byte) protocol;
        System.arraycopy(source.getAddress(), 0, out, 12, 4);
        System.arraycopy(destination.getAddress(), 0, out, 16, 4);
        Bytes.putU16(out, 10, InternetChecksum.of(out, 0, HEADER_LENGTH));
        System.arraycopy(payload, 0, out, HEADER_LENGTH, payload.length);
        return out;
    }

    /** True when the header of {@code packet} (its length from the IHL field) sums to the checksum. */
    public static boolean headerChecksumValid(byte[] packet) {
        int ihl = (packet[0] & 0x0F) * 4;
        return packet.length >= ihl && ihl >= HEADER_LENGTH && InternetChecksum.of(packet, 0, ihl) == 0;
    }

    /**
     * Reads an IPv4 packet; bytes after the total length (such as Ethernet padding) are ignored. The header
     * checksum is not checked: see {@link #headerChecksumValid}.
     *
     * @throws IllegalArgumentException when it is not IPv4 or its lengths do not fit
     */
    public static Ipv4Packet parse(byte[] packet) {
        Bytes.requireLength("IPv4 packet", packet, HEADER_LENGTH);
        int version = (packet[0] & 0xF0) >>> 4;
        if (version != 4) {
            throw new IllegalArgumentException("IPv4 packet: version is " + version);
        }
        int ihl = (packet[0] & 0x0F) * 4;
        int total = Bytes.u16(packet, 2);
        if (ihl < HEADER_LENGTH || total < ihl || total > packet.length) {
            throw new IllegalArgumentException("IPv4 packet: header length " + ihl + " and total length " + total
                    + " do not fit in " + packet.length + " bytes");
        }
        return new Ipv4Packet(Bytes.ipv4(packet, 12), Bytes.ipv4(packet, 16), Bytes.u8(packet, 9), Bytes.u8(packet, 8),
                Bytes.slice(packet, ihl, total - ihl));
    }

    /** Reads an IPv4 packet from {@code packet}'s position to its limit, without moving the position. */
    public static Ipv4Packet parse(ByteBuffer packet) {
        return parse(Bytes.remaining(packet));
    }

    /** The packet, or empty when the bytes are not a well-formed IPv4 packet. */
    public static Optional<Ipv4Packet> tryParse(byte[] packet) {
        try {
            return Optional.of(parse(packet));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@link #tryParse(byte[])} from {@code packet}'s position to its limit. */
    public static Optional<Ipv4Packet> tryParse(ByteBuffer packet) {
        return tryParse(Bytes.remaining(packet));
    }

    /** The UDP datagram this packet carries, or empty when it carries something else. */
    public Optional<UdpDatagram> udp() {
        return protocol == PROTOCOL_UDP ? UdpDatagram.tryParse(payload) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv4Packet p && p.source.equals(source) && p.destination.equals(destination)
                && p.protocol == protocol && p.ttl == ttl && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, destination, protocol, ttl, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "IPv4 " + source.getHostAddress() + " > " + destination.getHostAddress() + " protocol " + protocol
                + " ttl " + ttl + ", " + payload.length + " bytes payload";
    }
}
