package dev.tappers.examples;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An ICMP echo request inside an IPv4 packet, as a TUN delivers it, and the echo reply that answers it.
 * Field offsets are those of RFC 791 (IPv4 header) and RFC 792 (echo and echo reply messages).
 */
final class IcmpEcho {
    static final int IPV4_MIN_HEADER = 20;
    static final int PROTOCOL_ICMP = 1;      // RFC 790 assigned numbers
    static final int TYPE_ECHO_REPLY = 0;    // RFC 792
    static final int TYPE_ECHO_REQUEST = 8;  // RFC 792
    static final int ICMP_ECHO_HEADER = 8;   // type, code, checksum, identifier, sequence number
    static final int REPLY_TTL = 64;

    // IPv4 header fields (RFC 791, section 3.1)
    private static final int IP_TOTAL_LENGTH = 2;
    private static final int IP_TTL = 8;
    private static final int IP_PROTOCOL = 9;
    private static final int IP_CHECKSUM = 10;
    private static final int IP_SOURCE = 12;
    private static final int IP_DESTINATION = 16;
    private static final int IP_FRAGMENT = 6; // flags (3 bits) and fragment offset (13 bits)

    // ICMP fields, relative to the end of the IPv4 header (RFC 792)
    private static final int ICMP_TYPE = 0;
    private static final int ICMP_CODE = 1;
    private static final int ICMP_CHECKSUM = 2;
    private static final int ICMP_ID = 4;
    private static final int ICMP_SEQUENCE = 6;

    private final byte[] packet;      // the whole IPv4 packet, a private copy
    private final int headerLength;   // IHL * 4

    private IcmpEcho(byte[] packet, int headerLength) {
        this.packet = packet;
        this.headerLength = headerLength;
    }

    /**
     * Reads {@code length} bytes as an IPv4 ICMP echo request. Empty for anything else: another IP version or
     * protocol, a fragment, a bad header or ICMP checksum, or a truncated packet.
     */
    static Optional<IcmpEcho> parseRequest(byte[] data, int length) {
        if (length < IPV4_MIN_HEADER || (data[0] & 0xF0) != 0x40) {
            return Optional.empty();
        }
        int ihl = (data[0] & 0x0F) * 4;
        int total = u16(data, IP_TOTAL_LENGTH);
        if (ihl < IPV4_MIN_HEADER || total < ihl + ICMP_ECHO_HEADER || total > length
                || (data[IP_PROTOCOL] & 0xFF) != PROTOCOL_ICMP
                || (u16(data, IP_FRAGMENT) & 0x3FFF) != 0 // more-fragments flag or an offset: not a whole message
                || !InternetChecksum.verifies(data, 0, ihl)
                || !InternetChecksum.verifies(data, ihl, total - ihl)
                || (data[ihl + ICMP_TYPE] & 0xFF) != TYPE_ECHO_REQUEST || data[ihl + ICMP_CODE] != 0) {
            return Optional.empty();
        }
        return Optional.of(new IcmpEcho(Arrays.copyOf(data, total), ihl));
    }

    Inet4Address source() {
        return address(IP_SOURCE);
    }

    Inet4Address destination() {
        return address(IP_DESTINATION);
    }

    int identifier() {
        return u16(packet, headerLength + ICMP_ID);
    }

    int sequence() {
        return u16(packet, headerLength + ICMP_SEQUENCE);
    }

    /** The whole IPv4 packet's length in bytes. */
    int length() {
        return packet.length;
    }

    /**
     * The echo reply: source and destination swapped, a fresh TTL, ICMP type 0, the identifier, sequence number
     * and data echoed unchanged (RFC 792), and both checksums computed anew. IP options are copied as they are.
     */
    byte[] reply() {
        byte[] r = packet.clone();
        System.arraycopy(packet, IP_DESTINATION, r, IP_SOURCE, 4);
        System.arraycopy(packet, IP_SOURCE, r, IP_DESTINATION, 4);
        r[IP_TTL] = (byte) REPLY_TTL;
        r[headerLength + ICMP_TYPE] = TYPE_ECHO_REPLY;
        putU16(r, headerLength + ICMP_CHECKSUM, 0);
        putU16(r, headerLength + ICMP_CHECKSUM, InternetChecksum.of(r, headerLength, r.length - headerLength));
        putU16(r, IP_CHECKSUM, 0);
        putU16(r, IP_CHECKSUM, InternetChecksum.of(r, 0, headerLength));
        return r;
    }

    @Override
    public String toString() {
        return source().getHostAddress() + " -> " + destination().getHostAddress() + " echo request id=" + identifier()
                + " seq=" + sequence() + " (" + length() + " bytes)";
    }

    private Inet4Address address(int offset) {
        try {
            return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(packet, offset, offset + 4));
        } catch (UnknownHostException e) { // only for a wrong length, which four bytes never are
            throw new AssertionError(e);
        }
    }

    static int u16(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
    }

    private static void putU16(byte[] b, int offset, int value) {
        b[offset] = (byte) (value >>> 8);
        b[offset + 1] = (byte) value;
    }
}
