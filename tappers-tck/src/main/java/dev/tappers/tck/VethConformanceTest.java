package dev.tappers.tck;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceExistsException;
import dev.tappers.DeviceState;
import dev.tappers.Feature;
import dev.tappers.FrameSocket;
import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;
import dev.tappers.NetworkNamespace;
import dev.tappers.NoSuchDeviceException;
import dev.tappers.Veth;
import dev.tappers.VethEnd;
import dev.tappers.VethOptions;
import dev.tappers.tck.packets.EthernetFrame;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.tappers.tck.NetworkInterfaceOracle.eventually;
import static dev.tappers.tck.NetworkInterfaceOracle.exists;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Conformance of vETH pairs: two namespaces joined by a pair the library creates and addresses carry a kernel UDP
 * exchange; a frame socket on one end sees that traffic and can inject frames; closing a created pair deletes
 * both ends, closing an opened one never does; names, MTU and MAC options take effect; bad names leave nothing.
 * The oracles are kernel sockets and the JDK's {@link java.net.NetworkInterface}, asked from inside each namespace.
 *
 * <pre>{@code
 * class LinuxVethConformanceTest extends VethConformanceTest {
 *     protected TappersProvider provider() { return new LinuxTappersProvider(); }
 * }
 * }</pre>
 */
@RequiresFeature(Feature.VETH)
public abstract class VethConformanceTest extends NamespaceTestBase {
    private static final String END_ADDRESS = "198.51.100.1";
    private static final String PEER_ADDRESS = "198.51.100.2";
    private static final int PREFIX = 24;

    protected VethConformanceTest() {
    }

    /** Two namespaces, and a pair made from inside the first with its peer created directly in the second. */
    private record Joined(NetworkNamespace a, NetworkNamespace b, Veth veth, String endName, String peerName) {
    }

    private Joined joined() throws Exception {
        NetworkNamespace a = anonymousNamespace();
        NetworkNamespace b = anonymousNamespace();
        String endName = freshName("tkva");
        String peerName = freshName("tkvb");
        Veth veth = track(a.call(() -> provider().createVeth(VethOptions.named(endName, peerName).withPeerNamespace(b))));
        return new Joined(a, b, veth, endName, peerName);
    }

    /** Addresses both ends and brings them up, from this thread: each step must land in its end's namespace. */
    private static void addressAndUp(Joined j) throws IOException {
        j.veth().end().addAddress(AddressRequest.parse(END_ADDRESS + "/" + PREFIX));
        j.veth().peer().addAddress(AddressRequest.parse(PEER_ADDRESS + "/" + PREFIX));
        j.veth().end().up();
        j.veth().peer().up();
    }

