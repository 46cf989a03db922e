package dev.tappers.spi;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.FrameSocket;
import dev.tappers.InterfaceInfo;
import dev.tappers.InterfaceName;
import dev.tappers.MultiQueue;
import dev.tappers.NetworkNamespace;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.UnsupportedFeatureException;
import dev.tappers.Veth;
import dev.tappers.VethOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A platform backend. Implementations are found with {@link java.util.ServiceLoader}: declare
 * {@code provides dev.tappers.spi.TappersProvider with ...} in {@code module-info.java} (or list the class in
 * {@code META-INF/services/dev.tappers.spi.TappersProvider}) and annotate the class with {@link ProviderInfo}.
 *
 * <p>The constructor must be cheap and must not fail: check the machine in {@link #unavailabilityCause()}.
 * A provider proves itself by passing the conformance kit in {@code dev.tappers.tck}.
 */
public interface TappersProvider {

    /** The provider's name; the same as {@link ProviderInfo#name()}. */
    String name();

    /** The features this provider implements on this machine. */
    Set<Feature> features();

    /** True when {@code feature} is in {@link #features()}. */
    default boolean supports(Feature feature) {
        return features().contains(feature);
    }

    /** Throws {@link dev.tappers.UnsupportedFeatureException} unless {@code feature} is supported. */
    default void require(Feature feature) {
        if (!supports(feature)) {
            throw new UnsupportedFeatureException(feature, name(), null);
        }
    }

    /**
     * Why this provider cannot work here (no {@code /dev/net/tun}, no native library, not implemented yet...),
     * or empty when it can. Discovery passes over a provider that gives a cause.
     */
    Optional<Throwable> unavailabilityCause();

    /** Creates a TUN device. */
    Tun createTun(DeviceOptions options) throws IOException;

    /** Opens an existing TUN device; closing it leaves the device in place. */
    Tun openTun(InterfaceName name) throws IOException;

    /** Creates a TAP device. */
    Tap createTap(DeviceOptions options) throws IOException;

    /** Opens an existing TAP device; closing it leaves the device in place. */
    Tap openTap(InterfaceName name) throws IOException;

    // ---- optional features: the defaults say "unsupported", naming the feature and this provider ------------

    /** Creates a multi-queue TUN. Needs {@link Feature#MULTI_QUEUE}. */
    default MultiQueue<Tun> createMultiQueueTun(DeviceOptions options, int queues) throws IOException {
        throw new UnsupportedFeatureException(Feature.MULTI_QUEUE, name(), null);
    }

    /** Creates a multi-queue TAP. Needs {@link Feature#MULTI_QUEUE}. */
    default MultiQueue<Tap> createMultiQueueTap(DeviceOptions options, int queues) throws IOException {
        throw new UnsupportedFeatureException(Feature.MULTI_QUEUE, name(), null);
    }

    /** Wraps a TUN descriptor opened elsewhere. Needs {@link Feature#ADOPT_DESCRIPTOR}. */
    default Tun adoptTun(int descriptor, boolean owned) throws IOException {
        throw new UnsupportedFeatureException(Feature.ADOPT_DESCRIPTOR, name(), null);
    }

    /** Wraps a TAP descriptor opened elsewhere. Needs {@link Feature#ADOPT_DESCRIPTOR}. */
    default Tap adoptTap(int descriptor, boolean owned) throws IOException {
        throw new UnsupportedFeatureException(Feature.ADOPT_DESCRIPTOR, name(), null);
    }

    /** Receives a TUN descriptor over a Unix socket. Needs {@link Feature#DESCRIPTOR_PASSING}. */
    default Tun receiveTun(Path socketPath, Duration timeout) throws IOException {
        throw new UnsupportedFeatureException(Feature.DESCRIPTOR_PASSING, name(), null);
    }

    /** Receives a TAP descriptor over a Unix socket. Needs {@link Feature#DESCRIPTOR_PASSING}. */
    default Tap receiveTap(Path socketPath, Duration timeout) throws IOException {
        throw new UnsupportedFeatureException(Feature.DESCRIPTOR_PASSING, name(), null);
    }

    /** Creates a vETH pair. Needs {@link Feature#VETH}. */
    default Veth createVeth(VethOptions options) throws IOException {
        throw new UnsupportedFeatureException(Feature.VETH, name(), null);
    }

    /** Opens an existing vETH pair by one end's name. Needs {@link Feature#VETH}. */
    default Veth openVeth(InterfaceName name) throws IOException {
        throw new UnsupportedFeatureException(Feature.VETH, name(), null);
    }

    /** Opens a raw frame socket on a layer-2 interface. Needs {@link Feature#FRAME_SOCKET}. */
    default FrameSocket openFrameSocket(InterfaceName name) throws IOException {
        throw new UnsupportedFeatureException(Feature.FRAME_SOCKET, name(), null);
    }

    /** Creates a namespace, named or (for {@code null}) anonymous. Needs {@link Feature#NAMESPACES}. */
    default NetworkNamespace createNamespace(String nameOrNull) throws IOException {
        throw new UnsupportedFeatureException(Feature.NAMESPACES, name(), null);
    }

    /** Opens a named namespace. Needs {@link Feature#NAMESPACES}. */
    default NetworkNamespace openNamespace(String name) throws IOException {
        throw new UnsupportedFeatureException(Feature.NAMESPACES, name(), null);
    }

    /**
     * Starts a poller with a thread of its own, for this provider's devices. Needs {@link Feature#ASYNC_IO}.
     * A provider with this feature also gives every device {@code receiveAsync}/{@code sendAsync} on a shared
     * poller of its own.
     */
    default dev.tappers.Poller openPoller() throws IOException {
        throw new UnsupportedFeatureException(Feature.ASYNC_IO, name(), null);
    }

    /** Lists the interfaces of the caller's namespace. Needs {@link Feature#INTERFACE_LIST}. */
    default List<InterfaceInfo> listInterfaces() throws IOException {
        throw new UnsupportedFeatureException(Feature.INTERFACE_LIST, name(), null);
    }
}
