package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.DeviceState;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.OsFamily;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.spi.ProviderInfo;
import dev.tappers.spi.TappersProvider;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;

/**
 * The Linux provider with one deliberate fault each, as the Rust crate shipped them: a TCK that passes these
 * would be worthless. {@code BrokenProviderTckTest} runs the TCK against them and expects the matching tests
 * to fail.
 */
final class BrokenProviders {
    /** An answer meaning "return nothing" (void methods). */
    private static final Object NOTHING = new Object();

    private BrokenProviders() {
    }

    /** setMtu does nothing and reports success: a silent no-op. */
    static final TappersProvider SILENT_MTU = new Faulty((device, method, args) ->
            method.getName().equals("setMtu") ? Optional.of(NOTHING) : Optional.empty());

    /** state() reads the TUN flags instead of the interface flags: a TUN always looks up (the Rust bug). */
    static final TappersProvider STATE_FROM_TUN_FLAGS = new Faulty((device, method, args) ->
            method.getName().equals("state") ? Optional.of(DeviceState.UP) : Optional.empty());

    /** close() never removes the device it created. */
    static final TappersProvider CLOSE_LEAKS = new Faulty((device, method, args) -> {
        if (method.getName().equals("close")) {
            ((dev.tappers.PacketDevice) device).setPersistent(true);
        }
        return Optional.empty();
    });

    /** Decides, per call, whether to answer in place of the real device. */
    @FunctionalInterface
    interface Fault {
        Optional<Object> intercept(Object device, java.lang.reflect.Method method, Object[] args) throws IOException;
    }

    @ProviderInfo(name = "linux", os = OsFamily.LINUX)
    static final class Faulty implements TappersProvider {
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

        private <D> D wrap(Class<D> type, D real) {
            InvocationHandler handler = (proxy, method, args) -> {
                Optional<Object> answer = fault.intercept(real, method, args);
                if (answer.isPresent()) {
                    return answer.get() == NOTHING ? null : answer.get();
                }
                try {
                    return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
        }
    }
}
