package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.InterfaceInfo;
import dev.tappers.InterfaceKind;
import dev.tappers.InterfaceName;
import dev.tappers.LinkFlag;
import dev.tappers.MultiQueue;
import dev.tappers.NetworkNamespace;
import dev.tappers.NoSuchDeviceException;
import dev.tappers.PacketDevice;
import dev.tappers.Route;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.DeviceMoveConformanceTest;
import dev.tappers.tck.InterfaceListConformanceTest;
import dev.tappers.tck.LinkSettingsConformanceTest;
import dev.tappers.tck.LinkSettingsView;
import dev.tappers.tck.MultiQueueConformanceTest;
import dev.tappers.tck.RouteConformanceTest;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The conformance classes with one fault planted each, for {@link Issue3BrokenProviderTckTest}, which runs them
 * through {@link PlantedFaults}. Not run by surefire itself (no Test suffix), and enabled only while planting, so
 * a -Dtest pattern that picks them up skips them.
 */
final class Issue3FaultyConformance {
    private static final String PLANTING = "dev.tappers.linux.PlantedFaults#planting";

    /** Real multi-queue devices that a planted fault did not close, closed after all. */
    private static final List<MultiQueue<Tun>> LEFT_OPEN = new CopyOnWriteArrayList<>();

    private Issue3FaultyConformance() {
    }

    /** Persistent devices that a planted fault did not delete, deleted after all (where they still are). */
    private static final List<InterfaceName> LEFT_PERSISTENT = new CopyOnWriteArrayList<>();

    static void closeWhatTheFaultsLeft() throws IOException {
        for (MultiQueue<Tun> mq : LEFT_OPEN) {
            mq.close();
        }
        LEFT_OPEN.clear();
        for (InterfaceName name : LEFT_PERSISTENT) {
            try {
                LinuxTestSupport.PROVIDER.openTun(name).delete();
            } catch (NoSuchDeviceException gone) {
                // Deleted or never persistent: nothing left.
            }
        }
        LEFT_PERSISTENT.clear();
    }

    /** addRoute and removeRoute keep the routes in memory and tell the kernel nothing; routes() shows the memory. */
    @EnabledIf(PLANTING)
    static final class RoutesOnlyRemembered extends RouteConformanceTest {
        @Override
        protected TappersProvider provider() {
            return new FaultyLinuxProvider((device, method, args, memory) -> {
                switch (method.getName()) {
                    case "addRoute": memory.add(args[0]); return Optional.of(FaultyLinuxProvider.NOTHING);
                    case "removeRoute": memory.remove(args[0]); return Optional.of(FaultyLinuxProvider.NOTHING);
                    case "routes": return Optional.of(memory.stream().map(Route.class::cast).collect(Collectors.toList()));
                    default: return Optional.empty();
                }
            });
        }

        @Override
        protected Optional<Set<String>> systemRouteDestinations(String interfaceName) throws IOException {
            return Optional.of(ProcNetRoutes.destinations(interfaceName));
        }
    }

    /** setFlag(ARP, on) sets IFF_NOARP to on: the inversion forgotten. */
    @EnabledIf(PLANTING)
    static final class ArpInverted extends LinkSettingsConformanceTest {
        @Override
        protected TappersProvider provider() {
            return new FaultyLinuxProvider((device, method, args, memory) -> {
                if (method.getName().equals("setFlag") && args[0] == LinkFlag.ARP) {
                    ((Tap) device).setFlag(LinkFlag.ARP, !(Boolean) args[1]);
                    return Optional.of(FaultyLinuxProvider.NOTHING);
                }
                return Optional.empty();
            });
        }

        @Override
        protected LinkSettingsView systemView() {
            return new SysfsLinkView();
        }
    }

    /** setTxQueueLength does nothing and reports success. */
    @EnabledIf(PLANTING)
    static final class TxQueueLengthIgnored extends LinkSettingsConformanceTest {
        @Override
        protected TappersProvider provider() {
            return new FaultyLinuxProvider((device, method, args, memory) ->
                    method.getName().equals("setTxQueueLength") ? Optional.of(FaultyLinuxProvider.NOTHING) : Optional.empty());
        }

