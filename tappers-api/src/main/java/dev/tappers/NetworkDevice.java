package dev.tappers;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Configuration common to every interface this library manages: name, index, state, MTU and addresses.
 *
 * <p>Every method that acts on the device throws {@link java.nio.channels.ClosedChannelException} once the device
 * is closed, and
 * {@link UnsupportedFeatureException} for a feature the provider lacks. Arguments are checked before any
 * system call ({@link IllegalArgumentException}); OS errors arrive as {@link TappersException} subclasses that
 * name the operation, the interface and the errno.
 */
public interface NetworkDevice extends Closeable {
    /** The lowest MTU IPv6 allows (RFC 8200, section 5). */
    int IPV6_MIN_MTU = 1280;

    /**
     * The interface name, as the kernel reported it after creation (or after {@link #rename}).
     *
     * @return the name
     */
    InterfaceName name();

    /**
     * The interface index.
     *
     * @return the index the OS gives the interface, at least 1
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    int index() throws IOException;

    /**
     * The administrative state, read from the interface flags ({@code IFF_UP}).
     *
     * @return up or down
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    DeviceState state() throws IOException;

    /**
     * Sets the administrative state.
     *
     * @param state up or down
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    void setState(DeviceState state) throws IOException;

    /**
     * Shorthand for {@code setState(DeviceState.UP)}.
     *
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default void up() throws IOException {
        setState(DeviceState.UP);
    }

    /**
     * Shorthand for {@code setState(DeviceState.DOWN)}.
     *
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default void down() throws IOException {
        setState(DeviceState.DOWN);
    }

    /**
     * The MTU in bytes.
     *
     * @return the MTU
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    int mtu() throws IOException;

    /**
     * Sets the MTU.
     *
     * @param mtu the new MTU in bytes
     * @throws IllegalArgumentException outside 1-65535, or below {@value #IPV6_MIN_MTU} while an IPv6 address
     *                                  (other than the kernel's link-local one) is configured
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    void setMtu(int mtu) throws IOException;

    /**
     * Every address on the interface, IPv4 and IPv6, link-local included.
     *
     * @return the addresses, each with its prefix length
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    List<AddressInfo> addresses() throws IOException;

    /**
     * Adds an address.
     *
     * @param request the address, its prefix length and, optionally, a broadcast or peer address
     * @throws IllegalArgumentException for IPv6 while the MTU is below {@value #IPV6_MIN_MTU}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    void addAddress(AddressRequest request) throws IOException;

    /**
     * Removes an address with the given prefix length; any prefix length the OS reports can be removed.
     *
     * @param address the address
     * @param prefixLength its prefix length
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    void removeAddress(InetAddress address, int prefixLength) throws IOException;

    /**
     * Removes an address reported by {@link #addresses()}.
     *
     * @param address one of the addresses {@link #addresses()} listed
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default void removeAddress(AddressInfo address) throws IOException {
        removeAddress(address.address(), address.prefixLength());
    }

    // ---- routes (Feature.ROUTES) ---------------------------------------------------------------------------

    /**
     * The routes through this interface that were added (by this library or an administrator), in every table;
     * not the ones the OS derives by itself from the interface's addresses. Needs {@link Feature#ROUTES}.
     *
     * @return the routes
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#ROUTES}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default List<Route> routes() throws IOException {
        throw new UnsupportedFeatureException(Feature.ROUTES, getClass().getName(), null);
    }

    /**
     * Adds a route through this interface. Needs {@link Feature#ROUTES}.
     *
     * @param route the destination, and optionally gateway, metric and table
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#ROUTES}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default void addRoute(Route route) throws IOException {
        throw new UnsupportedFeatureException(Feature.ROUTES, getClass().getName(), null);
    }

    /**
     * Removes a route through this interface. Needs {@link Feature#ROUTES}.
     *
     * @param route a route as added, or as {@link #routes()} listed it
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#ROUTES}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default void removeRoute(Route route) throws IOException {
        throw new UnsupportedFeatureException(Feature.ROUTES, getClass().getName(), null);
    }

    // ---- link settings -------------------------------------------------------------------------------------

    /**
     * The interface's flags among {@link LinkFlag}. Needs {@link Feature#LINK_FLAGS}.
     *
     * @return the flags that are set
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#LINK_FLAGS}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default Set<LinkFlag> flags() throws IOException {
        throw new UnsupportedFeatureException(Feature.LINK_FLAGS, getClass().getName(), null);
    }

    /**
     * Sets or clears one flag. Needs {@link Feature#LINK_FLAGS}.
     *
     * @param flag the flag
     * @param on true to set it, false to clear it
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#LINK_FLAGS}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default void setFlag(LinkFlag flag, boolean on) throws IOException {
        throw new UnsupportedFeatureException(Feature.LINK_FLAGS, getClass().getName(), null);
    }

    /**
     * The transmit queue length in packets. Needs {@link Feature#TX_QUEUE_LENGTH}.
     *
     * @return the length
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#TX_QUEUE_LENGTH}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default int txQueueLength() throws IOException {
        throw new UnsupportedFeatureException(Feature.TX_QUEUE_LENGTH, getClass().getName(), null);
    }

    /**
     * Sets the transmit queue length in packets. Needs {@link Feature#TX_QUEUE_LENGTH}.
     *
     * @param packets the new length
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#TX_QUEUE_LENGTH}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default void setTxQueueLength(int packets) throws IOException {
        throw new UnsupportedFeatureException(Feature.TX_QUEUE_LENGTH, getClass().getName(), null);
    }

    /**
     * Renames the interface; {@link #name()} reports the new name afterwards. Linux before 6.2 wants the interface
     * down first.
     * Needs {@link Feature#RENAME}.
     *
     * @param newName the new name
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#RENAME}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default void rename(InterfaceName newName) throws IOException {
        throw new UnsupportedFeatureException(Feature.RENAME, getClass().getName(), null);
    }

    /**
     * The interface metric, where the OS has one (Windows, the BSDs); empty where it has none (Linux, whose
     * routes carry the metric instead). Needs {@link Feature#INTERFACE_METRIC} to be set.
     *
     * @return the metric, or empty where the OS has none
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default OptionalInt metric() throws IOException {
        return OptionalInt.empty();
    }

    /**
     * Sets the interface metric. Needs {@link Feature#INTERFACE_METRIC}.
     *
     * @param metric the new metric
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#INTERFACE_METRIC} (never on Linux)
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default void setMetric(int metric) throws IOException {
        throw new UnsupportedFeatureException(Feature.INTERFACE_METRIC, getClass().getName(),
                "on Linux, give the metric to each route instead");
    }

    /**
     * Moves the interface into {@code namespace}; this object follows it, so later calls configure it there.
     * Needs {@link Feature#NAMESPACES}.
     *
     * @param namespace where the interface goes
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#NAMESPACES}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default void moveTo(NetworkNamespace namespace) throws IOException {
        throw new UnsupportedFeatureException(Feature.NAMESPACES, getClass().getName(), null);
    }

    /**
     * Whether this library created the device.
     *
     * @return true when it did, so that closing it removes it (unless persistent)
     */
    boolean isCreatedByUs();

    /**
     * Whether the device outlives {@link #close()}: made persistent, by us or by whoever created it.
     *
     * @return true when it is persistent
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    boolean isPersistent() throws IOException;

    /**
     * Makes the device persistent or not. A device that is not persistent is removed when its last user closes
     * it. Needs {@link Feature#PERSISTENCE}.
     *
     * @param persistent true to keep the device after the last close
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#PERSISTENCE}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    void setPersistent(boolean persistent) throws IOException;

    /**
     * Removes the interface from the system, whoever created it and whether or not it is persistent, then
     * closes this object. Use it to delete a persistent device or one opened by name.
     *
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    void delete() throws IOException;

    /**
     * Whether this object is still open.
     *
     * @return false once {@link #close()} has begun
     */
    boolean isOpen();

    /**
     * Releases the device. A device this library created is removed with it once no other descriptor holds it
     * (a passed or adopted copy, another queue) and unless it is persistent; a device that was only opened is left
     * as it was. Wakes any thread blocked in a receive, which then throws
     * {@link java.nio.channels.AsynchronousCloseException}. Closing twice does nothing.
     *
     * @throws IOException when removing the device fails
     */
    @Override
    void close() throws IOException;
}
