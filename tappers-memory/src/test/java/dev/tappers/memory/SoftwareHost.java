package dev.tappers.memory;

import dev.tappers.AddressInfo;
import dev.tappers.DeviceState;
import dev.tappers.InterfaceKind;
import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;
import dev.tappers.tck.FarSocket;
import dev.tappers.tck.packets.ArpPacket;
import dev.tappers.tck.packets.EthernetFrame;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.Ipv6Packet;
import dev.tappers.tck.packets.UdpDatagram;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The part a kernel plays in the TCK's data-path tests, for the in-memory network: UDP sockets on the addresses
 * the tests give the devices, routing to the interface whose subnet holds the destination, and, for a TAP, ARP
 * (it asks who has the destination and holds the datagram until answered, as a kernel does). It sits on the
 * devices' {@link HostPort}s and reads the network's records, never the device objects.
 *
 * <p>What it does not do: IPv6 neighbour discovery (IPv6 goes over TUN only), fragments, ICMP, checksum checks
 * beyond the IPv4 header.
 */
final class SoftwareHost {
    /** The first ephemeral port, as Linux's default ip_local_port_range starts. */
    private static final int FIRST_EPHEMERAL_PORT = 32768;
    private static final int LAST_EPHEMERAL_PORT = 60999;
    /** Datagrams a socket keeps before dropping, like a full receive buffer. */
    private static final int SOCKET_QUEUE = 1000;

    private final MemoryNetwork network;
    private final Map<String, HostSocket> sockets = new ConcurrentHashMap<>();
    private final AtomicInteger nextPort = new AtomicInteger(FIRST_EPHEMERAL_PORT);
    /** Per TAP: IPv4 address to MAC, learned from ARP replies. */
    private final Map<InterfaceName, Map<InetAddress, MacAddress>> neighbours = new ConcurrentHashMap<>();
    /** Per TAP: frames waiting for an ARP reply, by the address asked for. */
    private final Map<InterfaceName, Map<InetAddress, List<byte[]>>> waiting = new ConcurrentHashMap<>();

    SoftwareHost(MemoryNetwork network) {
        this.network = network;
    }

