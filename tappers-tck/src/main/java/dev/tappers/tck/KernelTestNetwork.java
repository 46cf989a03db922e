package dev.tappers.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kernel as the far side and the oracle: the {@link HermeticNetwork} guard, kernel UDP sockets, and the JDK's
 * {@link NetworkInterface} with {@code /proc/net/dev}. What every conformance test uses unless the provider's test
 * supplies another {@link TestNetwork}.
 */
public final class KernelTestNetwork implements TestNetwork {
    /** The one instance: the kernel has no state of its own here. */
    public static final KernelTestNetwork INSTANCE = new KernelTestNetwork();

    private static final InterfaceOracle ORACLE = new JdkOracle();

    private KernelTestNetwork() {
    }

    @Override
    public void requireSafe() {
        HermeticNetwork.require();
    }

    @Override
    public void requireIpv6() {
        AbstractDeviceConformanceTest.requireJdkIpv6();
    }

    @Override
    public InterfaceOracle oracle() {
        return ORACLE;
    }

    @Override
    public FarSocket bind(InetAddress local, Duration timeout) throws Exception {
        return new KernelSocket(Datagrams.bind(local, timeout));
    }

    @Override
    public String toString() {
        return "the kernel (UDP sockets, java.net.NetworkInterface, /proc/net/dev)";
    }

    /** {@link NetworkInterface} and {@code /proc/net/dev}. */
    private static final class JdkOracle implements InterfaceOracle {
        @Override
        public Optional<InterfaceView> find(String name) {
            return NetworkInterfaceOracle.find(name).map(JdkView::new);
        }

        @Override
        public boolean exists(String name) {
            return NetworkInterfaceOracle.exists(name);
        }

        @Override
        public Set<String> names() {
            return NetworkInterfaceOracle.procNetDevNames();
        }

        @Override
        public List<InterfaceView> all() {
            List<InterfaceView> out = new ArrayList<>();
            try {
                for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    out.add(new JdkView(ni));
                }
            } catch (SocketException e) {
                throw new UncheckedIOException("NetworkInterface.getNetworkInterfaces()", e);
            }
            return out;
        }
    }

    /** One {@link NetworkInterface}; its state, MTU and MAC calls ask the kernel each time, its addresses are re-read. */
    private static final class JdkView implements InterfaceView {
        private final NetworkInterface ni;

        JdkView(NetworkInterface ni) {
            this.ni = ni;
        }

        @Override
        public String name() {
            return ni.getName();
        }

        @Override
        public int index() {
            return ni.getIndex();
        }

        @Override
        public boolean isUp() {
            try {
                return ni.isUp();
            } catch (SocketException e) {
                throw new AssertionError("java.net.NetworkInterface.isUp() on " + ni.getName(), e);
            }
        }

        @Override
        public int mtu() {
            try {
                return ni.getMTU();
            } catch (SocketException e) {
                throw new AssertionError("java.net.NetworkInterface.getMTU() on " + ni.getName(), e);
            }
        }

        @Override
        public Optional<byte[]> hardwareAddress() {
            try {
                return Optional.ofNullable(ni.getHardwareAddress());
            } catch (SocketException e) {
                throw new AssertionError("java.net.NetworkInterface.getHardwareAddress() on " + ni.getName(), e);
            }
        }

        @Override
        public boolean isLoopback() {
            try {
                return ni.isLoopback();
            } catch (SocketException e) {
                throw new AssertionError("java.net.NetworkInterface.isLoopback() on " + ni.getName(), e);
            }
        }

        @Override
        public boolean isPointToPoint() {
            try {
                return ni.isPointToPoint();
            } catch (SocketException e) {
                throw new AssertionError("java.net.NetworkInterface.isPointToPoint() on " + ni.getName(), e);
            }
        }

        @Override
        public boolean isVirtual() {
            return ni.isVirtual();
        }

        @Override
        public Set<String> addresses() {
            // A NetworkInterface object keeps the addresses it was found with: look again.
            return NetworkInterfaceOracle.addresses(ni.getName());
        }

        @Override
        public Optional<InetAddress> broadcast(InetAddress address) {
            return NetworkInterfaceOracle.entry(ni.getName(), address).map(InterfaceAddress::getBroadcast);
        }

        @Override
        public String toString() {
            return "java.net.NetworkInterface " + ni.getName();
        }
    }

    /** A kernel UDP socket. */
    private static final class KernelSocket implements FarSocket {
        private final DatagramSocket socket;

        KernelSocket(DatagramSocket socket) {
            this.socket = socket;
        }

        @Override
        public int localPort() {
            return socket.getLocalPort();
        }

        @Override
        public void send(byte[] data, InetSocketAddress to) throws IOException {
            socket.send(new DatagramPacket(data, data.length, to));
        }

        @Override
        public Optional<Datagram> receive(Duration timeout) throws IOException {
            int old = socket.getSoTimeout();
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            try {
                DatagramPacket got = new DatagramPacket(new byte[65536], 65536);
                socket.receive(got);
                return Optional.of(new Datagram(Datagrams.data(got), (InetSocketAddress) got.getSocketAddress()));
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            } finally {
                socket.setSoTimeout(old);
            }
        }

        @Override
        public void close() {
            socket.close();
        }

        @Override
        public String toString() {
            return "kernel UDP socket " + socket.getLocalSocketAddress();
        }
    }
}
