package dev.tappers.tck;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.DeviceState;
import dev.tappers.Feature;
import dev.tappers.MultiQueue;
import dev.tappers.NetworkNamespace;
import dev.tappers.Tun;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import java.util.Set;

import static dev.tappers.tck.NetworkInterfaceOracle.eventually;
import static dev.tappers.tck.NetworkInterfaceOracle.exists;
import static dev.tappers.tck.NetworkInterfaceOracle.texts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conformance of {@link dev.tappers.NetworkDevice#moveTo}: the interface leaves the caller's namespace and appears
 * in the target, and the object follows it, so that configuration from any thread acts in the target, by the
 * index the interface has there, and its descriptor still carries packets. A namespace closed or deleted is
 * refused with nothing moved. The oracle is the JDK's {@link NetworkInterface} and {@code /proc/thread-self/net/dev}
 * asked from a thread inside each namespace, and kernel UDP sockets opened there.
 *
 * <pre>{@code
 * class LinuxDeviceMoveConformanceTest extends DeviceMoveConformanceTest {
 *     protected TappersProvider provider() { return new LinuxTappersProvider(); }
 * }
 * }</pre>
 */
@RequiresFeature({Feature.NAMESPACES, Feature.TUN})
public abstract class DeviceMoveConformanceTest extends NamespaceTestBase {
    /** The moved TUN's address; every test makes its own namespaces, so tests never share one. */
    static final String TUN_ADDRESS = "198.51.100.40";
    /** A host behind the TUN: packets "from" it are written to the TUN's descriptor. */
    static final String FAR_ADDRESS = "198.51.100.41";
    static final int FAR_PORT = 40_140;

    protected DeviceMoveConformanceTest() {
    }

    /** A TUN made in the caller's namespace and moved into a fresh one; both closed after the test. */
    private record Moved(NetworkNamespace ns, String name, Tun tun) {
    }

    private Moved moveAFreshTun(String prefix) throws Exception {
        NetworkNamespace ns = anonymousNamespace();
        String name = freshName(prefix);
        Tun tun = track(provider().createTun(DeviceOptions.named(name)));
        assertTrue(exists(name), name + " is made in the caller's namespace first");
        tun.moveTo(ns);
        return new Moved(ns, name, tun);
    }

    @Test
    void required_aMovedTunLeavesTheCallersNamespaceAndAppearsInTheTarget() throws Exception {
        Moved m = moveAFreshTun("tkmv");
        eventually(() -> !exists(m.name()), () -> m.name() + " is still in the caller's namespace after moveTo");
        assertTrue(existsIn(m.ns(), m.name()), m.name() + " is not in the target namespace after moveTo");
        assertTrue(m.tun().isOpen(), "moving keeps the device open");
        assertEquals(m.name(), m.tun().name().value(), "moving keeps the name");

        m.tun().close();
        eventuallyGoneFrom(m.ns(), m.name(), "closing the moved device removes it from the target");
    }

    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.SET_STATE, Feature.SET_MTU})
    void required_aMovedTunIsConfiguredInsideTheTargetFromTheCallersThread() throws Exception {
        Moved m = moveAFreshTun("tkmc");
        Tun tun = m.tun();
        // This thread is in the caller's namespace, where the interface no longer is.
        tun.setMtu(1400);
        tun.addAddress(AddressRequest.parse(TUN_ADDRESS + "/24"));
        tun.up();
        assertEquals(DeviceState.UP, tun.state(), "state() reads the moved interface");
        assertEquals(1400, tun.mtu(), "mtu() reads the moved interface");
        assertTrue(texts(tun.addresses()).contains(TUN_ADDRESS + "/24"), "addresses() lists " + tun.addresses());

        Seen seen = awaitSeen(m.ns(), m.name(), Seen::up, "up and running");
        assertEquals(1400, seen.mtu(), "the MTU was set inside the target");
        assertEquals(Set.of(TUN_ADDRESS + "/24"), seen.addresses(), "the address was added inside the target");
        assertFalse(NetworkInterfaceOracle.find(m.name()).isPresent(),
                "the caller's NetworkInterface still lists " + m.name());
        assertEquals(tun.index(), (int) m.ns().call(() -> NetworkInterface.getByName(m.name()).getIndex()),
                "index() is the index the interface has inside the target");
    }

    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void required_aMovedTunStillCarriesPacketsBothWaysInsideTheTarget() throws Exception {
        Moved m = moveAFreshTun("tkmp");
        Tun tun = m.tun();
        tun.addAddress(AddressRequest.parse(TUN_ADDRESS + "/24"));
        tun.up();
        Inet4Address near = (Inet4Address) InetAddress.getByName(TUN_ADDRESS);
        Inet4Address far = (Inet4Address) InetAddress.getByName(FAR_ADDRESS);
        DatagramSocket socket = udpSocketIn(m.ns(), near);

        // Into the kernel: written to the descriptor, received by a socket inside the target.
        byte[] in = payload("into the moved tun");
        byte[] packet = Ipv4Packet.udp(far, near, new UdpDatagram(FAR_PORT, socket.getLocalPort(), in)).toBytes();
        DatagramPacket arrived = Datagrams.deliver(() -> assertEquals(packet.length, tun.send(ByteBuffer.wrap(packet))),
                socket, "a packet written to the moved " + m.name(), packetTimeout());
        assertArrayEquals(in, Datagrams.data(arrived), "the datagram written to the moved TUN");
        assertEquals(new InetSocketAddress(far, FAR_PORT), arrived.getSocketAddress());

        // Out of the kernel: sent by the socket inside the target, read from the descriptor.
        byte[] out = payload("out of the moved tun");
        socket.send(new DatagramPacket(out, out.length, new InetSocketAddress(far, FAR_PORT)));
        Ipv4Packet got = PacketWaiter.await(tun, ByteBuffer.allocateDirect(tun.maxPacketSize()), packetTimeout(),
                p -> Ipv4Packet.tryParse(p).filter(ip -> ip.destination().equals(far)
                        && ip.protocol() == Ipv4Packet.PROTOCOL_UDP), p -> p.length + " bytes");
        assertEquals(near, got.source(), "the datagram leaves from the address inside the target");
        assertArrayEquals(out, UdpDatagram.parse(got.payload()).payload());
    }

    /**
     * Both TUNs are the first device of a fresh namespace, so a provider that hands out indexes per namespace
     * (Linux does) gives them the same one, and the moved TUN must take another in the target. Its address must
     * land on it, not on the resident interface that holds its old index.
     */
    @Test
    @RequiresFeature({Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void required_aTunMovedWhereItsIndexIsTakenIsConfiguredByItsIndexThere() throws Exception {
        NetworkNamespace from = anonymousNamespace();
        NetworkNamespace to = anonymousNamespace();
        String movedName = freshName("tkmi");
        String residentName = freshName("tkmr");
        Tun moved = track(from.call(() -> provider().createTun(DeviceOptions.named(movedName))));
        Tun resident = track(to.call(() -> provider().createTun(DeviceOptions.named(residentName))));
        int before = moved.index();

        moved.moveTo(to);

        assertNotEquals(resident.index(), moved.index(), "two interfaces of one namespace share an index");
        if (before == resident.index()) {
            assertNotEquals(before, moved.index(), "the index was taken in the target, yet index() did not change");
        }
        moved.addAddress(AddressRequest.parse(TUN_ADDRESS + "/24"));
        moved.up();
        assertEquals(Set.of(), texts(resident.addresses()), "the address went to " + residentName
                + ", which holds the moved interface's old index");
        Seen seen = awaitSeen(to, movedName, Seen::up, "up and running");
        assertEquals(Set.of(TUN_ADDRESS + "/24"), seen.addresses());
        assertEquals(moved.index(), (int) to.call(() -> NetworkInterface.getByName(movedName).getIndex()),
                "index() is the index the interface has inside the target");
        assertFalse(existsIn(from, movedName), movedName + " is still in the namespace it was moved from");
    }

    @Test
    void required_movingIntoAClosedOrDeletedNamespaceFailsAndMovesNothing() throws Exception {
        NetworkNamespace named = provider().createNamespace(freshNamespaceName());
        named.delete();
        NetworkNamespace closed = provider().createNamespace(null);
        closed.close();
        String name = freshName("tkmd");
        Tun tun = track(provider().createTun(DeviceOptions.named(name)));
        int index = tun.index();

        for (NetworkNamespace gone : new NetworkNamespace[] {named, closed}) {
            IOException e = assertThrows(IOException.class, () -> tun.moveTo(gone), "moveTo " + gone);
            assertTrue(exists(name), name + " left the caller's namespace though the move failed: " + e);
            assertEquals(index, tun.index(), "a failed move changed index()");
            assertTrue(tun.mtu() > 0, "the device is still configured where it is");
        }
    }

    @Test
    @RequiresFeature({Feature.PERSISTENCE, Feature.OPEN_EXISTING})
    void required_aClosedDeviceIsNotMoved_andNoNamespaceIsRefused() throws Exception {
        NetworkNamespace ns = anonymousNamespace();
        String name = freshName("tkmn");
        Tun tun = track(provider().createTun(DeviceOptions.named(name).withPersistent(true)));
        assertThrows(NullPointerException.class, () -> tun.moveTo(null));
        tun.close();
        try {
            assertThrows(ClosedChannelException.class, () -> tun.moveTo(ns));
            assertTrue(exists(name), name + " moved through a closed handle");
            assertFalse(existsIn(ns, name));
        } finally {
            provider().openTun(tun.name()).delete();
        }
    }

    @Test
    @RequiresFeature({Feature.MULTI_QUEUE, Feature.IPV4_ADDRESSES, Feature.SET_STATE, Feature.SET_MTU})
    void required_everyQueueOfAMovedMultiQueueDeviceFollowsIt() throws Exception {
        NetworkNamespace ns = anonymousNamespace();
        String name = freshName("tkmq");
        MultiQueue<Tun> mq = track(provider().createMultiQueueTun(DeviceOptions.named(name), 2));
        mq.queues().get(0).moveTo(ns);
        assertTrue(existsIn(ns, name), name + " is not in the target namespace");

        Tun other = mq.queues().get(1);
        other.addAddress(AddressRequest.parse(TUN_ADDRESS + "/24"));
        other.setMtu(1300);
        other.up();
        Seen seen = awaitSeen(ns, name, Seen::up, "up and running");
        assertEquals(1300, seen.mtu(), "the MTU set through the queue that did not move the device");
        assertEquals(Set.of(TUN_ADDRESS + "/24"), seen.addresses());
        assertEquals(mq.queues().get(0).index(), other.index(), "the queues disagree on the index");

        mq.close();
        eventuallyGoneFrom(ns, name, "closing every queue removes the moved device");
        assertEquals(Optional.empty(), NetworkInterfaceOracle.find(name));
    }
}