    FarSocket bind(InetAddress local, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            Optional<InterfaceSnapshot> owner = network.interfaces().stream()
                    .filter(i -> i.addresses().stream().anyMatch(a -> a.address().equals(local))).findFirst();
            if (owner.isPresent()) {
                InterfaceName name = owner.get().name();
                network.hostPort(name).onSent(packet -> fromDevice(name, packet));
                int port = freePort(local);
                HostSocket socket = new HostSocket(local, port);
                sockets.put(key(local, port), socket);
                return socket;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no interface of the in-memory network has " + local.getHostAddress()
                        + " within " + timeout.toMillis() + " ms: cannot bind a socket to it");
            }
            Thread.sleep(10);
        }
    }

    private int freePort(InetAddress local) {
        for (int tries = 0; tries <= LAST_EPHEMERAL_PORT - FIRST_EPHEMERAL_PORT; tries++) {
            int port = nextPort.getAndUpdate(p -> p >= LAST_EPHEMERAL_PORT ? FIRST_EPHEMERAL_PORT : p + 1);
            if (!sockets.containsKey(key(local, port))) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on " + local.getHostAddress());
    }

    private static String key(InetAddress address, int port) {
        return HexFormat.of().formatHex(address.getAddress()) + ":" + port;
    }

    // ---- out: a socket sends --------------------------------------------------------------------------------

    private void send(InetAddress local, int port, byte[] data, InetSocketAddress to) throws IOException {
        InetAddress target = to.getAddress();
        InterfaceSnapshot via = route(target).orElseThrow(() -> new IOException("send to " + to + ": network is "
                + "unreachable: no interface of the in-memory network that is up has a subnet holding it"));
        UdpDatagram udp = new UdpDatagram(port, to.getPort(), data);
        byte[] ip;
        if (target instanceof Inet4Address v4 && local instanceof Inet4Address local4) {
            ip = Ipv4Packet.udp(local4, v4, udp).toBytes();
        } else if (target instanceof Inet6Address v6 && local instanceof Inet6Address local6) {
            ip = Ipv6Packet.udp(local6, v6, udp).toBytes();
        } else {
            throw new IOException("send to " + to + " from " + local + ": the address families differ");
        }
        HostPort out = network.hostPort(via.name());
        if (via.kind() == InterfaceKind.TUN) {
            out.inject(ip);
            return;
        }
        if (!(target instanceof Inet4Address v4)) {
            throw new IOException("send to " + to + " over TAP " + via.name() + ": the software host does no IPv6 "
                    + "neighbour discovery");
        }
        MacAddress mac = via.mac().orElseThrow();
        MacAddress known = neighbours.computeIfAbsent(via.name(), n -> new ConcurrentHashMap<>()).get(v4);
        if (known != null) {
            out.inject(new EthernetFrame(known, mac, EthernetFrame.TYPE_IPV4, ip).toBytes());
            return;
        }
        waiting.computeIfAbsent(via.name(), n -> new ConcurrentHashMap<>())
                .computeIfAbsent(v4, a -> java.util.Collections.synchronizedList(new ArrayList<>())).add(ip);
        out.inject(ArpPacket.request(mac, (Inet4Address) local, v4).toFrame().toBytes());
    }

    /** The interface that is up with an address whose subnet (or point-to-point peer) holds {@code target}. */
    private Optional<InterfaceSnapshot> route(InetAddress target) {
        for (InterfaceSnapshot i : network.interfaces()) {
            if (i.state() != DeviceState.UP) {
                continue;
            }
            for (AddressInfo a : i.addresses()) {
                if (a.destination().map(target::equals).orElse(false) || sameSubnet(a.address(), target, a.prefixLength())) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean sameSubnet(InetAddress a, InetAddress b, int prefix) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((x[bit / 8] & mask) != (y[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    // ---- in: a device sends ---------------------------------------------------------------------------------

    private void fromDevice(InterfaceName name, byte[] packet) {
        Optional<InterfaceSnapshot> iface = network.find(name);
        if (iface.isEmpty()) {
            return;
        }
        if (iface.get().kind() == InterfaceKind.TUN) {
            fromIp(packet);
            return;
        }
        Optional<EthernetFrame> frame = EthernetFrame.tryParse(ByteBuffer.wrap(packet));
        MacAddress mac = iface.get().mac().orElseThrow();
        if (frame.isEmpty() || !(frame.get().destination().equals(mac) || frame.get().destination().equals(EthernetFrame.BROADCAST))) {
            return; // not for this host: a kernel drops it too, unless promiscuous
        }
        switch (frame.get().etherType()) {
            case EthernetFrame.TYPE_ARP -> ArpPacket.fromFrame(ByteBuffer.wrap(packet)).ifPresent(arp -> fromArp(iface.get(), arp));
            case EthernetFrame.TYPE_IPV4, EthernetFrame.TYPE_IPV6 -> fromIp(frame.get().payload());
            default -> { }
        }
    }

    private void fromArp(InterfaceSnapshot iface, ArpPacket arp) {
        MacAddress mac = iface.mac().orElseThrow();
        boolean ours = iface.addresses().stream().anyMatch(a -> a.address().equals(arp.targetIp()));
        if (arp.isRequest() && ours) {
            try {
                network.hostPort(iface.name()).inject(arp.answer(mac).toFrame().toBytes());
            } catch (IOException e) {
                return; // the interface went away meanwhile
            }
            return;
        }
        if (arp.isReply() && ours) {
            neighbours.computeIfAbsent(iface.name(), n -> new ConcurrentHashMap<>()).put(arp.senderIp(), arp.senderMac());
            List<byte[]> held = waiting.getOrDefault(iface.name(), Map.of()).remove(arp.senderIp());
            if (held == null) {
                return;
            }
            try {
                HostPort out = network.hostPort(iface.name());
                synchronized (held) {
                    for (byte[] ip : held) {
                        out.inject(new EthernetFrame(arp.senderMac(), mac, EthernetFrame.TYPE_IPV4, ip).toBytes());
                    }
                }
            } catch (IOException e) {
                // the interface went away meanwhile
            }
        }
    }

    private void fromIp(byte[] packet) {
        Optional<Ipv4Packet> v4 = Ipv4Packet.tryParse(packet);
        if (v4.isPresent()) {
            if (Ipv4Packet.headerChecksumValid(packet)) { // a kernel drops a packet with a bad header checksum
                v4.get().udp().ifPresent(u -> toSocket(v4.get().source(), v4.get().destination(), u));
            }
            return;
        }
        Ipv6Packet.tryParse(packet).ifPresent(v6 -> v6.udp().ifPresent(u -> toSocket(v6.source(), v6.destination(), u)));
    }

    private void toSocket(InetAddress source, InetAddress destination, UdpDatagram udp) {
        HostSocket socket = sockets.get(key(destination, udp.destinationPort()));
        if (socket != null) {
            socket.queue.offer(new FarSocket.Datagram(udp.payload(), new InetSocketAddress(source, udp.sourcePort())));
        }
    }

    /** A UDP socket of the software host. */
    private final class HostSocket implements FarSocket {
        private final InetAddress local;
        private final int port;
        final BlockingQueue<Datagram> queue = new LinkedBlockingQueue<>(SOCKET_QUEUE);

        HostSocket(InetAddress local, int port) {
            this.local = local;
            this.port = port;
        }

        @Override
        public int localPort() {
            return port;
        }

        @Override
        public void send(byte[] data, InetSocketAddress to) throws IOException {
            SoftwareHost.this.send(local, port, data, to);
        }

        @Override
        public Optional<Datagram> receive(Duration timeout) throws IOException {
            try {
                return Optional.ofNullable(queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("receive on " + this);
            }
        }

        @Override
        public void close() {
            sockets.remove(key(local, port), this);
        }

        @Override
        public String toString() {
            return "software host UDP socket " + local.getHostAddress() + ":" + port;
        }
    }
}
