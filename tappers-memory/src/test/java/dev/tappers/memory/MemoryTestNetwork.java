package dev.tappers.memory;

import dev.tappers.AddressInfo;
import dev.tappers.DeviceState;
import dev.tappers.InterfaceKind;
import dev.tappers.InterfaceName;
import dev.tappers.tck.FarSocket;
import dev.tappers.tck.InterfaceOracle;
import dev.tappers.tck.InterfaceView;
import dev.tappers.tck.TestNetwork;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The TCK's far side and oracle for the in-memory provider: a {@link SoftwareHost} at the other end of every
 * device, and an oracle that reads the {@link MemoryNetwork}'s own records of its interfaces, never the device
 * objects under test. Nothing here touches the kernel, so there is nothing to guard: tests run as any user, in
 * any network namespace.
 */
final class MemoryTestNetwork implements TestNetwork {
    private final MemoryNetwork network;
    private final SoftwareHost host;
    private final InterfaceOracle oracle = new NetworkOracle();

    MemoryTestNetwork(MemoryNetwork network) {
        this.network = network;
        this.host = new SoftwareHost(network);
    }

    @Override
    public void requireSafe() {
        // An in-memory network cannot change the host's: every test may run.
    }

    @Override
    public void requireIpv6() {
        // The software host speaks IPv6 as well as IPv4.
    }

    @Override
    public InterfaceOracle oracle() {
        return oracle;
    }

    @Override
    public FarSocket bind(InetAddress local, Duration timeout) throws Exception {
        return host.bind(local, timeout);
    }

    @Override
    public String toString() {
        return "the in-memory network's records and a software host";
    }

    private static Optional<InterfaceName> nameOf(String name) {
        return InterfaceName.problemWith(name) == null ? Optional.of(InterfaceName.of(name)) : Optional.empty();
    }

    /** Reads the network's records; a view looks its interface up again on every call. */
    private final class NetworkOracle implements InterfaceOracle {
        @Override
        public Optional<InterfaceView> find(String name) {
            return nameOf(name).flatMap(network::find).map(s -> new RecordView(s.name(), s.index()));
        }

        @Override
        public boolean exists(String name) {
            return nameOf(name).flatMap(network::find).isPresent();
        }

        @Override
        public Set<String> names() {
            return network.interfaces().stream().map(s -> s.name().value()).collect(Collectors.toCollection(TreeSet::new));
        }

        @Override
        public List<InterfaceView> all() {
            return network.interfaces().stream().map(s -> (InterfaceView) new RecordView(s.name(), s.index())).toList();
        }
    }

    private final class RecordView implements InterfaceView {
        private final InterfaceName name;
        private final int index;

        RecordView(InterfaceName name, int index) {
            this.name = name;
            this.index = index;
        }

        private InterfaceSnapshot now() {
            return network.find(name).orElseThrow(() -> new AssertionError("the in-memory network no longer has " + name));
        }

        @Override
        public String name() {
            return name.value();
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public boolean isUp() {
            return now().state() == DeviceState.UP;
        }

        @Override
        public int mtu() {
            return now().mtu();
        }

        @Override
        public Optional<byte[]> hardwareAddress() {
            return now().mac().map(m -> m.toBytes());
        }

        @Override
        public boolean isLoopback() {
            return false;
        }

        @Override
        public boolean isPointToPoint() {
            return now().kind() == InterfaceKind.TUN;
        }

        @Override
        public boolean isVirtual() {
            return false;
        }

        @Override
        public Set<String> addresses() {
            Set<String> out = new TreeSet<>();
            for (AddressInfo a : now().addresses()) {
                if (!a.isLinkLocal()) {
                    out.add(InterfaceView.text(a.address(), a.prefixLength()));
                }
            }
            return out;
        }

        @Override
        public Optional<InetAddress> broadcast(InetAddress address) {
            return now().addresses().stream().filter(a -> a.address().equals(address)).findFirst()
                    .flatMap(AddressInfo::broadcast).map(b -> (InetAddress) b);
        }

        @Override
        public String toString() {
            return "the in-memory network's record of " + name;
        }
    }
}
