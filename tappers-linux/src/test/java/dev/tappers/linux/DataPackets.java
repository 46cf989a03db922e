package dev.tappers.linux;

import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Test support: IPv4/UDP packets built with the TCK's packet builders, from literals. */
final class DataPackets {
    private DataPackets() {
    }

    static byte[] udp(String source, String destination, int port, int payloadLength) {
        return Ipv4Packet.udp(v4(source), v4(destination), new UdpDatagram(40000, port, new byte[payloadLength])).toBytes();
    }

    static Inet4Address v4(String literal) {
        try {
            return (Inet4Address) InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
