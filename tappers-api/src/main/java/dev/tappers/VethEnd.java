package dev.tappers;

import java.util.Optional;

/**
 * One end of a {@link Veth} pair. Configuration runs in the end's own network namespace, whichever thread
 * calls. {@link #close()} releases only this handle; the pair's lifetime follows {@link Veth#close()}, and
 * {@link #delete()} deletes both ends.
 */
public interface VethEnd extends EthernetDevice {

    /**
     * The namespace this end lives in, when it is not the one the pair was created from.
     *
     * @return that namespace, or empty when the end is in the creating namespace
     */
    Optional<NetworkNamespace> namespace();
}