        @Override
        protected LinkSettingsView systemView() {
            return new SysfsLinkView();
        }
    }

    /** MultiQueue.close closes the first queue only, so the interface stays. */
    @EnabledIf(PLANTING)
    static final class MultiQueueCloseLeaks extends MultiQueueConformanceTest {
        @Override
        protected TappersProvider provider() {
            return new FaultyLinuxProvider(FaultyLinuxProvider.Fault.NONE) {
                @Override
                public MultiQueue<Tun> createMultiQueueTun(DeviceOptions options, int queues) throws IOException {
                    MultiQueue<Tun> real = LinuxTestSupport.PROVIDER.createMultiQueueTun(options, queues);
                    LEFT_OPEN.add(real);
                    return new ForwardingMultiQueue<>(real) {
                        @Override
                        public void close() throws IOException {
                            real.queues().get(0).close();
                        }
                    };
                }
            };
        }
    }

    /** MultiQueue.delete only closes the queues, so a persistent device stays. */
    @EnabledIf(PLANTING)
    static final class MultiQueueDeleteOnlyCloses extends MultiQueueConformanceTest {
        @Override
        protected TappersProvider provider() {
            return new FaultyLinuxProvider(FaultyLinuxProvider.Fault.NONE) {
                @Override
                public MultiQueue<Tun> createMultiQueueTun(DeviceOptions options, int queues) throws IOException {
                    MultiQueue<Tun> real = LinuxTestSupport.PROVIDER.createMultiQueueTun(options, queues);
                    LEFT_PERSISTENT.add(real.queues().get(0).name());
                    return new ForwardingMultiQueue<>(real) {
                        @Override
                        public void delete() throws IOException {
                            real.close();
                        }
                    };
                }
            };
        }
    }

    /**
     * moveTo moves the interface by name but the device does not follow it: configuration still goes to the
     * namespace it left.
     */
    @EnabledIf(PLANTING)
    static final class MoveWithoutFollowing extends DeviceMoveConformanceTest {
        @Override
        protected TappersProvider provider() {
            return new FaultyLinuxProvider((device, method, args, memory) -> {
                if (method.getName().equals("moveTo")) {
                    ((NetworkNamespace) args[0]).moveInterface(((Tun) device).name());
                    return Optional.of(FaultyLinuxProvider.NOTHING);
                }
                return Optional.empty();
            });
        }
    }

    /** listInterfaces reports every TAP as OTHER. */
    @EnabledIf(PLANTING)
    static final class TapsListedAsOther extends InterfaceListConformanceTest {
        @Override
        protected TappersProvider provider() {
            return new FaultyLinuxProvider(FaultyLinuxProvider.Fault.NONE) {
                @Override
                public List<InterfaceInfo> listInterfaces() throws IOException {
                    List<InterfaceInfo> out = new ArrayList<>();
                    for (InterfaceInfo i : LinuxTestSupport.PROVIDER.listInterfaces()) {
                        out.add(i.kind() != InterfaceKind.TAP ? i
                                : new InterfaceInfo(i.name(), i.index(), InterfaceKind.OTHER, i.state(), i.mtu(), i.mac()));
                    }
                    return out;
                }
            };
        }
    }

    // ---- machinery ------------------------------------------------------------------------------------------

    /** A multi-queue device that hands every call to a real one; a fault overrides the call it breaks. */
    private static class ForwardingMultiQueue<D extends PacketDevice> implements MultiQueue<D> {
        final MultiQueue<D> real;

        ForwardingMultiQueue(MultiQueue<D> real) {
            this.real = real;
        }

        @Override
        public List<D> queues() {
            return real.queues();
        }

        @Override
        public void detach(int i) throws IOException {
            real.detach(i);
        }

        @Override
        public void attach(int i) throws IOException {
            real.attach(i);
        }

        @Override
        public void delete() throws IOException {
            real.delete();
        }

        @Override
        public void close() throws IOException {
            real.close();
        }
    }
}
