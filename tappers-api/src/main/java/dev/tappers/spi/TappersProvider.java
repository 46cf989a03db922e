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
 *
 * <p>Users rarely call a provider directly ({@link Tun#create()} and the other factories go through
 * {@link dev.tappers.Tappers#provider()}), but asking it what it can do is useful:
 * <pre>{@code
 * TappersProvider provider = Tappers.provider();
 * System.out.println(provider.name() + " supports " + provider.features());
 * if (provider.supports(Feature.VETH)) {
 *     try (Veth pair = provider.createVeth(VethOptions.defaults())) {
 *         System.out.println(pair.end().name() + " <-> " + pair.peer().name());
 *     }
 * }
 * }</pre>
 *
 * <p>A provider of its own, in outline:
 * <pre>{@code
 * @ProviderInfo(name = "example", os = OsFamily.LINUX, priority = 10)
 * public final class ExampleProvider implements TappersProvider {
 *     public String name() { return "example"; }
 *     public Set<Feature> features() { return EnumSet.of(Feature.TUN); }
 *     public Optional<Throwable> unavailabilityCause() { return Optional.empty(); }
 *     public Tun createTun(DeviceOptions options) throws IOException { ... }
 *     // openTun, createTap, openTap likewise
 * }
 * }</pre>
 */
public interface TappersProvider {

    /**
     * The provider's name; the same as {@link ProviderInfo#name()}.
     *
     * @return the name, such as {@code "linux"}
     */
    String name();

    /**
     * The features this provider implements on this machine.
     *
     * @return the features; asking for any other throws {@link UnsupportedFeatureException}
     */
    Set<Feature> features();

    /**
     * Whether this provider implements a feature here.
     *
     * @param feature the feature asked about
     * @return true when {@code feature} is in {@link #features()}
     */
    default boolean supports(Feature feature) {
        return features().contains(feature);
    }

    /**
     * Checks that a feature is supported, for code that needs it before doing anything else.
     *
     * @param feature the feature needed
     * @throws UnsupportedFeatureException naming the feature and this provider, unless {@code feature} is
     *                                     supported
     */
    default void require(Feature feature) {
        if (!supports(feature)) {
            throw new UnsupportedFeatureException(feature, name(), null);
        }
    }

    /**
     * Why this provider lacks {@code feature} here, for capability tables ({@code tappers info}) and messages.
     * Providers override it to say more than the default, such as what to do instead.
     *
     * @param feature the feature asked about
     * @return empty when {@code feature} is supported; otherwise a short reason (by default: not offered by this
     *         provider)
     */
    default Optional<String> unsupportedReason(Feature feature) {
        java.util.Objects.requireNonNull(feature, "unsupported reason: feature");
        return supports(feature) ? Optional.empty() : Optional.of("not offered by provider '" + name() + "'");
    }

    /**
     * Why this provider cannot work here (no {@code /dev/net/tun}, no native library, not implemented yet...),
     * or empty when it can. Discovery passes over a provider that gives a cause.
     *
     * @return the reason this provider cannot work on this machine, or empty when it can
     */
    Optional<Throwable> unavailabilityCause();

    /**
     * Creates a TUN device.
     *
     * @param options the name (or none, for one the kernel picks) and the device's settings
     * @return the new device, open; closing it removes the device unless it is made persistent
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    Tun createTun(DeviceOptions options) throws IOException;

    /**
     * Opens an existing TUN device; closing it leaves the device in place.
     *
     * @param name the device's name
     * @return the device, open
     * @throws dev.tappers.NoSuchDeviceException when there is no TUN device by that name
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    Tun openTun(InterfaceName name) throws IOException;

    /**
     * Creates a TAP device.
     *
     * @param options the name (or none, for one the kernel picks) and the device's settings
     * @return the new device, open; closing it removes the device unless it is made persistent
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    Tap createTap(DeviceOptions options) throws IOException;

    /**
     * Opens an existing TAP device; closing it leaves the device in place.
     *
     * @param name the device's name
     * @return the device, open
     * @throws dev.tappers.NoSuchDeviceException when there is no TAP device by that name
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    Tap openTap(InterfaceName name) throws IOException;

    // ---- optional features: the defaults say "unsupported", naming the feature and this provider ------------

    /**
     * Creates a multi-queue TUN. Needs {@link Feature#MULTI_QUEUE}.
     *
     * @param options the name and the device's settings
     * @param queues  how many queues (descriptors) to open at the start, at least 1
     * @return the queues of the new device
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#MULTI_QUEUE} (the default)
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    default MultiQueue<Tun> createMultiQueueTun(DeviceOptions options, int queues) throws IOException {
        throw new UnsupportedFeatureException(Feature.MULTI_QUEUE, name(), null);
    }

    /**
     * Creates a multi-queue TAP. Needs {@link Feature#MULTI_QUEUE}.
     *
     * @param options the name and the device's settings
     * @param queues  how many queues (descriptors) to open at the start, at least 1
     * @return the queues of the new device
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#MULTI_QUEUE} (the default)
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    default MultiQueue<Tap> createMultiQueueTap(DeviceOptions options, int queues) throws IOException {
        throw new UnsupportedFeatureException(Feature.MULTI_QUEUE, name(), null);
    }

    /**
     * Wraps a TUN descriptor opened elsewhere. Needs {@link Feature#ADOPT_DESCRIPTOR}.
     *
     * @param descriptor the open file descriptor
     * @param owned      whether closing the returned device closes the descriptor
     * @return the device behind the descriptor
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#ADOPT_DESCRIPTOR} (the default)
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    default Tun adoptTun(int descriptor, boolean owned) throws IOException {
        throw new UnsupportedFeatureException(Feature.ADOPT_DESCRIPTOR, name(), null);
    }

    /**
     * Wraps a TAP descriptor opened elsewhere. Needs {@link Feature#ADOPT_DESCRIPTOR}.
     *
     * @param descriptor the open file descriptor
     * @param owned      whether closing the returned device closes the descriptor
     * @return the device behind the descriptor
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#ADOPT_DESCRIPTOR} (the default)
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    default Tap adoptTap(int descriptor, boolean owned) throws IOException {
        throw new UnsupportedFeatureException(Feature.ADOPT_DESCRIPTOR, name(), null);
    }

    /**
     * Receives a TUN descriptor over a Unix socket. Needs {@link Feature#DESCRIPTOR_PASSING}.
     *
     * @param socketPath the Unix socket to listen on for the sender
     * @param timeout    how long to wait for it
     * @return the device behind the received descriptor, owned by the caller
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#DESCRIPTOR_PASSING} (the default)
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    default Tun receiveTun(Path socketPath, Duration timeout) throws IOException {
        throw new UnsupportedFeatureException(Feature.DESCRIPTOR_PASSING, name(), null);
    }

    /**
     * Receives a TAP descriptor over a Unix socket. Needs {@link Feature#DESCRIPTOR_PASSING}.
     *
     * @param socketPath the Unix socket to listen on for the sender
     * @param timeout    how long to wait for it
     * @return the device behind the received descriptor, owned by the caller
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#DESCRIPTOR_PASSING} (the default)
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    default Tap receiveTap(Path socketPath, Duration timeout) throws IOException {
        throw new UnsupportedFeatureException(Feature.DESCRIPTOR_PASSING, name(), null);
    }

    /**
     * Creates a vETH pair. Needs {@link Feature#VETH}.
     *
     * @param options the ends' names, MACs and MTU, and where the peer goes
     * @return the new pair; closing it removes both ends
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#VETH} (the default)
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    default Veth createVeth(VethOptions options) throws IOException {
        throw new UnsupportedFeatureException(Feature.VETH, name(), null);
    }

    /**
     * Opens an existing vETH pair by one end's name. Needs {@link Feature#VETH}.
     *
     * @param name one end's name
     * @return the pair; closing it leaves it in place
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#VETH} (the default)
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    default Veth openVeth(InterfaceName name) throws IOException {
        throw new UnsupportedFeatureException(Feature.VETH, name(), null);
    }

    /**
     * Opens a raw frame socket on a layer-2 interface. Needs {@link Feature#FRAME_SOCKET}.
     *
     * @param name the interface to send and receive Ethernet frames on
     * @return the socket, open
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#FRAME_SOCKET} (the default)
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    default FrameSocket openFrameSocket(InterfaceName name) throws IOException {
        throw new UnsupportedFeatureException(Feature.FRAME_SOCKET, name(), null);
    }

    /**
     * Creates a namespace, named or (for {@code null}) anonymous. Needs {@link Feature#NAMESPACES}.
     *
     * @param nameOrNull the namespace's name, or {@code null} for one that disappears with its last user
     * @return the new namespace
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#NAMESPACES} (the default)
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    default NetworkNamespace createNamespace(String nameOrNull) throws IOException {
        throw new UnsupportedFeatureException(Feature.NAMESPACES, name(), null);
    }

    /**
     * Opens a named namespace. Needs {@link Feature#NAMESPACES}.
     *
     * @param name the namespace's name
     * @return the namespace; closing it leaves it in place
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#NAMESPACES} (the default)
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    default NetworkNamespace openNamespace(String name) throws IOException {
        throw new UnsupportedFeatureException(Feature.NAMESPACES, name(), null);
    }

    /**
     * Starts a poller with a thread of its own, for this provider's devices. Needs {@link Feature#ASYNC_IO}.
     * A provider with this feature also gives every device {@code receiveAsync}/{@code sendAsync} on a shared
     * poller of its own.
     *
     * @return the new poller; close it to stop its thread
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#ASYNC_IO} (the default)
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    default dev.tappers.Poller openPoller() throws IOException {
        throw new UnsupportedFeatureException(Feature.ASYNC_IO, name(), null);
    }

    /**
     * Lists the interfaces of the caller's namespace. Needs {@link Feature#INTERFACE_LIST}.
     *
     * @return every interface, in the order the OS gives them
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#INTERFACE_LIST} (the default)
     * @throws IOException when the OS refuses; a {@link dev.tappers.TappersException} names the operation,
     *                     the interface and the errno
     */
    default List<InterfaceInfo> listInterfaces() throws IOException {
        throw new UnsupportedFeatureException(Feature.INTERFACE_LIST, name(), null);
    }
}
