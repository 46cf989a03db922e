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

    /** Creates a pair with kernel-picked names. */
    static Veth create() throws IOException {
        return create(VethOptions.defaults());
    }

    /** Creates a pair as {@code options} say. */
    static Veth create(VethOptions options) throws IOException {
        return Tappers.provider().createVeth(options);
    }

    /** Opens an existing pair by the name of one end; closing it never deletes the pair. */
    static Veth open(String name) throws IOException {
        return Tappers.provider().openVeth(InterfaceName.of(name));
    }

    /** The end created with (or opened by) the first name. */
    VethEnd end();

    /** The other end, possibly in another namespace. */
    VethEnd peer();

    /** True when this library created the pair, so closing it deletes both ends. */
    boolean isCreatedByUs();

    /** Deletes both ends if this library created them; an opened pair is left as it was. */
    @Override
    void close() throws IOException;
}
