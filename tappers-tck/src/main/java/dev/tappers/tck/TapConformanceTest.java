package dev.tappers.tck;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;
import dev.tappers.Tap;
import dev.tappers.tck.packets.ArpPacket;
import dev.tappers.tck.packets.EthernetFrame;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.Ipv6Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conformance of TAP devices: the tests every device kind shares, plus the MAC address and the Ethernet data
 * path both ways (answering the kernel's ARP request, then receiving its UDP frame; and a frame written to the
 * TAP reaching a kernel UDP socket).
 *
 * <pre>{@code
 * class LinuxTapConformanceTest extends TapConformanceTest {
 *     protected TappersProvider provider() { return new LinuxTappersProvider(); }
 * }
 * }</pre>
 */
@RequiresFeature(Feature.TAP)
public abstract class TapConformanceTest extends AbstractDeviceConformanceTest<Tap> {
    /** The source port of datagrams the tests write into the TAP. */
    private static final int NEAR_PORT = 40_001;

    protected TapConformanceTest() {
    }

    @Override
    final Feature kind() {
        return Feature.TAP;
    }

    @Override
    final Tap createDevice(DeviceOptions options) throws IOException {
        return provider().createTap(options);
    }

    @Override
    final Tap openDevice(InterfaceName name) throws IOException {
        return provider().openTap(name);
    }

    @Override
    final byte[] samplePacket(Tap device, TestSubnet s) throws IOException {
        MacAddress to = supports(Feature.GET_MAC) ? device.mac() : MacAddress.randomLocal();
        byte[] ip = Ipv4Packet.udp(s.v4(2), s.v4(1), new UdpDatagram(NEAR_PORT, FAR_PORT, payload("sample", s))).toBytes();
        return new EthernetFrame(to, MacAddress.randomLocal(), EthernetFrame.TYPE_IPV4, ip).toBytes();
    }

    @Override
    final boolean networkInterfaceShowsBroadcast() {
        return true; // an Ethernet-like device has IFF_BROADCAST
    }

    @Override
    final List<ClosedOperation> kindOperations(Tap device, TestSubnet subnet) {
        return List.of(new ClosedOperation("mac()", Feature.GET_MAC, device::mac),
                new ClosedOperation("setMac(random)", Feature.SET_MAC, () -> device.setMac(MacAddress.randomLocal())));
    }

    @Override
    final String describe(byte[] frame) {
        if (frame.length < EthernetFrame.HEADER_LENGTH) {
            return frame.length + "-byte runt";
        }
        EthernetFrame f = EthernetFrame.parse(frame);
        String inner;
        switch (f.etherType()) {
            case EthernetFrame.TYPE_ARP:
                inner = ArpPacket.fromFrame(ByteBuffer.wrap(frame)).map(Object::toString).orElse("malformed ARP");
                break;
            case EthernetFrame.TYPE_IPV4:
                inner = Ipv4Packet.tryParse(f.payload()).map(ip -> ip + ip.udp().map(u -> " " + u).orElse(""))
                        .orElse("malformed IPv4");
                break;
            case EthernetFrame.TYPE_IPV6:
                inner = Ipv6Packet.tryParse(f.payload()).map(Object::toString).orElse("malformed IPv6");
                break;
            default:
                inner = "";
        }
        return f + (inner.isEmpty() ? "" : ": " + inner);
    }

    // ---- MAC address ----------------------------------------------------------------------------------------

    @Test
    @RequiresFeature(Feature.GET_MAC)
    void required_macMatchesNetworkInterfaceAndIsUnicast() throws IOException {
        Tap tap = create();
        InterfaceView ni = visible(tap, TestSubnet.next());
        MacAddress mac = tap.mac();
        assertFalse(mac.isMulticast(), "the TAP's MAC " + mac + " is a group address");
        assertEquals(mac, hardwareAddress(ni), "mac() disagrees with " + ni);
    }

    @Test
    @RequiresFeature({Feature.SET_MAC, Feature.GET_MAC})
    void required_setMacShowsInMacAndNetworkInterface() throws IOException {
        Tap tap = create();
        InterfaceView ni = visible(tap, TestSubnet.next());
        MacAddress wanted;
        do {
            wanted = MacAddress.randomLocal();
        } while (wanted.equals(tap.mac()));
        tap.setMac(wanted);
        assertEquals(wanted, tap.mac(), "mac() after setMac(" + wanted + ")");
        assertEquals(wanted, hardwareAddress(ni), "the MAC " + ni + " reports after setMac");
    }

