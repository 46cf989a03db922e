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
 */
public interface NetworkNamespace extends Closeable {

    /** Creates a named namespace, visible to other tools under {@code /run/netns/<name>} until {@link #delete()}. */
    static NetworkNamespace create(String name) throws IOException {
        return Tappers.provider().createNamespace(name);
    }

    /** Creates an anonymous namespace that lives as long as this object (or a device or process inside it). */
    static NetworkNamespace createAnonymous() throws IOException {
        return Tappers.provider().createNamespace(null);
    }

    /** Opens an existing named namespace. */
    static NetworkNamespace open(String name) throws IOException {
        return Tappers.provider().openNamespace(name);
    }

    /** The name, for a named namespace. */
    Optional<String> name();

    /** Runs {@code task} on this namespace's thread and returns its result; its exception is rethrown as is. */
    <T> T call(Callable<T> task) throws Exception;

    /** Moves the interface {@code name} from the caller's namespace into this one. */
    void moveInterface(InterfaceName name) throws IOException;

    /**
     * Removes the name (for a named namespace) and closes this object. The namespace and its interfaces go
     * away once nothing else holds it.
     */
    void delete() throws IOException;

    boolean isOpen();

    /** Stops the thread and releases this object's hold on the namespace; a named one stays until deleted. */
    @Override
    void close() throws IOException;
}
