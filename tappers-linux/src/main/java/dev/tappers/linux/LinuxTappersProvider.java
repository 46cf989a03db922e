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
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.spi.ProviderInfo;
import dev.tappers.spi.TappersProvider;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** TUN and TAP on Linux through {@code /dev/net/tun}, interface ioctls and rtnetlink. */
@ProviderInfo(name = LinuxTappersProvider.NAME, os = OsFamily.LINUX, priority = 100, artifact = "dev.tappers:tappers-linux")
public final class LinuxTappersProvider implements TappersProvider {
    static final String NAME = "linux";
    static final Path TUN_CONTROL = Path.of("/dev/net/tun");

    /** One feature a line, so each can be added (and reviewed) on its own. */
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
            Feature.ADOPT_DESCRIPTOR,
            Feature.DESCRIPTOR_PASSING,
            Feature.NAMESPACES,
            Feature.VETH,
            Feature.FRAME_SOCKET,
            Feature.ROUTES,
            Feature.MULTI_QUEUE,
            Feature.LINK_FLAGS,
            Feature.TX_QUEUE_LENGTH,
            Feature.RENAME,
            Feature.OWNERSHIP,
            Feature.INTERFACE_LIST,
            Feature.ASYNC_IO,
            Feature.BATCH_IO,
            Feature.OFFLOAD));

    /** Cheap and infallible, as the SPI asks: the machine is checked in {@link #unavailabilityCause()}. */
    public LinuxTappersProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Linux lacks only the interface metric; say what to do instead. */
    @Override
    public Optional<String> unsupportedReason(Feature feature) {
        if (feature == Feature.INTERFACE_METRIC) {
            return Optional.of("Linux has no interface metric: give each route a metric instead (Route.withMetric)");
        }
        return TappersProvider.super.unsupportedReason(feature);
    }

    @Override
    public dev.tappers.Poller openPoller() throws IOException {
        return LinuxPoller.open();
    }

    @Override
    public Set<Feature> features() {
        return FEATURES;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        if (!Files.exists(TUN_CONTROL)) {
            return Optional.of(new FileNotFoundException(TUN_CONTROL + " does not exist: load the tun module "
                    + "(modprobe tun) or, in a container, pass the device in (--device /dev/net/tun)"));
        }
        try {
            Syscalls.strerror(1); // loads JNA and the C library
            return Optional.empty();
        } catch (Throwable t) {
            return Optional.of(new IllegalStateException("JNA could not load the C library: " + t, t));
        }
    }

    @Override
    public Tun createTun(DeviceOptions options) throws IOException {
        return (Tun) TunTapFactory.create(TunTapFactory.Kind.TUN, options);
    }

    @Override
    public Tun openTun(InterfaceName name) throws IOException {
        return (Tun) TunTapFactory.open(TunTapFactory.Kind.TUN, name);
    }

    @Override
    public Tap createTap(DeviceOptions options) throws IOException {
        return (Tap) TunTapFactory.create(TunTapFactory.Kind.TAP, options);
    }

    @Override
    public Tap openTap(InterfaceName name) throws IOException {
        return (Tap) TunTapFactory.open(TunTapFactory.Kind.TAP, name);
    }

    @Override
    public MultiQueue<Tun> createMultiQueueTun(DeviceOptions options, int queues) throws IOException {
        return MultiQueues.createTun(options, queues);
    }

    @Override
    public MultiQueue<Tap> createMultiQueueTap(DeviceOptions options, int queues) throws IOException {
        return MultiQueues.createTap(options, queues);
    }

    @Override
    public Tun adoptTun(int descriptor, boolean owned) throws IOException {
        return DescriptorAdoption.adoptTun(descriptor, owned);
    }

    @Override
    public Tap adoptTap(int descriptor, boolean owned) throws IOException {
        return DescriptorAdoption.adoptTap(descriptor, owned);
    }

    @Override
    public Tun receiveTun(Path socketPath, Duration timeout) throws IOException {
        return DescriptorAdoption.receiveTun(socketPath, timeout);
    }

    @Override
    public Tap receiveTap(Path socketPath, Duration timeout) throws IOException {
        return DescriptorAdoption.receiveTap(socketPath, timeout);
    }

    @Override
    public Veth createVeth(VethOptions options) throws IOException {
        return LinuxVeths.create(options);
    }

    @Override
    public Veth openVeth(InterfaceName name) throws IOException {
        return LinuxVeths.open(name);
    }

    @Override
    public FrameSocket openFrameSocket(InterfaceName name) throws IOException {
        return LinuxFrameSockets.open(name);
    }

    @Override
    public NetworkNamespace createNamespace(String nameOrNull) throws IOException {
        return LinuxNamespaces.create(nameOrNull);
    }

    @Override
    public NetworkNamespace openNamespace(String name) throws IOException {
        return LinuxNamespaces.open(name);
    }

    @Override
    public List<InterfaceInfo> listInterfaces() throws IOException {
        return LinuxInterfaces.list();
    }

    @Override
    public String toString() {
        return "LinuxTappersProvider[" + FEATURES + "]";
    }
}
