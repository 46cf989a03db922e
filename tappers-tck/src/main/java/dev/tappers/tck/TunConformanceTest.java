package dev.tappers.tck;

import dev.tappers.AddressInfo;
import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.Tun;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.Ipv6Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conformance of TUN devices: the tests every device kind shares, plus the IP data path both ways over IPv4 and
 * IPv6, with the test network's UDP sockets at the other end (kernel sockets by default), and point-to-point
 * addresses.
 *
 * <pre>{@code
 * class LinuxTunConformanceTest extends TunConformanceTest {
 *     protected TappersProvider provider() { return new LinuxTappersProvider(); }
 * }
 * }</pre>
 */
@RequiresFeature(Feature.TUN)
public abstract class TunConformanceTest extends AbstractDeviceConformanceTest<Tun> {
    /** The source port of datagrams the tests write into the TUN. */
    private static final int NEAR_PORT = 40_001;
    /**
     * The datagrams of a burst: well inside a Linux TUN's queue (500 packets) and a kernel socket's default
     * receive buffer, so a kernel loses none of them, and enough that a provider losing one in ten loses some.
     */
    static final int BURST = 100;

    protected TunConformanceTest() {
    }

    @Override
    final Feature kind() {
        return Feature.TUN;
    }

    @Override
    final Tun createDevice(DeviceOptions options) throws IOException {
        return provider().createTun(options);
    }

    @Override
    final Tun openDevice(InterfaceName name) throws IOException {
        return provider().openTun(name);
    }

    @Override
    final byte[] samplePacket(Tun device, TestSubnet s) {
        return Ipv4Packet.udp(s.v4(2), s.v4(1), new UdpDatagram(NEAR_PORT, FAR_PORT, payload("sample", s))).toBytes();
    }

    @Override
    final boolean networkInterfaceShowsBroadcast() {
        return false; // a TUN is point-to-point: no IFF_BROADCAST, so the JDK never asks for a broadcast address
    }

    @Override
    final List<ClosedOperation> kindOperations(Tun device, TestSubnet subnet) {
        return List.of();
    }

    @Override
    final String describe(byte[] packet) {
        Optional<Ipv4Packet> v4 = Ipv4Packet.tryParse(packet);
        if (v4.isPresent()) {
            return v4.get() + v4.get().udp().map(u -> " " + u).orElse("");
        }
        Optional<Ipv6Packet> v6 = Ipv6Packet.tryParse(packet);
        if (v6.isPresent()) {
            return v6.get() + v6.get().udp().map(u -> " " + u).orElse("");
        }
        return packet.length + " bytes, first 0x" + (packet.length > 0 ? Integer.toHexString(packet[0] & 0xFF) : "");
    }

    // ---- TUN-only rules -------------------------------------------------------------------------------------

