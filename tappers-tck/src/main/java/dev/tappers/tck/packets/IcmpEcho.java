package dev.tappers.tck.packets;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An ICMPv4 echo request or reply (RFC 792), as {@code ping} sends and expects: type, code 0, checksum,
 * identifier, sequence number, data.
 *
 * @param type       {@link #ECHO_REQUEST} or {@link #ECHO_REPLY}
 * @param identifier the identifier that matches replies to requests
 * @param sequence   the sequence number
 * @param data       the data, echoed back unchanged
 */
public record IcmpEcho(int type, int identifier, int sequence, byte[] data) {
    /** ICMP type of an echo reply. */
    public static final int ECHO_REPLY = 0;
    /** ICMP type of an echo request. */
    public static final int ECHO_REQUEST = 8;
    /** Type, code, checksum, identifier, sequence. */
    public static final int HEADER_LENGTH = 8;

    public IcmpEcho {
        if (type != ECHO_REQUEST && type != ECHO_REPLY) {
            throw new IllegalArgumentException("ICMP echo: type " + type + " is neither echo request (8) nor reply (0)");
        }
        Bytes.checkU16("identifier", identifier);
        Bytes.checkU16("sequence", sequence);
        Objects.requireNonNull(data, "data");
        data = data.clone();
    }

    /** An echo request. */
    public static IcmpEcho request(int identifier, int sequence, byte[] data) {
        return new IcmpEcho(ECHO_REQUEST, identifier, sequence, data);
    }

    /** The reply to this request: the same identifier, sequence and data. */
    public IcmpEcho reply() {
        return new IcmpEcho(ECHO_REPLY, identifier, sequence, data);
    }

    public boolean isRequest() {
        return type == ECHO_REQUEST;
    }

    /** A copy of the data. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The message with its checksum, ready to be an IPv4 payload with protocol {@link Ipv4Packet#PROTOCOL_ICMP}. */
    public byte[] toBytes() {
        byte[] out = new byte[HEADER_LENGTH + data.length];
        out[0] = (byte) type;
        Bytes.putU16(out, 4, identifier);
        Bytes.putU16(out, 6, sequence);
        System.arraycopy(data, 0, out, HEADER_LENGTH, data.length);
        Bytes.putU16(out, 2, InternetChecksum.of(out));
        return out;
    }

    /** True when {@code message}'s checksum is right. */
    public static boolean checksumValid(byte[] message) {
        return message.length >= HEADER_LENGTH && InternetChecksum.of(message) == 0;
    }

    /**
     * Reads an echo request or reply. The checksum is not checked: see {@link #checksumValid}.
     *
     * @throws IllegalArgumentException for a short message, another type, or a code other than 0
     */
    public static IcmpEcho parse(byte[] message) {
        Bytes.requireLength("ICMP echo", message, HEADER_LENGTH);
        if (message[1] != 0) {
            throw new IllegalArgumentException("ICMP echo: code is " + Bytes.u8(message, 1) + ", not 0");
        }
        return new IcmpEcho(Bytes.u8(message, 0), Bytes.u16(message, 4), Bytes.u16(message, 6),
                Bytes.slice(message, HEADER_LENGTH, message.length - HEADER_LENGTH));
    }

    /** The echo message an IPv4 packet carries, or empty when it carries something else. */
    public static Optional<IcmpEcho> from(Ipv4Packet packet) {
        if (packet.protocol() != Ipv4Packet.PROTOCOL_ICMP) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(packet.payload()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The reply a host sends to an IPv4 packet carrying an echo request: addresses swapped, the same
     * identifier, sequence and data. Empty when the packet is not an echo request.
     */
    public static Optional<Ipv4Packet> replyTo(Ipv4Packet request) {
        return from(request).filter(IcmpEcho::isRequest).map(e -> new Ipv4Packet(request.destination(),
                request.source(), Ipv4Packet.PROTOCOL_ICMP, Ipv4Packet.DEFAULT_TTL, e.reply().toBytes()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IcmpEcho e && e.type == type && e.identifier == identifier && e.sequence == sequence
                && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, identifier, sequence, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "ICMP echo " + (isRequest() ? "request" : "reply") + " id " + identifier + " seq " + sequence + ", "
                + data.length + " bytes";
    }
}