    @Test
    @RequiresFeature({Feature.NAMESPACES, Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void pairJoiningTwoNamespaces_carriesKernelUdpBothWays() throws Exception {
        Joined j = joined();
        VethEnd end = j.veth().end();
        VethEnd peer = j.veth().peer();
        assertTrue(j.veth().isCreatedByUs());
        assertEquals(j.endName(), end.name().value());
        assertEquals(j.peerName(), peer.name().value());
        assertEquals(Optional.of(j.b()), peer.namespace(), "the peer lives in the namespace it was created in");
        assertEquals(Optional.empty(), end.namespace(), "the first end lives where the pair was made");
        assertTrue(existsIn(j.a(), j.endName()) && !existsIn(j.a(), j.peerName()));
        assertTrue(existsIn(j.b(), j.peerName()) && !existsIn(j.b(), j.endName()));
        assertFalse(exists(j.endName()) || exists(j.peerName()), "nothing lands in the caller's namespace");

        addressAndUp(j);
        assertEquals(DeviceState.UP, end.state());
        assertEquals(DeviceState.UP, peer.state());
        Seen seenEnd = awaitSeen(j.a(), j.endName(), Seen::up, "up and running");
        Seen seenPeer = awaitSeen(j.b(), j.peerName(), Seen::up, "up and running");
        assertEquals(Set.of(END_ADDRESS + "/" + PREFIX), seenEnd.addresses());
        assertEquals(Set.of(PEER_ADDRESS + "/" + PREFIX), seenPeer.addresses());

        DatagramSocket inA = udpSocketIn(j.a(), InetAddress.getByName(END_ADDRESS));
        DatagramSocket inB = udpSocketIn(j.b(), InetAddress.getByName(PEER_ADDRESS));
        assertDatagramCrosses(inA, inB, payload("a to b"), "namespace a to namespace b over the pair");
        assertDatagramCrosses(inB, inA, payload("b to a"), "namespace b to namespace a over the pair");
    }

    @Test
    @RequiresFeature({Feature.NAMESPACES, Feature.IPV4_ADDRESSES, Feature.SET_STATE, Feature.FRAME_SOCKET, Feature.GET_MAC})
    void frameSocketOnOneEnd_seesTheUdpFrameCrossingThePair() throws Exception {
        Joined j = joined();
        addressAndUp(j);
        MacAddress endMac = j.veth().end().mac();
        MacAddress peerMac = j.veth().peer().mac();
        FrameSocket frames = track(j.veth().end().openFrameSocket());
        assertEquals(j.endName(), frames.interfaceName().value());
        frames.setNonBlocking(true);
        assertTrue(frames.isNonBlocking());

        DatagramSocket inA = udpSocketIn(j.a(), InetAddress.getByName(END_ADDRESS));
        DatagramSocket inB = udpSocketIn(j.b(), InetAddress.getByName(PEER_ADDRESS));
        byte[] payload = payload("seen on the wire");
        assertDatagramCrosses(inA, inB, payload, "namespace a to namespace b");

        int port = inB.getLocalPort();
        EthernetFrame frame = awaitFrame(frames, f -> udpTo(f, port).filter(u -> Arrays.equals(payload, u.payload())).isPresent());
        assertEquals(endMac, frame.source(), "the frame leaves the end with the end's address");
        assertEquals(peerMac, frame.destination(), "and goes to the peer's");
        assertEquals(EthernetFrame.TYPE_IPV4, frame.etherType());
        Ipv4Packet ip = Ipv4Packet.parse(frame.payload());
        assertEquals(InetAddress.getByName(END_ADDRESS), ip.source());
        assertEquals(InetAddress.getByName(PEER_ADDRESS), ip.destination());
    }

    @Test
    @RequiresFeature({Feature.NAMESPACES, Feature.IPV4_ADDRESSES, Feature.SET_STATE, Feature.FRAME_SOCKET, Feature.GET_MAC})
    void frameSentThroughAFrameSocket_reachesTheKernelOnTheOtherEnd() throws Exception {
        Joined j = joined();
        addressAndUp(j);
        // Opened by name from inside the end's namespace, the way any layer-2 interface is.
        FrameSocket frames = track(j.a().call(() -> provider().openFrameSocket(InterfaceName.of(j.endName()))));
        DatagramSocket inB = udpSocketIn(j.b(), InetAddress.getByName(PEER_ADDRESS));
        byte[] payload = payload("injected");
        Inet4Address from = (Inet4Address) InetAddress.getByName(END_ADDRESS);
        Inet4Address to = (Inet4Address) InetAddress.getByName(PEER_ADDRESS);
        byte[] ip = Ipv4Packet.udp(from, to, new UdpDatagram(40_123, inB.getLocalPort(), payload)).toBytes();
        byte[] frame = new EthernetFrame(j.veth().peer().mac(), j.veth().end().mac(), EthernetFrame.TYPE_IPV4, ip).toBytes();

        byte[] in = new byte[payload.length + 64];
        long deadline = System.nanoTime() + packetTimeout().toNanos();
        while (System.nanoTime() - deadline < 0) {
            ByteBuffer out = ByteBuffer.wrap(frame);
            assertEquals(frame.length, frames.send(out), "send takes the whole frame");
            assertEquals(frame.length, out.position());
            DatagramPacket p = new DatagramPacket(in, in.length);
            try {
                inB.receive(p);
            } catch (SocketTimeoutException e) {
                continue;
            }
            assertArrayEquals(payload, Arrays.copyOfRange(p.getData(), 0, p.getLength()));
            assertEquals(new InetSocketAddress(from, 40_123), p.getSocketAddress());
            return;
        }
        fail("the frame written to the frame socket on " + j.endName() + " did not reach the UDP socket in the peer's namespace");
    }

    @Test
    @RequiresFeature(Feature.FRAME_SOCKET)
    void frameSocketOnAMissingInterface_fails() {
        assertThrows(NoSuchDeviceException.class, () -> provider().openFrameSocket(InterfaceName.of(freshName("tkvx"))));
    }

    @Test
    @RequiresFeature(Feature.NAMESPACES)
    void closingACreatedPair_deletesBothEnds_inTheirNamespaces() throws Exception {
        Joined j = joined();
        Veth veth = j.veth();
        veth.close();
        eventuallyGoneFrom(j.a(), j.endName(), "closing a created pair deletes its first end");
        eventuallyGoneFrom(j.b(), j.peerName(), "closing a created pair deletes its peer");
        assertFalse(veth.end().isOpen());
        assertFalse(veth.peer().isOpen());
        assertThrows(ClosedChannelException.class, () -> veth.end().mtu());
        veth.close(); // twice is harmless
    }

    @Test
    @RequiresFeature({Feature.NAMESPACES, Feature.OPEN_EXISTING})
    void openingAPairByName_findsBothEnds_andClosingItNeverDeletes() throws Exception {
        NetworkNamespace a = anonymousNamespace();
        String one = freshName("tkvo");
        String two = freshName("tkvp");
        Veth created = track(a.call(() -> provider().createVeth(VethOptions.named(one, two))));

        Veth opened = a.call(() -> provider().openVeth(InterfaceName.of(one)));
        assertFalse(opened.isCreatedByUs());
        assertEquals(one, opened.end().name().value());
        assertEquals(two, opened.peer().name().value());
        assertEquals(created.end().index(), opened.end().index());
        assertEquals(created.peer().index(), opened.peer().index());
        opened.close();
        assertTrue(existsIn(a, one) && existsIn(a, two), "closing an opened pair leaves both ends");

        Veth byPeer = a.call(() -> provider().openVeth(InterfaceName.of(two)));
        assertEquals(two, byPeer.end().name().value(), "opened by the peer's name, the peer is the first end");
        assertEquals(one, byPeer.peer().name().value());
        byPeer.close();
        assertTrue(existsIn(a, one) && existsIn(a, two));

        created.close();
        eventuallyGoneFrom(a, one, "closing the created pair deletes it");
        eventuallyGoneFrom(a, two, "closing the created pair deletes it");
    }

    @Test
    @RequiresFeature({Feature.NAMESPACES, Feature.OPEN_EXISTING})
    void openingAPairWhosePeerIsInAnotherNamespace_findsThePeerThere() throws Exception {
        Joined j = joined();
        Veth opened = j.a().call(() -> provider().openVeth(InterfaceName.of(j.endName())));
        assertEquals(j.peerName(), opened.peer().name().value());
        assertEquals(j.veth().peer().index(), opened.peer().index());
        opened.close();
        assertTrue(existsIn(j.a(), j.endName()) && existsIn(j.b(), j.peerName()));
    }

    @Test
    @RequiresFeature({Feature.NAMESPACES, Feature.OPEN_EXISTING})
    void openingSomethingThatIsNotAVethEnd_fails() throws Exception {
        NetworkNamespace a = anonymousNamespace();
        assertThrows(IOException.class, () -> a.call(() -> provider().openVeth(InterfaceName.of("lo"))));
        assertThrows(NoSuchDeviceException.class, () -> a.call(() -> provider().openVeth(InterfaceName.of(freshName("tkvm")))));
    }

    @Test
    @RequiresFeature(Feature.NAMESPACES)
    void kernelPickedNames_giveTwoDistinctEnds() throws Exception {
        NetworkNamespace a = anonymousNamespace();
        Veth veth = track(a.call(() -> provider().createVeth(VethOptions.defaults())));
        String end = veth.end().name().value();
        String peer = veth.peer().name().value();
        assertNotEquals(end, peer);
        assertNotEquals(veth.end().index(), veth.peer().index());
        Set<String> inside = a.call(NetworkInterfaceOracle::procNetDevNames);
        assertTrue(inside.contains(end) && inside.contains(peer), inside + " should hold " + end + " and " + peer);
        veth.close();
        eventuallyGoneFrom(a, end, "closing deletes the kernel-named pair");
        eventuallyGoneFrom(a, peer, "closing deletes the kernel-named pair");
    }

    @Test
    @RequiresFeature({Feature.NAMESPACES, Feature.GET_MTU, Feature.SET_MTU, Feature.GET_MAC, Feature.SET_MAC, Feature.SET_STATE,
            Feature.IPV4_ADDRESSES})
    void mtuAndMacOptions_takeEffect_andEachEndIsConfigurable() throws Exception {
        NetworkNamespace a = anonymousNamespace();
        NetworkNamespace b = anonymousNamespace();
        String one = freshName("tkvm");
        String two = freshName("tkvn");
        MacAddress mac = MacAddress.randomLocal();
        MacAddress peerMac = MacAddress.randomLocal();
        Veth veth = track(a.call(() -> provider().createVeth(VethOptions.named(one, two).withMtu(1400)
                .withMac(mac).withPeerMac(peerMac).withPeerNamespace(b))));

        assertEquals(1400, veth.end().mtu());
        assertEquals(1400, veth.peer().mtu());
        assertEquals(mac, veth.end().mac());
        assertEquals(peerMac, veth.peer().mac());
        // NetworkInterface lists only interfaces with an address: give each one (from this thread).
        veth.end().addAddress(AddressRequest.parse(END_ADDRESS + "/" + PREFIX));
        veth.peer().addAddress(AddressRequest.parse(PEER_ADDRESS + "/" + PREFIX));
        Seen seenOne = seenIn(a, one);
        Seen seenTwo = seenIn(b, two);
        assertEquals(1400, seenOne.mtu());
        assertEquals(1400, seenTwo.mtu());
        assertEquals(mac, MacAddress.of(seenOne.mac()));
        assertEquals(peerMac, MacAddress.of(seenTwo.mac()));
        assertFalse(seenTwo.up());

        MacAddress changed = MacAddress.randomLocal();
        veth.peer().setMac(changed);
        veth.peer().setMtu(1300);
        veth.peer().up();
        veth.end().up(); // NetworkInterface calls an end up only while it has carrier, which takes both ends up
        Seen after = awaitSeen(b, two, Seen::up, "up and running");
        assertEquals(changed, MacAddress.of(after.mac()));
        assertEquals(1300, after.mtu());
        assertEquals(DeviceState.UP, veth.peer().state());
        assertEquals(changed, veth.peer().mac());
        assertThrows(IllegalArgumentException.class, () -> veth.end().setMac(MacAddress.parse("01:00:5e:00:00:01")));
    }

    @Test
    void peerNameEqualToTheFirstName_isRefused_andLeavesNothing() throws Exception {
        String name = freshName("tkvs");
        assertThrows(IllegalArgumentException.class, () -> VethOptions.named(name, name));
        InterfaceName n = InterfaceName.of(name);
        assertThrows(IllegalArgumentException.class, () -> VethOptions.defaults().withName(n).withPeerName(n));
        assertThrows(IllegalArgumentException.class, () -> VethOptions.defaults().withPeerName(n).withName(n));
        assertFalse(exists(name));
    }

    @Test
    @RequiresFeature(Feature.NAMESPACES)
    void aPeerNameThatIsTaken_failsAndLeavesNoHalfMadePair() throws Exception {
        NetworkNamespace a = anonymousNamespace();
        String name = freshName("tkvt");
        Set<String> before = a.call(NetworkInterfaceOracle::procNetDevNames);
        DeviceExistsException e = assertThrows(DeviceExistsException.class,
                () -> a.call(() -> provider().createVeth(VethOptions.named(name, "lo"))),
                "creating a pair whose peer name \"lo\" is taken");
        assertTrue(Pattern.compile("(?<![A-Za-z0-9_.-])lo(?![A-Za-z0-9_.-])").matcher(e.getMessage()).find(),
                "the message does not name the taken name lo: " + e.getMessage());
        assertEquals(before, a.call(NetworkInterfaceOracle::procNetDevNames), "nothing was left behind: " + e);
    }

    @Test
    @RequiresFeature(Feature.NAMESPACES)
    void deleteOnAnEnd_deletesThePair_evenWhenItWasOnlyOpened() throws Exception {
        NetworkNamespace a = anonymousNamespace();
        String one = freshName("tkvd");
        String two = freshName("tkve");
        track(a.call(() -> provider().createVeth(VethOptions.named(one, two))));
        Veth opened = a.call(() -> provider().openVeth(InterfaceName.of(one)));
        opened.peer().delete();
        assertFalse(opened.end().isOpen(), "delete closes the pair");
        eventuallyGoneFrom(a, one, "delete removes both ends");
        eventuallyGoneFrom(a, two, "delete removes both ends");
    }

    // ---- frames ---------------------------------------------------------------------------------------------

    /** Receives frames, nonblocking, until one passes {@code wanted}; fails after the packet timeout. */
    private EthernetFrame awaitFrame(FrameSocket frames, java.util.function.Predicate<EthernetFrame> wanted) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_535 + 18);
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + packetTimeout().toNanos();
        for (int i = 0; i < 100_000 && System.nanoTime() - deadline < 0; i++) {
            buffer.clear();
            int n = frames.receive(buffer);
            if (n == 0) {
                NetworkInterfaceOracle.sleep(POLL_MILLIS);
                continue;
            }
            assertEquals(n, buffer.position(), "receive returns the frame's length and moves the position past it");
            buffer.flip();
            Optional<EthernetFrame> f = EthernetFrame.tryParse(buffer);
            if (f.isPresent()) {
                if (wanted.test(f.get())) {
                    return f.get();
                }
                seen.add(f.get().toString());
            }
        }
        fail("the wanted frame did not arrive on the frame socket of " + frames.interfaceName() + " within "
                + packetTimeout().toMillis() + " ms; seen: " + seen);
        throw new AssertionError("unreachable");
    }

    private static Optional<UdpDatagram> udpTo(EthernetFrame f, int port) {
        if (f.etherType() != EthernetFrame.TYPE_IPV4) {
            return Optional.empty();
        }
        return Ipv4Packet.tryParse(f.payload()).flatMap(Ipv4Packet::udp).filter(u -> u.destinationPort() == port);
    }

    /** A pair made in the caller's namespace: both ends here, in no other namespace, the same objects each time. */
    @Test
    void pairMadeHere_hasBothEndsHere() throws Exception {
        String one = freshName("tkvq");
        String two = freshName("tkvr");
        Veth veth = track(provider().createVeth(VethOptions.named(one, two)));
        assertTrue(exists(one) && exists(two));
        assertSame(veth.end(), veth.end());
        assertSame(veth.peer(), veth.peer());
        assertEquals(Optional.empty(), veth.end().namespace());
        assertEquals(Optional.empty(), veth.peer().namespace());
        veth.close();
        eventually(() -> !exists(one) && !exists(two), () -> "closing deletes " + one + " and " + two);
    }
}
