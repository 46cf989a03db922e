package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.InterfaceInfo;
import dev.tappers.InterfaceKind;
import dev.tappers.InterfaceName;
import dev.tappers.LinkFlag;
import dev.tappers.MultiQueue;
import dev.tappers.OsFamily;
import dev.tappers.Route;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.spi.ProviderInfo;
import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.InterfaceListConformanceTest;
import dev.tappers.tck.LinkSettingsConformanceTest;
import dev.tappers.tck.LinkSettingsView;
import dev.tappers.tck.MultiQueueConformanceTest;
import dev.tappers.tck.RouteConformanceTest;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The conformance classes with one fault planted each, for {@link Issue3BrokenProviderTckTest}, which runs them
 * through the TestKit. Not run by surefire itself (no Test suffix), and enabled only while that test runs them,
 * so a -Dtest pattern that picks them up skips them.
 */
final class Issue3FaultyConformance {
    private static final String PLANTING = "dev.tappers.linux.Issue3BrokenProviderTckTest#planting";

    /** Real multi-queue devices that a planted fault did not close, closed after all. */
    private static final List<MultiQueue<Tun>> LEFT_OPEN = new CopyOnWriteArrayList<>();

    private Issue3FaultyConformance() {
    }

    static void closeWhatTheFaultsLeft() throws IOException {
        for (MultiQueue<Tun> mq : LEFT_OPEN) {
            mq.close();
        }
        LEFT_OPEN.clear();
    }

    /** addRoute and removeRoute keep the routes in memory and tell the kernel nothing; routes() shows the memory. */
    @EnabledIf(PLANTING)
    static final class RoutesOnlyRemembered extends RouteConformanceTest {
        @Override
        protected TappersProvider provider() {
            return new Faulty((device, method, args, memory) -> {
                switch (method.getName()) {
                    case "addRoute": memory.add(args[0]); return Optional.of(NOTHING);
                    case "removeRoute": memory.remove(args[0]); return Optional.of(NOTHING);
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
            return new Faulty((device, method, args, memory) -> {
                if (method.getName().equals("setFlag") && args[0] == LinkFlag.ARP) {
                    ((Tap) device).setFlag(LinkFlag.ARP, !(Boolean) args[1]);
                    return Optional.of(NOTHING);
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
            return new Faulty((device, method, args, memory) ->
                    method.getName().equals("setTxQueueLength") ? Optional.of(NOTHING) : Optional.empty());
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
            return new Faulty((device, method, args, memory) -> Optional.empty()) {
                @Override
                public MultiQueue<Tun> createMultiQueueTun(DeviceOptions options, int queues) throws IOException {
                    MultiQueue<Tun> real = LinuxTestSupport.PROVIDER.createMultiQueueTun(options, queues);
                    LEFT_OPEN.add(real);
                    return new MultiQueue<>() {
                        @Override
                        public List<Tun> queues() {
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
                        public void close() throws IOException {
                            real.queues().get(0).close();
                        }
                    };
                }
            };
        }
    }

    /** listInterfaces reports every TAP as OTHER. */
    @EnabledIf(PLANTING)
    static final class TapsListedAsOther extends InterfaceListConformanceTest {
        @Override
        protected TappersProvider provider() {
            return new Faulty((device, method, args, memory) -> Optional.empty()) {
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

    private static final Object NOTHING = new Object();

    @FunctionalInterface
    interface Fault {
        /** An answer in place of the real device's, or empty to let it answer; {@code memory} is per device. */
        Optional<Object> intercept(Object device, Method method, Object[] args, List<Object> memory) throws IOException;
    }

    /** The Linux provider whose TUN and TAP devices pass every call through {@link Fault} first. */
    @ProviderInfo(name = "linux", os = OsFamily.LINUX)
    static class Faulty implements TappersProvider {
        private final Fault fault;

        Faulty(Fault fault) {
            this.fault = fault;
        }

        @Override
        public String name() {
            return "linux";
        }

        @Override
        public Set<Feature> features() {
            return LinuxTestSupport.PROVIDER.features();
        }

        @Override
        public Optional<Throwable> unavailabilityCause() {
            return Optional.empty();
        }

        @Override
        public Tun createTun(DeviceOptions options) throws IOException {
            return wrap(Tun.class, LinuxTestSupport.PROVIDER.createTun(options));
        }

        @Override
        public Tun openTun(InterfaceName name) throws IOException {
            return wrap(Tun.class, LinuxTestSupport.PROVIDER.openTun(name));
        }

        @Override
        public Tap createTap(DeviceOptions options) throws IOException {
            return wrap(Tap.class, LinuxTestSupport.PROVIDER.createTap(options));
        }

        @Override
        public Tap openTap(InterfaceName name) throws IOException {
            return wrap(Tap.class, LinuxTestSupport.PROVIDER.openTap(name));
        }

        @Override
        public MultiQueue<Tun> createMultiQueueTun(DeviceOptions options, int queues) throws IOException {
            return LinuxTestSupport.PROVIDER.createMultiQueueTun(options, queues);
        }

        @Override
        public MultiQueue<Tap> createMultiQueueTap(DeviceOptions options, int queues) throws IOException {
            return LinuxTestSupport.PROVIDER.createMultiQueueTap(options, queues);
        }

        @Override
        public List<InterfaceInfo> listInterfaces() throws IOException {
            return LinuxTestSupport.PROVIDER.listInterfaces();
        }

        private <D> D wrap(Class<D> type, D real) {
            List<Object> memory = new ArrayList<>();
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                Optional<Object> answer = fault.intercept(real, method, args, memory);
                if (answer.isPresent()) {
                    return answer.get() == NOTHING ? null : answer.get();
                }
                try {
                    return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }));
        }
    }
}
