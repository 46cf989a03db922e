package dev.tappers.examples;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Route;
import dev.tappers.Tun;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** A route to 203.0.113.0/24 through a TUN: a datagram the kernel sends there arrives on the TUN. */
public class RouteExample {
    public static void main(String[] args) throws Exception {
        NamespaceCheck.exitUnlessPrivate(); // the examples' guard: never change the host's own network
        try (Tun tun = Tun.create(DeviceOptions.defaults().withNonBlocking(true));
             DatagramSocket udp = new DatagramSocket()) {
            tun.addAddress(AddressRequest.parse("198.18.0.1/24"));
            tun.up();
            Route route = Route.to("203.0.113.0/24");
            tun.addRoute(route);
            System.out.println("routes through " + tun.name() + ": " + tun.routes());

            udp.send(new DatagramPacket(new byte[16], 16, new InetSocketAddress("203.0.113.7", 9)));
            ByteBuffer packet = ByteBuffer.allocate(tun.maxPacketSize());
            for (long end = System.nanoTime() + 2_000_000_000L; System.nanoTime() - end < 0; ) { // 2 s at most
                packet.clear();
                int length = tun.receive(packet); // nonblocking: 0 while nothing is waiting
                if (length == 0) {
                    Thread.sleep(10);
                } else if (packet.get(0) >> 4 == 4 && packet.get(9) == 17) { // IPv4 carrying UDP
                    InetAddress from = InetAddress.getByAddress(Arrays.copyOfRange(packet.array(), 12, 16));
                    InetAddress to = InetAddress.getByAddress(Arrays.copyOfRange(packet.array(), 16, 20));
                    System.out.printf("%s received a %d-byte UDP packet from %s to %s%n", tun.name(), length,
                            from.getHostAddress(), to.getHostAddress());
                    break;
                }
            }
            tun.removeRoute(route);
            System.out.println("routes through " + tun.name() + " after removeRoute: " + tun.routes());
        }
    }
}
