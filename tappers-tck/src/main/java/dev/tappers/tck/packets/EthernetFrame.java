package dev.tappers.tck.packets;

import dev.tappers.MacAddress;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An Ethernet II frame as a TAP device carries it: destination, source, EtherType, payload. No preamble, no
 * frame check sequence, no padding to the 60-byte minimum (a TAP needs none). A VLAN tag is not decoded: its
 * frame reports EtherType 0x8100.
 *
 * @param destination the destination MAC address
 * @param source      the source MAC address
 * @param etherType   what the payload is, such as {@link #TYPE_IPV4}
 * @param payload     the bytes after the 14-byte header
 */
public record EthernetFrame(MacAddress destination, MacAddress source, int etherType, byte[] payload) {
    /** Destination, source and EtherType. */
    public static final int HEADER_LENGTH = 14;
    /** EtherType of IPv4 (IEEE 802 numbers). */
    public static final int TYPE_IPV4 = 0x0800;
    /** EtherType of ARP. */
    public static final int TYPE_ARP = 0x0806;
    /** EtherType of IPv6. */
    public static final int TYPE_IPV6 = 0x86DD;
    /** The all-ones broadcast address. */
    public static final MacAddress BROADCAST = MacAddress.parse("ff:ff:ff:ff:ff:ff");

    public EthernetFrame {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
        Bytes.checkU16("EtherType", etherType);
        payload = payload.clone();
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The frame as it goes on the wire (or into a TAP). */
    public byte[] toBytes() {
        byte[] out = new byte[HEADER_LENGTH + payload.length];
        System.arraycopy(destination.toBytes(), 0, out, 0, 6);
        System.arraycopy(source.toBytes(), 0, out, 6, 6);
        Bytes.putU16(out, 12, etherType);
        System.arraycopy(payload, 0, out, HEADER_LENGTH, payload.length);
        return out;
    }

    /**
     * Reads a frame from all of {@code frame}.
     *
     * @throws IllegalArgumentException when it is shorter than the header
     */
    public static EthernetFrame parse(byte[] frame) {
        Bytes.requireLength("Ethernet frame", frame, HEADER_LENGTH);
        return new EthernetFrame(MacAddress.of(Bytes.slice(frame, 0, 6)), MacAddress.of(Bytes.slice(frame, 6, 6)),
                Bytes.u16(frame, 12), Bytes.slice(frame, HEADER_LENGTH, frame.length - HEADER_LENGTH));
    }

    /** Reads a frame from {@code frame}'s position to its limit, without moving the position. */
    public static EthernetFrame parse(ByteBuffer frame) {
        return parse(Bytes.remaining(frame));
    }

    /** The frame, or empty when the bytes are too short to be one. */
    public static Optional<EthernetFrame> tryParse(ByteBuffer frame) {
        return frame.remaining() < HEADER_LENGTH ? Optional.empty() : Optional.of(parse(frame));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EthernetFrame f && f.destination.equals(destination) && f.source.equals(source)
                && f.etherType == etherType && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(destination, source, etherType, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Ethernet " + source + " > " + destination + String.format(" type 0x%04x", etherType)
                + ", " + payload.length + " bytes payload";
    }
}
