package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.FrameSocket;
import dev.tappers.InterfaceInfo;
import dev.tappers.InterfaceName;
import dev.tappers.MultiQueue;
import dev.tappers.NetworkNamespace;
import dev.tappers.OsFamily;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.Veth;
import dev.tappers.VethOptions;
import dev.tappers.spi.ProviderInfo;
import dev.tappers.spi.TappersProvider;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Linux provider with a fault planted, for the tests that prove the TCK can fail: every TUN and TAP it makes
 * or opens passes each call through a {@link Fault} first, and a subclass overrides a provider method to break
 * something else (a multi-queue device, a namespace, a vETH pair). Everything else is the real provider's.
 */
@ProviderInfo(name = "linux", os = OsFamily.LINUX)
class FaultyLinuxProvider implements TappersProvider {
    /** What a fault answers for a void method: "return normally, having done nothing". */
    static final Object NOTHING = new Object();

    /** Decides, per call on a TUN or TAP, whether to answer in place of the real device. */
    @FunctionalInterface
    interface Fault {
        /** No fault: every call goes to the real device. */
        Fault NONE = (device, method, args, memory) -> Optional.empty();

        /**
         * An answer in place of the real device's ({@link #NOTHING} for a void method), or empty to let it answer;
         * {@code memory} is one list per device, for faults that keep state.
         */
        Optional<Object> intercept(Object device, Method method, Object[] args, List<Object> memory) throws IOException;
    }

    private final TappersProvider real = LinuxTestSupport.PROVIDER;
    private final Fault fault;

    FaultyLinuxProvider(Fault fault) {
        this.fault = fault;
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public Set<Feature> features() {
        return real.features();
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return real.unavailabilityCause();
    }

    @Override
    public Tun createTun(DeviceOptions options) throws IOException {
        return wrap(Tun.class, real.createTun(options));
    }

    @Override
    public Tun openTun(InterfaceName name) throws IOException {
        return wrap(Tun.class, real.openTun(name));
    }

    @Override
    public Tap createTap(DeviceOptions options) throws IOException {
        return wrap(Tap.class, real.createTap(options));
    }

    @Override
    public Tap openTap(InterfaceName name) throws IOException {
        return wrap(Tap.class, real.openTap(name));
    }

    @Override
    public MultiQueue<Tun> createMultiQueueTun(DeviceOptions options, int queues) throws IOException {
        return real.createMultiQueueTun(options, queues);
    }

    @Override
    public MultiQueue<Tap> createMultiQueueTap(DeviceOptions options, int queues) throws IOException {
        return real.createMultiQueueTap(options, queues);
    }

    @Override
    public List<InterfaceInfo> listInterfaces() throws IOException {
        return real.listInterfaces();
    }

    @Override
    public Veth createVeth(VethOptions options) throws IOException {
        return real.createVeth(options);
    }

    @Override
    public Veth openVeth(InterfaceName name) throws IOException {
        return real.openVeth(name);
    }

    @Override
    public FrameSocket openFrameSocket(InterfaceName name) throws IOException {
        return real.openFrameSocket(name);
    }

    @Override
    public NetworkNamespace createNamespace(String nameOrNull) throws IOException {
        return real.createNamespace(nameOrNull);
    }

    @Override
    public NetworkNamespace openNamespace(String name) throws IOException {
        return real.openNamespace(name);
    }

    private <D> D wrap(Class<D> type, D device) {
        List<Object> memory = new ArrayList<>();
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Optional<Object> answer = fault.intercept(device, method, args, memory);
            if (answer.isPresent()) {
                return answer.get() == NOTHING ? null : answer.get();
            }
            try {
                return method.invoke(device, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