    @Test
    @RequiresFeature({Feature.SET_MAC, Feature.GET_MAC})
    void required_multicastMacIsRejected() throws IOException {
        Tap tap = create();
        MacAddress before = tap.mac();
        MacAddress multicast = MacAddress.parse("03:00:5e:00:00:01");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tap.setMac(multicast));
        assertTrue(e.getMessage().contains(multicast.toString()), "the message does not name " + multicast + ": " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tap.setMac(EthernetFrame.BROADCAST));
        assertEquals(before, tap.mac(), "a rejected setMac changed the MAC");
    }

    // ---- the data path --------------------------------------------------------------------------------------

    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.SET_STATE, Feature.GET_MAC})
    void required_kernelUdpArrivesAsAFrameAfterTheArpRequestIsAnswered() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tap tap = create();
        tap.up();
        tap.addAddress(s.v4Request(1, 24));
        MacAddress tapMac = tap.mac();
        MacAddress peerMac = otherThan(tapMac);
        byte[] payload = payload("kernel to TAP", s);
        List<ArpPacket> requests = Collections.synchronizedList(new ArrayList<>());
        List<EthernetFrame> requestFrames = Collections.synchronizedList(new ArrayList<>());
        try (FarSocket socket = bind(s.v4(1))) {
            // The kernel must learn who has .2 first: it asks with ARP and holds the datagram until answered.
            socket.send(payload, new InetSocketAddress(s.v4(2), FAR_PORT));
            EthernetFrame frame = await(tap, ByteBuffer.allocateDirect(tap.maxPacketSize()), raw -> {
                EthernetFrame f = EthernetFrame.parse(raw);
                Optional<ArpPacket> arp = ArpPacket.fromFrame(ByteBuffer.wrap(raw));
                if (arp.isPresent() && arp.get().isRequest() && arp.get().targetIp().equals(s.v4(2))) {
                    requests.add(arp.get());
                    requestFrames.add(f);
                    sendAll(tap, ByteBuffer.wrap(arp.get().answer(peerMac).toFrame().toBytes()));
                    return Optional.empty();
                }
                if (f.etherType() == EthernetFrame.TYPE_IPV4 && Ipv4Packet.tryParse(f.payload())
                        .filter(ip -> ip.destination().equals(s.v4(2)) && ip.udp().isPresent()).isPresent()) {
                    return Optional.of(f);
                }
                return Optional.empty();
            });
            assertFalse(requests.isEmpty(), "the UDP frame came without an ARP request before it");
            ArpPacket request = requests.get(0);
            assertEquals(s.v4(1), request.senderIp(), "the ARP request's sender address");
            assertEquals(tapMac, request.senderMac(), "the ARP request's sender MAC is not the TAP's");
            assertEquals(tapMac, requestFrames.get(0).source(), "the ARP request frame's source MAC is not the TAP's");

            assertEquals(peerMac, frame.destination(), "the UDP frame is not addressed to the MAC the ARP reply gave");
            assertEquals(tapMac, frame.source(), "the UDP frame's source MAC is not the TAP's");
            Ipv4Packet ip = Ipv4Packet.parse(frame.payload());
            assertTrue(Ipv4Packet.headerChecksumValid(frame.payload()), "the IPv4 header checksum is wrong: " + ip);
            assertEquals(s.v4(1), ip.source(), "source address");
            UdpDatagram udp = ip.udp().orElseThrow();
            assertEquals(socket.localPort(), udp.sourcePort(), "UDP source port");
            assertEquals(FAR_PORT, udp.destinationPort(), "UDP destination port");
            assertArrayEquals(payload, udp.payload(), "UDP payload");
        }
    }

    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.SET_STATE, Feature.GET_MAC})
    void required_udpFrameWrittenToTheTapReachesAKernelSocket() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tap tap = create();
        tap.up();
        tap.addAddress(s.v4Request(1, 24));
        MacAddress tapMac = tap.mac();
        byte[] payload = payload("TAP to kernel", s);
        try (FarSocket socket = bind(s.v4(1))) {
            byte[] ip = Ipv4Packet.udp(s.v4(2), s.v4(1), new UdpDatagram(NEAR_PORT, socket.localPort(), payload)).toBytes();
            byte[] frame = new EthernetFrame(tapMac, otherThan(tapMac), EthernetFrame.TYPE_IPV4, ip).toBytes();
            FarSocket.Datagram got = deliver(tap, () -> direct(frame), socket, "a UDP frame written to " + tap.name());
            assertArrayEquals(payload, got.data(), "the datagram's data");
            assertEquals(new InetSocketAddress(s.v4(2), NEAR_PORT), got.sender(), "the datagram's sender");
        }
    }

    private static MacAddress hardwareAddress(InterfaceView ni) {
        return MacAddress.of(ni.hardwareAddress().orElseThrow(() -> new AssertionError(ni + " reports no MAC")));
    }

    private static MacAddress otherThan(MacAddress mac) {
        MacAddress other;
        do {
            other = MacAddress.randomLocal();
        } while (other.equals(mac));
        return other;
    }
}
