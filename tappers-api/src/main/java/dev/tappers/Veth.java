package dev.tappers;

import java.io.Closeable;
import java.io.IOException;

/**
 * A virtual Ethernet pair: two interfaces joined back to back, each configurable like any other
 * ({@link VethEnd}). What one end sends the other receives. Needs {@link Feature#VETH}.
 *
 * <pre>{@code
 * try (NetworkNamespace ns = NetworkNamespace.createAnonymous();
 *      Veth veth = Veth.create(VethOptions.named("veth-a", "veth-b").withPeerNamespace(ns))) {
 *     veth.end().addAddress(AddressRequest.parse("198.51.100.1/24"));
 *     veth.end().up();
 *     veth.peer().addAddress(AddressRequest.parse("198.51.100.2/24")); // runs inside ns
 *     veth.peer().up();
 * }
 * }</pre>
 */
public interface Veth extends Closeable {

    /**
     * Creates a pair with kernel-picked names, both ends in the caller's namespace.
     *
     * @return the new pair; closing it deletes both ends
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#VETH}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Veth create() throws IOException {
        return create(VethOptions.defaults());
    }

    /**
     * Creates a pair as {@code options} say.
     *
     * @param options the ends' names, MACs and MTU, and the peer's namespace
     * @return the new pair; closing it deletes both ends
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#VETH}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Veth create(VethOptions options) throws IOException {
        return Tappers.provider().createVeth(options);
    }

    /**
     * Opens an existing pair by the name of one end; closing it never deletes the pair.
     *
     * @param name the name of one end, which becomes {@link #end()}
     * @return the pair
     * @throws NoSuchDeviceException when no vETH interface has that name
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#VETH}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Veth open(String name) throws IOException {
        return Tappers.provider().openVeth(InterfaceName.of(name));
    }

    /**
     * The end created with (or opened by) the first name.
     *
     * @return that end
     */
    VethEnd end();

    /**
     * The other end, possibly in another namespace.
     *
     * @return the peer end
     */
    VethEnd peer();

    /**
     * Whether this library created the pair.
     *
     * @return true when it did, so closing it deletes both ends
     */
    boolean isCreatedByUs();

    /**
     * Deletes both ends if this library created them; an opened pair is left as it was.
     *
     * @throws IOException when deleting the pair fails
     */
    @Override
    void close() throws IOException;
}
