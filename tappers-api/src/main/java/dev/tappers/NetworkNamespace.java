package dev.tappers;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A network namespace: its own interfaces, addresses and routes. Needs {@link Feature#NAMESPACES}.
 *
 * <p>A namespace belongs to an OS thread, not to a process, and so does every socket opened on that thread. So
 * {@link #call} runs the task on this namespace's own platform thread, never on a pool or virtual thread that
 * could carry it elsewhere, and devices made inside remember where they live.
 *
 * <pre>{@code
 * try (NetworkNamespace ns = NetworkNamespace.createAnonymous();
 *      Tun tun = ns.call(Tun::create)) {           // created inside ns; configured there from any thread
 *     tun.addAddress(AddressRequest.parse("198.18.0.1/24"));
 *     tun.up();
 *     List<InterfaceInfo> inside = ns.call(Tappers::interfaces); // lo and the TUN
 *     System.out.println(inside);
 * }
 * }</pre>
 */
public interface NetworkNamespace extends Closeable {

    /**
     * Creates a named namespace, visible to other tools under {@code /run/netns/<name>} until {@link #delete()}.
     *
     * @param name the name
     * @return the namespace
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#NAMESPACES}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static NetworkNamespace create(String name) throws IOException {
        return Tappers.provider().createNamespace(name);
    }

    /**
     * Creates an anonymous namespace that lives as long as this object (or a device or process inside it).
     *
     * @return the namespace
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#NAMESPACES}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static NetworkNamespace createAnonymous() throws IOException {
        return Tappers.provider().createNamespace(null);
    }

    /**
     * Opens an existing named namespace.
     *
     * @param name the name
     * @return the namespace; closing it leaves the namespace in place
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#NAMESPACES}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static NetworkNamespace open(String name) throws IOException {
        return Tappers.provider().openNamespace(name);
    }

    /**
     * The name, for a named namespace.
     *
     * @return the name, or empty for an anonymous namespace
     */
    Optional<String> name();

    /**
     * Runs {@code task} on this namespace's thread and returns its result; its exception is rethrown as is.
     *
     * @param <T>  the result's type
     * @param task what to run inside the namespace
     * @return what {@code task} returned
     * @throws Exception whatever {@code task} threw
     */
    <T> T call(Callable<T> task) throws Exception;

    /**
     * Moves the interface {@code name} from the caller's namespace into this one.
     *
     * @param name the interface to move
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    void moveInterface(InterfaceName name) throws IOException;

    /**
     * Removes the name (for a named namespace) and closes this object. The namespace and its interfaces go
     * away once nothing else holds it.
     *
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    void delete() throws IOException;

    /**
     * Whether this object is still open.
     *
     * @return false once it is closed or deleted
     */
    boolean isOpen();

    /**
     * Stops the thread and releases this object's hold on the namespace; a named one stays until deleted.
     *
     * @throws IOException when releasing the namespace fails
     */
    @Override
    void close() throws IOException;
}
