package dev.tappers.examples;

import dev.tappers.AddressRequest;
import dev.tappers.FrameSocket;
import dev.tappers.MacAddress;
import dev.tappers.NetworkNamespace;
import dev.tappers.Veth;
import dev.tappers.VethOptions;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** A vETH pair with its peer in another namespace: a datagram sent from there, seen as frames on this end. */
public class VethExample {
    public static void main(String[] args) throws Exception {
        NamespaceCheck.exitUnlessPrivate(); // the examples' guard: never change the host's own network
        try (NetworkNamespace ns = NetworkNamespace.createAnonymous();
             Veth veth = Veth.create(VethOptions.named("veth-a", "veth-b").withPeerNamespace(ns))) {
            veth.end().addAddress(AddressRequest.parse("198.51.100.1/24"));
            veth.peer().addAddress(AddressRequest.parse("198.51.100.2/24")); // runs inside ns, called from here
            veth.end().up();
            veth.peer().up();
            MacAddress mac = veth.end().mac();
            try (FrameSocket frames = veth.end().openFrameSocket()) { // sees what the end sends and receives
                frames.setNonBlocking(true);
                ns.call(() -> { // a socket lives in the namespace of the thread that opens it
                    try (DatagramSocket udp = new DatagramSocket()) {
                        udp.send(new DatagramPacket(new byte[16], 16, new InetSocketAddress("198.51.100.1", 9)));
                    }
                    return null;
                });
                ByteBuffer frame = ByteBuffer.allocate(65536);
                for (long end = System.nanoTime() + 2_000_000_000L; System.nanoTime() - end < 0; ) { // 2 s at most
                    frame.clear();
                    int length = frames.receive(frame); // nonblocking: 0 while nothing is waiting
                    if (length == 0) {
                        Thread.sleep(10);
                        continue;
                    }
                    int type = frame.getShort(12) & 0xFFFF; // the EtherType, after two 6-byte addresses
                    String what = type == 0x0806 ? "ARP" : type == 0x86DD ? "IPv6" : type != 0x0800 ? "type " + type
                            : frame.get(23) == 17 ? "IPv4 UDP" : frame.get(23) == 1 ? "IPv4 ICMP" : "IPv4";
                    boolean sent = MacAddress.of(Arrays.copyOfRange(frame.array(), 6, 12)).equals(mac);
                    System.out.println(frames.interfaceName() + (sent ? " sent " : " got ") + what + ", " + length + " bytes");
                }
            }
        } // closing the pair deletes both ends; closing the namespace releases it
    }
}
