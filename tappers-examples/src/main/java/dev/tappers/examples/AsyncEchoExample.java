package dev.tappers.examples;

import dev.tappers.AddressRequest;
import dev.tappers.Poller;
import dev.tappers.Tun;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** A UDP echo server on a TUN, driven by futures on one poller thread: no thread blocks per device. */
public class AsyncEchoExample {
    public static void main(String[] args) throws Exception {
        NamespaceCheck.exitUnlessPrivate(); // the examples' guard: never change the host's own network
        try (Poller poller = Poller.open(); Tun tun = Tun.create()) { // one poller thread can serve many devices
            tun.addAddress(AddressRequest.parse("198.18.0.1/24"));
            tun.up();
            echo(poller, tun, ByteBuffer.allocateDirect(tun.maxPacketSize()));
            try (DatagramSocket client = new DatagramSocket()) { // the kernel's side: 198.18.0.2 is through the TUN
                client.setSoTimeout(2_000);
                for (int i = 1; i <= 3; i++) {
                    byte[] hello = ("hello " + i).getBytes(StandardCharsets.US_ASCII);
                    client.send(new DatagramPacket(hello, hello.length, new InetSocketAddress("198.18.0.2", 7)));
                    DatagramPacket answer = new DatagramPacket(new byte[1500], 1500);
                    client.receive(answer);
                    System.out.println("echoed: " + new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII));
                }
            }
        } // closing fails the pending receive with AsynchronousCloseException, which ends the loop
    }

    /** Receives one packet; if it is IPv4 UDP, sends it back with addresses and ports swapped; then again. */
    static void echo(Poller poller, Tun tun, ByteBuffer packet) {
        packet.clear();
        poller.receive(tun, packet).thenCompose(length -> { // runs on the poller thread: never block here
            packet.flip();
            if (length < 28 || packet.get(0) != 0x45 || packet.get(9) != 17) { // IPv4, 20-byte header, UDP
                return CompletableFuture.completedFuture(0); // not for us (IPv6 chatter of the kernel): skip it
            }
            int source = packet.getInt(12);
            packet.putInt(12, packet.getInt(16)).putInt(16, source); // swapping keeps both checksums valid
            short sourcePort = packet.getShort(20);
            packet.putShort(20, packet.getShort(22)).putShort(22, sourcePort);
            return poller.send(tun, packet);
        }).thenRun(() -> echo(poller, tun, packet)); // a failure (the close) ends the chain
    }
}
