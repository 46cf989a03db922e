package dev.tappers.examples;

import dev.tappers.AddressRequest;
import dev.tappers.DescriptorPassing;
import dev.tappers.Tun;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Privilege separation: one side creates a TUN and sends its descriptor over a Unix socket; the other receives
 * and uses it. Deployed, the creating side is a small helper run as root (or with CAP_NET_ADMIN), and the
 * receiving side is the application, run as an ordinary user: it never needs the privilege, only access to the
 * socket's directory. Here both sides are threads of one JVM, to keep the example in one file.
 */
public class DescriptorPassingExample {
    public static void main(String[] args) throws Exception {
        NamespaceCheck.exitUnlessPrivate(); // the examples' guard: never change the host's own network
        Path socket = Files.createTempDirectory("tappers-").resolve("tun.sock"); // a directory only we can enter
        FutureTask<Tun> application = new FutureTask<>(() -> DescriptorPassing.receiveTun(socket, Duration.ofSeconds(9)));
        new Thread(application, "application").start();

        try (Tun made = Tun.create()) { // the privileged helper's side
            made.addAddress(AddressRequest.parse("198.18.0.1/24"));
            made.up();
            for (int tries = 0; tries < 500 && !Files.exists(socket); tries++) { // the receiver listens: 5 s at most
                Thread.sleep(10);
            }
            made.sendDescriptor(socket);
            System.out.println("helper sent the descriptor of " + made.name());
        } // the helper lets go of its descriptor; the device lives on in the application's

        try (Tun tun = application.get(10, TimeUnit.SECONDS); DatagramSocket udp = new DatagramSocket()) {
            System.out.println("application received " + tun.name() + ", created by us: " + tun.isCreatedByUs());
            udp.send(new DatagramPacket(new byte[16], 16, new InetSocketAddress("198.18.0.2", 9)));
            tun.setNonBlocking(true);
            ByteBuffer packet = ByteBuffer.allocate(tun.maxPacketSize());
            for (long end = System.nanoTime() + 2_000_000_000L; System.nanoTime() - end < 0; ) { // 2 s at most
                packet.clear();
                int length = tun.receive(packet); // nonblocking: 0 while nothing is waiting
                if (length == 0) {
                    Thread.sleep(10);
                } else if (packet.get(0) >> 4 == 4) { // IPv4: the datagram (IPv6 router solicitations come too)
                    System.out.println("application read the datagram, a " + length + "-byte IPv4 packet, through it");
                    break;
                }
            }
        }
        Files.deleteIfExists(socket.getParent()); // the receiver removed the socket file itself
    }
}
