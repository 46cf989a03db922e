package dev.tappers.tck.packets;

import dev.tappers.MacAddress;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * An ARP packet for IPv4 over Ethernet (RFC 826): hardware type 1, protocol type 0x0800, address lengths 6 and 4.
 *
 * @param operation {@link #REQUEST} or {@link #REPLY}
 * @param senderMac the sender's hardware address
 * @param senderIp  the sender's protocol address
 * @param targetMac the target's hardware address (all zeros in a request)
 * @param targetIp  the target's protocol address
 */
public record ArpPacket(int operation, MacAddress senderMac, Inet4Address senderIp, MacAddress targetMac,
                        Inet4Address targetIp) {
    /** The length of an Ethernet/IPv4 ARP packet. */
    public static final int LENGTH = 28;
    /** ARP operation: who has {@code targetIp}? */
    public static final int REQUEST = 1;
    /** ARP operation: {@code senderIp} is at {@code senderMac}. */
    public static final int REPLY = 2;

    private static final int HARDWARE_ETHERNET = 1;
    private static final MacAddress UNKNOWN = MacAddress.of(new byte[6]);

    public ArpPacket {
        Bytes.checkU16("ARP operation", operation);
        Objects.requireNonNull(senderMac, "senderMac");
        Objects.requireNonNull(senderIp, "senderIp");
        Objects.requireNonNull(targetMac, "targetMac");
        Objects.requireNonNull(targetIp, "targetIp");
    }

    /** Asks who has {@code targetIp}. */
    public static ArpPacket request(MacAddress senderMac, Inet4Address senderIp, Inet4Address targetIp) {
        return new ArpPacket(REQUEST, senderMac, senderIp, UNKNOWN, targetIp);
    }

    public boolean isRequest() {
        return operation == REQUEST;
    }

    public boolean isReply() {
        return operation == REPLY;
    }

    /** The reply to this request that says its target address is at {@code mac}. */
    public ArpPacket answer(MacAddress mac) {
        return new ArpPacket(REPLY, mac, targetIp, senderMac, senderIp);
    }

    /** This packet in an Ethernet frame: a request is broadcast, a reply goes to its target. */
    public EthernetFrame toFrame() {
        return new EthernetFrame(isRequest() ? EthernetFrame.BROADCAST : targetMac, senderMac, EthernetFrame.TYPE_ARP,
                toBytes());
    }

    public byte[] toBytes() {
        byte[] out = new byte[LENGTH];
        Bytes.putU16(out, 0, HARDWARE_ETHERNET);
        Bytes.putU16(out, 2, EthernetFrame.TYPE_IPV4);
        out[4] = 6;
        out[5] = 4;
        Bytes.putU16(out, 6, operation);
        System.arraycopy(senderMac.toBytes(), 0, out, 8, 6);
        System.arraycopy(senderIp.getAddress(), 0, out, 14, 4);
        System.arraycopy(targetMac.toBytes(), 0, out, 18, 6);
        System.arraycopy(targetIp.getAddress(), 0, out, 24, 4);
        return out;
    }

    /**
     * Reads an Ethernet/IPv4 ARP packet (an Ethernet frame's payload); trailing padding is ignored.
     *
     * @throws IllegalArgumentException when it is short or for other hardware or protocol types
     */
    public static ArpPacket parse(byte[] packet) {
        Bytes.requireLength("ARP packet", packet, LENGTH);
        if (Bytes.u16(packet, 0) != HARDWARE_ETHERNET || Bytes.u16(packet, 2) != EthernetFrame.TYPE_IPV4
                || packet[4] != 6 || packet[5] != 4) {
            throw new IllegalArgumentException("ARP packet: not Ethernet/IPv4 (hardware type " + Bytes.u16(packet, 0)
                    + String.format(", protocol type 0x%04x", Bytes.u16(packet, 2)) + ", lengths " + packet[4] + "/"
                    + packet[5] + ")");
        }
        return new ArpPacket(Bytes.u16(packet, 6), MacAddress.of(Bytes.slice(packet, 8, 6)), Bytes.ipv4(packet, 14),
                MacAddress.of(Bytes.slice(packet, 18, 6)), Bytes.ipv4(packet, 24));
    }

    /** The ARP packet a TAP frame carries, or empty when the frame carries something else. */
    public static Optional<ArpPacket> fromFrame(ByteBuffer frame) {
        return EthernetFrame.tryParse(frame).filter(f -> f.etherType() == EthernetFrame.TYPE_ARP).flatMap(f -> {
            try {
                return Optional.of(parse(f.payload()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public String toString() {
        return isRequest() ? "ARP who-has " + targetIp.getHostAddress() + " tell " + senderIp.getHostAddress() + " (" + senderMac + ")"
                : isReply() ? "ARP " + senderIp.getHostAddress() + " is-at " + senderMac + " (to " + targetMac + ")"
                : "ARP operation " + operation + " " + senderIp.getHostAddress() + " > " + targetIp.getHostAddress();
    }
}