    @Test
    void required_sendingANonIpPacketIsRejected() throws IOException {
        Tun tun = create();
        for (int first : new int[] {0x00, 0x50, 0xF0}) {
            byte[] junk = new byte[40];
            junk[0] = (byte) first;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tun.send(ByteBuffer.wrap(junk)),
                    "a packet starting 0x" + Integer.toHexString(first) + " is not IPv4 or IPv6");
            assertTrue(e.getMessage().contains("send"), "the message does not name the operation: " + e.getMessage());
        }
    }

    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.DESTINATION_ADDRESS})
    void required_destinationAddressIsReportedAndRemovable() throws IOException {
        TestSubnet s = TestSubnet.next();
        AddressRequest request = s.v4Request(1, 32).withDestination(s.v4(2));
        Tun tun = create();
        String name = tun.name().value();
        tun.addAddress(request);
        AddressInfo info = listed(tun, request).orElseThrow(() -> new AssertionError(request + " is not in addresses(): "
                + addressesOf(tun)));
        assertEquals(Optional.of(s.v4(2)), info.destination(), "the destination in addresses()");
        InterfaceView ni = oracle().find(name).orElseThrow(() ->
                new AssertionError("the oracle (" + testNetwork() + ") does not list " + name));
        assertTrue(oracleAddresses(name).contains(text(request)),
                ni + " does not list " + request + ": " + oracleAddresses(name));
        assertTrue(ni.isPointToPoint(), ni + " says the TUN is not point-to-point");
        tun.removeAddress(info);
        assertFalse(listed(tun, request).isPresent(), request + " is still in addresses() after removal");
    }

    private static String addressesOf(Tun tun) {
        try {
            return tun.addresses().toString();
        } catch (IOException e) {
            return "(addresses() failed: " + e + ")";
        }
    }

    // ---- the data path --------------------------------------------------------------------------------------

    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void required_kernelUdpOverIpv4ArrivesAsAnIpv4Packet() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = create();
        tun.up();
        tun.addAddress(s.v4Request(1, 24));
        byte[] payload = payload("kernel to TUN over IPv4", s);
        try (FarSocket socket = bind(s.v4(1))) {
            socket.send(payload, new InetSocketAddress(s.v4(2), FAR_PORT));
            byte[] raw = await(tun, ByteBuffer.allocateDirect(tun.maxPacketSize()), p -> Ipv4Packet.tryParse(p)
                    .filter(ip -> ip.destination().equals(s.v4(2)) && ip.udp().isPresent()).map(ip -> p));
            Ipv4Packet ip = Ipv4Packet.parse(raw);
            assertTrue(Ipv4Packet.headerChecksumValid(raw), "the IPv4 header checksum is wrong: " + ip);
            assertEquals(s.v4(1), ip.source(), "source address");
            UdpDatagram udp = ip.udp().orElseThrow();
            assertEquals(socket.localPort(), udp.sourcePort(), "UDP source port");
            assertEquals(FAR_PORT, udp.destinationPort(), "UDP destination port");
            assertArrayEquals(payload, udp.payload(), "UDP payload");
        }
    }

    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void required_ipv4PacketWrittenToTheTunReachesAKernelSocket() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = create();
        tun.up();
        tun.addAddress(s.v4Request(1, 24));
        byte[] payload = payload("TUN to kernel over IPv4", s);
        try (FarSocket socket = bind(s.v4(1))) {
            byte[] packet = Ipv4Packet.udp(s.v4(2), s.v4(1),
                    new UdpDatagram(NEAR_PORT, socket.localPort(), payload)).toBytes();
            FarSocket.Datagram got = deliver(tun, () -> ByteBuffer.wrap(packet), socket, "an IPv4 datagram written to " + tun.name());
            assertArrayEquals(payload, got.data(), "the datagram's data");
            assertEquals(new InetSocketAddress(s.v4(2), NEAR_PORT), got.sender(), "the datagram's sender");
        }
    }

    @Test
    @RequiresFeature({Feature.IPV6_ADDRESSES, Feature.SET_STATE})
    void required_kernelUdpOverIpv6ArrivesAsAnIpv6Packet() throws Exception {
        requireIpv6();
        TestSubnet s = TestSubnet.next();
        Tun tun = create();
        tun.up();
        tun.addAddress(s.v6Request(1, 64));
        byte[] payload = payload("kernel to TUN over IPv6", s);
        try (FarSocket socket = bind(s.v6(1))) {
            socket.send(payload, new InetSocketAddress(s.v6(2), FAR_PORT));
            // A heap buffer with its position past 0: receive writes from the position, not from 0.
            ByteBuffer buffer = ByteBuffer.allocate(tun.maxPacketSize() + 7);
            buffer.position(7);
            byte[] raw = await(tun, buffer, p -> Ipv6Packet.tryParse(p)
                    .filter(ip -> ip.destination().equals(s.v6(2)) && ip.udp().isPresent()).map(ip -> p));
            Ipv6Packet ip = Ipv6Packet.parse(raw);
            assertEquals(s.v6(1), ip.source(), "source address");
            UdpDatagram udp = ip.udp().orElseThrow();
            assertEquals(socket.localPort(), udp.sourcePort(), "UDP source port");
            assertEquals(FAR_PORT, udp.destinationPort(), "UDP destination port");
            assertArrayEquals(payload, udp.payload(), "UDP payload");
        }
    }

    @Test
    @RequiresFeature({Feature.IPV6_ADDRESSES, Feature.SET_STATE})
    void required_ipv6PacketWrittenToTheTunReachesAKernelSocket() throws Exception {
        requireIpv6();
        TestSubnet s = TestSubnet.next();
        Tun tun = create();
        tun.up();
        tun.addAddress(s.v6Request(1, 64));
        byte[] payload = payload("TUN to kernel over IPv6", s);
        try (FarSocket socket = bind(s.v6(1))) {
            byte[] packet = Ipv6Packet.udp(s.v6(2), s.v6(1),
                    new UdpDatagram(NEAR_PORT, socket.localPort(), payload)).toBytes();
            FarSocket.Datagram got = deliver(tun, () -> direct(packet), socket, "an IPv6 datagram written to " + tun.name());
            assertArrayEquals(payload, got.data(), "the datagram's data");
            assertEquals(new InetSocketAddress(s.v6(2), NEAR_PORT), got.sender(), "the datagram's sender");
        }
    }

    // ---- bursts: nothing lost ---------------------------------------------------------------------------------

    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void required_aBurstOfDatagramsWrittenToTheTunArrivesWhole() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = create();
        tun.up();
        tun.addAddress(s.v4Request(1, 24));
        try (FarSocket socket = bind(s.v4(1))) {
            // One datagram first, sent again until it arrives: the far side may not take the address at once.
            byte[] warmUp = payload("burst warm-up", s);
            deliver(tun, () -> ByteBuffer.wrap(Ipv4Packet.udp(s.v4(2), s.v4(1),
                    new UdpDatagram(NEAR_PORT, socket.localPort(), warmUp)).toBytes()), socket, "the warm-up datagram");
            Map<String, Integer> burst = burstPayloads("out", s);
            for (Map.Entry<String, Integer> e : burst.entrySet()) {
                byte[] data = e.getKey().getBytes(StandardCharsets.US_ASCII);
                sendAll(tun, direct(Ipv4Packet.udp(s.v4(2), s.v4(1), new UdpDatagram(NEAR_PORT, socket.localPort(), data))
                        .toBytes()));
            }
            Set<Integer> arrived = new TreeSet<>();
            long deadline = System.nanoTime() + packetTimeout().toNanos();
            while (arrived.size() < BURST && System.nanoTime() - deadline < 0) {
                socket.receive(Duration.ofMillis(Datagrams.RESEND_MILLIS)).map(d -> burst.get(
                        new String(d.data(), StandardCharsets.US_ASCII))).ifPresent(arrived::add);
            }
            assertEquals(BURST, arrived.size(), "of " + BURST + " datagrams written to " + tun.name() + " at once, "
                    + (BURST - arrived.size()) + " never reached the far side: " + missing(arrived));
        }
    }

    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void required_aBurstOfDatagramsFromTheFarSideArrivesWhole() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = create();
        tun.up();
        tun.addAddress(s.v4Request(1, 24));
        Map<String, Integer> burst = burstPayloads("in", s);
        Set<Integer> arrived = new TreeSet<>();
        try (FarSocket socket = bind(s.v4(1))) {
            for (String data : burst.keySet()) {
                socket.send(data.getBytes(StandardCharsets.US_ASCII), new InetSocketAddress(s.v4(2), FAR_PORT));
            }
            try {
                await(tun, ByteBuffer.allocateDirect(tun.maxPacketSize()), p -> {
                    Ipv4Packet.tryParse(p).filter(ip -> ip.destination().equals(s.v4(2))).flatMap(Ipv4Packet::udp)
                            .map(u -> burst.get(new String(u.payload(), StandardCharsets.US_ASCII)))
                            .ifPresent(arrived::add);
                    return arrived.size() == BURST ? Optional.of(Boolean.TRUE) : Optional.empty();
                });
            } catch (AssertionError e) {
                throw new AssertionError("of " + BURST + " datagrams sent to " + tun.name() + " at once, "
                        + (BURST - arrived.size()) + " never arrived: " + missing(arrived), e);
            }
        }
    }

    /** {@value #BURST} distinct payloads and their numbers. */
    private static Map<String, Integer> burstPayloads(String direction, TestSubnet s) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < BURST; i++) {
            out.put(new String(payload("burst " + direction + " " + i, s), StandardCharsets.US_ASCII), i);
        }
        return out;
    }

    private static List<Integer> missing(Set<Integer> arrived) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            if (!arrived.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }
}
