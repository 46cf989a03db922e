package dev.tappers.linux;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Offload;
import dev.tappers.Tun;
import dev.tappers.UnsupportedFeatureException;
import dev.tappers.linux.jna.UdpGsoSocket;
import dev.tappers.tck.HermeticNetwork;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Offload on real TUN devices ({@code IFF_VNET_HDR}, {@code TUNSETOFFLOAD}): what the kernel grants, the off
 * switch, super-packets from a kernel UDP GSO sender cut into ordinary datagrams with valid checksums, partial
 * checksums completed on plain packets, and batch sends joined into super-packets that the kernel's own
 * segmentation delivers to a kernel socket intact and in order.
 */
class LinuxOffloadTest {
    private static final Set<Offload> ALL = EnumSet.allOf(Offload.class);
    private static final int PORT = 9;

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    private static Tun offloadTun(String subnet) throws Exception {
        Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults().withOffload(ALL));
        tun.addAddress(AddressRequest.parse(subnet + ".1/24"));
        tun.up();
        return tun;
    }

    @Test
    void theKernelGrantsTsoAndTheOffSwitchWorks() throws Exception {
        try (Tun tun = offloadTun("198.18.201")) {
            Set<Offload> granted = tun.offloads();
            assertTrue(granted.containsAll(EnumSet.of(Offload.TSO4, Offload.TSO6)),
                    "a kernel with IFF_VNET_HDR grants TSO: " + granted);
            assertEquals(Set.of(), tun.setOffloads(Set.of()), "turning every offload off");
            assertEquals(Set.of(), tun.offloads());
            assertEquals(EnumSet.of(Offload.TSO4), tun.setOffloads(EnumSet.of(Offload.TSO4)), "back on, one of them");
        }
        try (Tun plain = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults())) {
            assertEquals(Set.of(), plain.offloads(), "a TUN created without offload");
            assertThrows(UnsupportedFeatureException.class, () -> plain.setOffloads(EnumSet.of(Offload.TSO4)));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinuxTestSupport.PROVIDER.createTap(DeviceOptions.defaults().withOffload(ALL)));
        assertTrue(e.getMessage().contains("TUN"), e.getMessage());
    }

    @Test
    void aUdpGsoSuperPacketArrivesAsOrdinaryDatagramsWithValidChecksums() throws Exception {
        try (Tun tun = offloadTun("198.18.202")) {
            Inet4Address local = (Inet4Address) InetAddress.getByName("198.18.202.1");
            Inet4Address far = (Inet4Address) InetAddress.getByName("198.18.202.2");
            int segment = 1000;
            int count = 20;
            byte[] data = new byte[segment * count - 123]; // the last datagram is shorter
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 7 + i / segment);
            }
            long cutBefore = vnet(tun).superPacketsCut();
            try (UdpGsoSocket sender = new UdpGsoSocket(far, PORT, segment)) {
                sender.send(data);
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
            ByteBuffer joined = ByteBuffer.allocate(data.length);
            long deadline = System.nanoTime() + 5_000_000_000L;
            int datagrams = 0;
            while (joined.hasRemaining() && System.nanoTime() < deadline) {
                buffer.clear();
                tun.setNonBlocking(true);
                if (tun.receive(buffer) == 0) {
                    Thread.sleep(2);
                    continue;
                }
                byte[] packet = new byte[buffer.position()];
                buffer.flip().get(packet);
                Optional<Ipv4Packet> ip = Ipv4Packet.tryParse(packet).filter(p -> p.destination().equals(far));
                if (ip.isEmpty() || ip.get().udp().isEmpty()) {
                    continue; // the kernel's own chatter
                }
                assertTrue(Ipv4Packet.headerChecksumValid(packet), "IPv4 header checksum of datagram " + datagrams);
                assertTrue(UdpDatagram.checksumValid(local, far, ip.get().payload()), "UDP checksum of datagram " + datagrams);
                UdpDatagram udp = ip.get().udp().get();
                assertTrue(udp.payload().length == segment || joined.remaining() == udp.payload().length,
                        "datagram " + datagrams + " has " + udp.payload().length + " bytes");
                joined.put(udp.payload());
                datagrams++;
            }
            assertEquals(count, datagrams, "datagrams cut from the sender's buffer");
            assertArrayEquals(data, joined.array(), "the datagrams' payloads, joined");
            assertTrue(vnet(tun).superPacketsCut() > cutBefore || !tun.offloads().contains(Offload.USO4),
                    "the kernel granted USO but handed over no super-packet");
            System.out.printf("offload receive: %d datagrams, %d super-packet(s) cut, offloads %s%n", datagrams,
                    vnet(tun).superPacketsCut() - cutBefore, tun.offloads());
        }
    }

    /**
     * Futures on an offload TUN: after the first datagram of a super-packet, the rest wait in user space and the
     * descriptor is not readable for them; the poller must still complete every future.
     */
    @Test
    void futuresGetEverySegmentOfASuperPacket() throws Exception {
        try (Tun tun = offloadTun("198.18.205")) {
            Inet4Address far = (Inet4Address) InetAddress.getByName("198.18.205.2");
            int segment = 500;
            int count = 12;
            try (UdpGsoSocket sender = new UdpGsoSocket(far, PORT, segment)) {
                sender.send(new byte[segment * count]);
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
            int datagrams = 0;
            for (int reads = 0; datagrams < count && reads < 100; reads++) {
                buffer.clear();
                int n = tun.receiveAsync(buffer).get(5, java.util.concurrent.TimeUnit.SECONDS);
                byte[] packet = new byte[n];
                buffer.flip().get(packet);
                if (Ipv4Packet.tryParse(packet).filter(p -> p.destination().equals(far)).flatMap(Ipv4Packet::udp).isPresent()) {
                    datagrams++;
                }
            }
            assertEquals(count, datagrams, "datagrams received through futures");
        }
    }

    @Test
    void batchSendsAreJoinedAndTheKernelDeliversEverySegmentInOrder() throws Exception {
        try (Tun tun = offloadTun("198.18.203"); DatagramSocket socket = new DatagramSocket(
                new InetSocketAddress("198.18.203.1", 0))) {
            Inet4Address local = (Inet4Address) InetAddress.getByName("198.18.203.1");
            Inet4Address far = (Inet4Address) InetAddress.getByName("198.18.203.2");
            int count = 40;
            ByteBuffer[] batch = new ByteBuffer[count];
            for (int i = 0; i < count; i++) {
                byte[] payload = new byte[1000];
                payload[0] = (byte) i;
                payload[999] = (byte) ~i;
                byte[] packet = withIpId(Ipv4Packet.udp(far, local, new UdpDatagram(PORT, socket.getLocalPort(), payload)).toBytes(), 100 + i);
                batch[i] = ByteBuffer.allocateDirect(packet.length).put(packet).flip();
            }
            long writtenBefore = vnet(tun).superPacketsWritten();
            assertEquals(count, tun.sendBatch(batch), "packets sendBatch reports");
            assertTrue(vnet(tun).superPacketsWritten() > writtenBefore, "sendBatch wrote no super-packet");
            socket.setSoTimeout(5000);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                DatagramPacket got = new DatagramPacket(new byte[2048], 2048);
                try {
                    socket.receive(got);
                } catch (SocketTimeoutException e) {
                    fail("only " + i + " of " + count + " datagrams arrived after the joined write");
                }
                assertEquals(1000, got.getLength(), "datagram length");
                assertEquals((byte) ~got.getData()[0], got.getData()[999], "datagram " + i + " damaged");
                order.add((int) got.getData()[0]);
            }
            for (int i = 0; i < count; i++) {
                assertEquals(i, order.get(i), "arrival order");
            }
        }
    }

    /** A UDP GSO buffer from the kernel comes whole through receiveSuperPacket, described by its GsoInfo. */
    @Test
    void superPacketsCanBeReceivedWhole() throws Exception {
        try (Tun tun = offloadTun("198.18.206")) {
            Inet4Address far = (Inet4Address) InetAddress.getByName("198.18.206.2");
            try (UdpGsoSocket sender = new UdpGsoSocket(far, PORT, 1000)) {
                sender.send(new byte[1000 * 20]);
            }
            dev.tappers.GsoInfo gso = new dev.tappers.GsoInfo();
            ByteBuffer buffer = ByteBuffer.allocateDirect(Tun.MAX_PACKET_SIZE);
            tun.setNonBlocking(true);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline) {
                buffer.clear();
                int n = tun.receiveSuperPacket(buffer, gso);
                if (n == 0) {
                    Thread.sleep(2);
                    continue;
                }
                if (gso.type() == dev.tappers.GsoInfo.Type.UDP_L4) {
                    assertEquals(1000, gso.segmentSize(), "segment size");
                    assertEquals(20 + 8 + 20_000, n, "one IPv4 header, one UDP header, all the data");
                    assertEquals(20, gso.checksumStart(), "the checksum starts at the UDP header");
                    return;
                }
            }
            assertTrue(!tun.offloads().contains(Offload.USO4), "no UDP super-packet came although USO was granted");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            try (Tun tun = offloadTun("198.18.207")) {
                tun.receiveSuperPacket(ByteBuffer.allocateDirect(1500), new dev.tappers.GsoInfo());
            }
        });
        assertTrue(e.getMessage().contains("65535"), e.getMessage());
    }

    /**
     * A super-packet written whole: made by joining 10 datagrams (the provider's coalescer), handed to the kernel
     * with sendSuperPacket, cut by the kernel, and received by a kernel socket intact and in order — the kernel
     * is the judge of the header and the partial checksum.
     */
    @Test
    void superPacketsCanBeSentWhole() throws Exception {
        try (Tun tun = offloadTun("198.18.208"); DatagramSocket socket = new DatagramSocket(
                new InetSocketAddress("198.18.208.1", 0))) {
            Inet4Address local = (Inet4Address) InetAddress.getByName("198.18.208.1");
            Inet4Address far = (Inet4Address) InetAddress.getByName("198.18.208.2");
            int count = 10;
            ByteBuffer[] packets = new ByteBuffer[count];
            for (int i = 0; i < count; i++) {
                byte[] payload = new byte[800];
                payload[0] = (byte) i;
                packets[i] = ByteBuffer.wrap(withIpId(Ipv4Packet.udp(far, local, new UdpDatagram(PORT, socket.getLocalPort(),
                        payload)).toBytes(), 7 + i));
            }
            ByteBuffer frame = ByteBuffer.allocate(dev.tappers.linux.offload.VirtioNetHeader.SIZE + 65535);
            assertEquals(count, new dev.tappers.linux.offload.GroCoalescer().coalesce(packets, 0, count, frame));
            dev.tappers.linux.offload.VirtioNetHeader h = new dev.tappers.linux.offload.VirtioNetHeader().readFrom(frame, 0);
            dev.tappers.GsoInfo gso = new dev.tappers.GsoInfo().set(dev.tappers.GsoInfo.Type.UDP_L4, false, h.gsoSize(),
                    h.hdrLen(), h.needsChecksum(), h.csumStart(), h.csumOffset());
            ByteBuffer superPacket = ByteBuffer.allocateDirect(frame.position() - dev.tappers.linux.offload.VirtioNetHeader.SIZE);
            superPacket.put(frame.array(), dev.tappers.linux.offload.VirtioNetHeader.SIZE, superPacket.capacity()).flip();
            assertEquals(superPacket.capacity(), tun.sendSuperPacket(superPacket, gso), "bytes sent");
            socket.setSoTimeout(5000);
            for (int i = 0; i < count; i++) {
                DatagramPacket got = new DatagramPacket(new byte[2048], 2048);
                socket.receive(got);
                assertEquals(800, got.getLength(), "datagram " + i);
                assertEquals(i, got.getData()[0], "arrival order");
            }
        }
    }

    @Test
    void plainSendAndReceiveWorkBehindTheHeader() throws Exception {
        try (Tun tun = offloadTun("198.18.204"); DatagramSocket socket = new DatagramSocket(
                new InetSocketAddress("198.18.204.1", 0))) {
            Inet4Address local = (Inet4Address) InetAddress.getByName("198.18.204.1");
            Inet4Address far = (Inet4Address) InetAddress.getByName("198.18.204.2");
            byte[] hello = "hello through an offload TUN".getBytes();
            socket.send(new DatagramPacket(hello, hello.length, new InetSocketAddress(far, PORT)));
            ByteBuffer heap = ByteBuffer.allocate(tun.maxPacketSize());
            tun.setNonBlocking(true);
            long deadline = System.nanoTime() + 5_000_000_000L;
            byte[] packet = null;
            while (packet == null && System.nanoTime() < deadline) {
                heap.clear();
                if (tun.receive(heap) == 0) {
                    Thread.sleep(2);
                    continue;
                }
                byte[] p = new byte[heap.position()];
                heap.flip().get(p);
                if (Ipv4Packet.tryParse(p).filter(ip -> ip.destination().equals(far)).isPresent()) {
                    packet = p;
                }
            }
            assertTrue(packet != null, "the kernel's datagram did not arrive");
            Ipv4Packet ip = Ipv4Packet.parse(packet);
            // The device claims checksum offload, so the kernel leaves the UDP checksum partial: it is completed here.
            assertTrue(UdpDatagram.checksumValid(local, far, ip.payload()), "the UDP checksum was not completed");
            assertArrayEquals(hello, ip.udp().orElseThrow().payload());
            byte[] reply = Ipv4Packet.udp(far, local, new UdpDatagram(PORT, socket.getLocalPort(), hello)).toBytes();
            assertEquals(reply.length, tun.send(ByteBuffer.wrap(reply)), "send's count excludes the header");
            socket.setSoTimeout(5000);
            DatagramPacket got = new DatagramPacket(new byte[2048], 2048);
            socket.receive(got);
            assertEquals(hello.length, got.getLength());
        }
    }

    private static VnetPath vnet(Tun tun) {
        return ((LinuxPacketDevice) tun).channel().vnet();
    }

    /** Sets the IPv4 identification and recomputes the header checksum (the builder always writes 0). */
    private static byte[] withIpId(byte[] packet, int id) {
        packet[4] = (byte) (id >>> 8);
        packet[5] = (byte) id;
        packet[10] = 0;
        packet[11] = 0;
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ((packet[i] & 0xFF) << 8) | (packet[i + 1] & 0xFF);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        sum = ~sum & 0xFFFF;
        packet[10] = (byte) (sum >>> 8);
        packet[11] = (byte) sum;
        return packet;
    }
}
