package dev.tappers.linux;

import dev.tappers.tck.report.ReliabilityFigures;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.FrameSocket;
import dev.tappers.MacAddress;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.Veth;
import dev.tappers.VethOptions;
import dev.tappers.tck.HermeticNetwork;
import dev.tappers.tck.packets.EthernetFrame;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leak soak: many create / configure (address, MTU, up) / exchange one packet / close cycles of TUN, TAP and
 * vETH. Afterwards the process holds as many descriptors as before, the namespace has the same interfaces, no
 * direct buffer is left reachable, and malloc'ed memory (where JNA's {@code Memory} lives) and the resident set
 * have not grown beyond the slack the JVM itself needs.
 *
 * <p>{@value #DEFAULT_CYCLES} cycles of each kind in {@code verify}; {@code -Psoak} runs 10,000
 * ({@code -Dtappers.soak.cycles=N} sets any number). The exchanged packet really crosses the kernel each cycle:
 * the device injects a UDP datagram addressed to its own address, and a kernel socket must receive it.
 */
class LeakSoakTest {
    static final int DEFAULT_CYCLES = 300;
    /** Malloc and RSS growth tolerated after the warm-up: JIT code and class data land there too. */
    private static final long SLACK_KIB = 48 * 1024;
    private static final Inet4Address LOCAL = ip("198.18.7.1");
    private static final Inet4Address PEER = ip("198.18.7.2");
    private static final Inet4Address VETH_B = ip("198.18.8.1");
    private static final Inet4Address VETH_B_PEER = ip("198.18.8.2");

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    @Test
    void createConfigureExchangeCloseCyclesLeakNothing() throws Exception {
        int cycles = Integer.getInteger("tappers.soak.cycles", DEFAULT_CYCLES);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0))) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
            // Warm-up: loads classes, JNA and its library, and lets the JIT settle, which hold memory for good.
            for (int i = 0; i < 20; i++) {
                cycle(i, socket, buffer);
            }
            ProcessFigures before = ProcessFigures.settled();
            long start = System.nanoTime();
            for (int i = 0; i < cycles; i++) {
                cycle(i, socket, buffer);
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            ProcessFigures after = ProcessFigures.settled();
            System.out.println("LeakSoak: " + cycles + " cycles each of TUN, TAP, vETH in " + seconds + " s");
            System.out.println("  before: " + before);
            System.out.println("  after:  " + after);

            assertEquals(before.descriptors(), after.descriptors(), "open descriptors");
            assertEquals(before.interfaces(), after.interfaces(), "interfaces in this namespace");
            assertTrue(after.directBuffers() <= before.directBuffers(), "direct buffers still reachable: "
                    + before.directBuffers() + " -> " + after.directBuffers());
            long mallocGrowth = after.mallocBytes().isPresent()
                    ? (after.mallocBytes().getAsLong() - before.mallocBytes().getAsLong()) / 1024 : 0;
            assertTrue(mallocGrowth < SLACK_KIB, "malloc'ed memory grew by " + mallocGrowth + " KiB");
            long rssGrowth = after.nonHeapRssKiB() - before.nonHeapRssKiB();
            assertTrue(rssGrowth < SLACK_KIB, "VmRSS less the heap grew by " + rssGrowth + " KiB");
            ReliabilityFigures.record("LeakSoak", "create/configure/exchange/close cycles of TUN, TAP and vETH;"
                    + " /proc/self/fd, /proc/net/dev, direct buffers, glibc malloc, VmRSS before and after",
                    String.format("%,d cycles × 3 kinds in %d s; fds %d → %d; interfaces %d → %d; direct buffers"
                                    + " %d → %d; malloc %s → %s; VmRSS less heap %,d → %,d KiB", cycles, seconds,
                            before.descriptors(), after.descriptors(), before.interfaces().size(),
                            after.interfaces().size(), before.directBuffers(), after.directBuffers(), before.malloc(),
                            after.malloc(), before.nonHeapRssKiB(), after.nonHeapRssKiB()));
        }
    }

    private static void cycle(int i, DatagramSocket socket, ByteBuffer buffer) throws Exception {
        byte[] payload = ("cycle " + i).getBytes(StandardCharsets.US_ASCII);
        int port = socket.getLocalPort();
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults().withNonBlocking(true))) {
            tun.addAddress(AddressRequest.of(LOCAL, 24));
            tun.setMtu(1400);
            tun.up();
            byte[] packet = Ipv4Packet.udp(PEER, LOCAL, new UdpDatagram(40000, port, payload)).toBytes();
            expect(socket, payload, "TUN cycle " + i,
                    () -> assertEquals(packet.length, tun.send(buffer.clear().put(packet).flip())));
        }
        try (Tap tap = LinuxTestSupport.PROVIDER.createTap(DeviceOptions.defaults().withNonBlocking(true))) {
            tap.addAddress(AddressRequest.of(LOCAL, 24));
            tap.setMtu(1400);
            tap.up();
            byte[] ip = Ipv4Packet.udp(PEER, LOCAL, new UdpDatagram(40000, port, payload)).toBytes();
            byte[] frame = new EthernetFrame(tap.mac(), MacAddress.parse("02:00:00:00:07:02"),
                    EthernetFrame.TYPE_IPV4, ip).toBytes();
            expect(socket, payload, "TAP cycle " + i,
                    () -> assertEquals(frame.length, tap.send(buffer.clear().put(frame).flip())));
        }
        try (Veth veth = LinuxTestSupport.PROVIDER.createVeth(VethOptions.defaults().withMtu(1400))) {
            veth.end().up();
            veth.peer().addAddress(AddressRequest.of(VETH_B, 24));
            veth.peer().up();
            // Sent out of one end, the frame arrives on the other, whose address it is for. The source is in
            // the receiving end's own subnet, so reverse-path filtering passes whatever its setting.
            byte[] ip = Ipv4Packet.udp(VETH_B_PEER, VETH_B, new UdpDatagram(40000, port, payload)).toBytes();
            byte[] frame = new EthernetFrame(veth.peer().mac(), veth.end().mac(), EthernetFrame.TYPE_IPV4, ip).toBytes();
            try (FrameSocket frames = veth.end().openFrameSocket()) {
                // Until the kernel's link watcher has seen both ends' carrier (it runs up to a second later), the
                // end still has the noop queueing discipline, which drops frames without an error: resend.
                expect(socket, payload, "vETH cycle " + i,
                        () -> assertEquals(frame.length, frames.send(buffer.clear().put(frame).flip())));
            }
        }
    }

    interface Send {
        void send() throws Exception;
    }

    /**
     * Sends, then receives until the expected payload arrives, sending again every 50 ms (at most 2 s in all):
     * a stray datagram from an earlier cycle is skipped, and a lost packet fails the soak rather than hang it.
     */
    static void expect(DatagramSocket socket, byte[] payload, String what, Send send) throws Exception {
        byte[] rx = new byte[2048];
        socket.setSoTimeout(50);
        for (int tries = 0; tries < 40; tries++) {
            send.send();
            try {
                while (true) {
                    DatagramPacket p = new DatagramPacket(rx, rx.length);
                    socket.receive(p);
                    if (Arrays.equals(payload, Arrays.copyOf(rx, p.getLength()))) {
                        return;
                    }
                }
            } catch (java.net.SocketTimeoutException again) {
                // resend
            }
        }
        throw new AssertionError(what + ": the datagram never arrived");
    }

    private static Inet4Address ip(String literal) {
        try {
            return (Inet4Address) InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
