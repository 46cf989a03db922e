package dev.tappers.memory;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.InterfaceInfo;
import dev.tappers.InterfaceKind;
import dev.tappers.InterfaceName;
import dev.tappers.OsFamily;
import dev.tappers.Poller;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.spi.ProviderInfo;
import dev.tappers.spi.TappersProvider;

import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory provider: TUN and TAP devices in a {@link MemoryNetwork}, connected in software, for testing
 * code that uses tappers without root, a kernel or native code.
 *
 * <p>Its priority is below every OS provider's, so discovery picks it only where no real provider is usable, or
 * when asked by name ({@code -Dtappers.provider=memory}, {@code Tappers.provider("memory")}); or make one directly
 * with {@link MemoryNetwork#provider()}.
 */
@ProviderInfo(name = MemoryTappersProvider.NAME,
        os = {OsFamily.LINUX, OsFamily.MACOS, OsFamily.FREEBSD, OsFamily.OPENBSD, OsFamily.NETBSD, OsFamily.DRAGONFLY,
                OsFamily.SOLARIS, OsFamily.AIX, OsFamily.WINDOWS, OsFamily.OTHER},
        priority = MemoryTappersProvider.PRIORITY,
        artifact = "dev.tappers:tappers-memory")
public final class MemoryTappersProvider implements TappersProvider {
    /** The provider's name, for {@code -Dtappers.provider=memory}. */
    public static final String NAME = "memory";
    /** Below the built-in providers' 100, so a real provider always wins where one is usable. */
    public static final int PRIORITY = -100;

    /** One feature a line: exactly what this provider implements. */
    private static final Set<Feature> FEATURES = Collections.unmodifiableSet(EnumSet.of(
            Feature.TUN,
            Feature.TAP,
            Feature.OPEN_EXISTING,
            Feature.CHOOSE_NAME,
            Feature.SET_STATE,
            Feature.GET_MTU,
            Feature.SET_MTU,
            Feature.IPV4_ADDRESSES,
            Feature.IPV6_ADDRESSES,
            Feature.DESTINATION_ADDRESS,
            Feature.GET_MAC,
            Feature.SET_MAC,
            Feature.NONBLOCKING,
            Feature.PERSISTENCE,
            Feature.INTERFACE_LIST,
            Feature.BATCH_IO,
            Feature.ASYNC_IO));

    private final MemoryNetwork network;

    /** A provider on {@link MemoryNetwork#shared()}; what discovery makes. */
    public MemoryTappersProvider() {
        this(MemoryNetwork.shared());
    }

    /** A provider whose devices live in {@code network}. */
    public MemoryTappersProvider(MemoryNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /** The network this provider's devices live in. */
    public MemoryNetwork network() {
        return network;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Feature> features() {
        return FEATURES;
    }

    /** What the in-memory network lacks is what a kernel would have given. */
    @Override
    public Optional<String> unsupportedReason(Feature feature) {
        return supports(feature) ? Optional.empty() : Optional.of("the in-memory provider has no kernel behind it, "
                + "so no " + feature.description() + " (use an OS provider)");
    }

    /** No kernel, no segmentation offload: asking for it is an error, never a silently plain device. */
    private void refuseOffload(DeviceOptions options) {
        if (!options.offload().isEmpty()) {
            throw new dev.tappers.UnsupportedFeatureException(dev.tappers.Feature.OFFLOAD, name(),
                    "offload " + options.offload() + " asked for; in-memory devices carry plain packets only");
        }
    }

    /** Always available: it needs nothing from the machine. */
    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.empty();
    }

    @Override
    public Tun createTun(DeviceOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        refuseOffload(options);
        return network.create(InterfaceKind.TUN, options, i -> new MemoryTun(i, true, options.nonBlocking()));
    }

    @Override
    public Tun openTun(InterfaceName name) throws IOException {
        return network.open(InterfaceKind.TUN, name, i -> new MemoryTun(i, false, false));
    }

    @Override
    public Tap createTap(DeviceOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        refuseOffload(options);
        return network.create(InterfaceKind.TAP, options, i -> new MemoryTap(i, true, options.nonBlocking()));
    }

    @Override
    public Tap openTap(InterfaceName name) throws IOException {
        return network.open(InterfaceKind.TAP, name, i -> new MemoryTap(i, false, false));
    }

    /** A poller with a thread of its own, for the devices of this provider's network. */
    @Override
    public Poller openPoller() {
        return new MemoryPoller(network, "tappers-memory-poller");
    }

    @Override
    public List<InterfaceInfo> listInterfaces() {
        return network.interfaces().stream().map(InterfaceSnapshot::toInterfaceInfo).toList();
    }

    @Override
    public String toString() {
        return "tappers provider 'memory' on " + network;
    }
}
