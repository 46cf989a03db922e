package dev.tappers.examples;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.MultiQueue;
import dev.tappers.Tun;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;

/** One TUN with four queues and a reading thread on each: the kernel spreads the flows over the queues. */
public class MultiQueueExample {
    public static void main(String[] args) throws Exception {
        NamespaceCheck.exitUnlessPrivate(); // the examples' guard: never change the host's own network
        List<Thread> readers = new ArrayList<>();
        try (MultiQueue<Tun> tun = Tun.createMultiQueue(DeviceOptions.defaults(), 4)) {
            Tun first = tun.queues().get(0); // one interface: configure it through any queue
            first.addAddress(AddressRequest.parse("198.18.0.1/24"));
            first.up();
            for (Tun queue : tun.queues()) { // each queue is a Tun with a descriptor of its own
                Thread reader = new Thread(() -> {
                    ByteBuffer packet = ByteBuffer.allocateDirect(queue.maxPacketSize());
                    int datagrams = 0;
                    try {
                        while (true) {
                            packet.clear();
                            queue.receive(packet); // blocks until a packet comes or the queue is closed
                            datagrams += packet.get(0) >> 4 == 4 ? 1 : 0; // IPv4: one of the datagrams below
                        }
                    } catch (ClosedChannelException e) { // the close below woke the receive: the way out
                    } catch (IOException e) {
                        System.out.println(Thread.currentThread().getName() + " failed: " + e);
                    }
                    System.out.println(Thread.currentThread().getName() + " read " + datagrams + " datagram(s)");
                }, first.name() + " queue " + readers.size());
                readers.add(reader);
                reader.start();
            }
            try (DatagramSocket udp = new DatagramSocket()) {
                for (int host = 2; host < 18; host++) { // 16 flows, one per destination address
                    udp.send(new DatagramPacket(new byte[16], 16, new InetSocketAddress("198.18.0." + host, 9)));
                }
            }
            Thread.sleep(500); // time for the readers to take what is queued
        } // closing every queue wakes every blocked receive
        for (Thread reader : readers) {
            reader.join(2_000);
        }
    }
}
