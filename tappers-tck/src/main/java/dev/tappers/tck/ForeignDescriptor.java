package dev.tappers.tck;

import java.io.IOException;

/**
 * A descriptor opened outside the library under test, as another process, a privileged helper or a platform VPN
 * service would hand one over: a TUN or TAP attached to an interface, or something that is no device at all.
 * A provider's test makes these for {@link DescriptorPassingConformanceTest}, with the platform's own calls.
 */
public interface ForeignDescriptor extends AutoCloseable {

    /** The descriptor number in this process. */
    int descriptor();

    /** The interface the descriptor is attached to; empty when it is no TUN/TAP. */
    String interfaceName();

    /** Writes one packet (TUN) or frame (TAP) straight to the descriptor, past the library. */
    void write(byte[] packet) throws IOException;

    /**
     * Gives the descriptor away (to an adoption that owns it): from now on {@link #close()} leaves it alone, so
     * it never closes a number the new owner released and something else reused.
     *
     * @return {@link #descriptor()}
     */
    int handOver();

    /** Closes the descriptor, unless it was handed over; closing twice does nothing. */
    @Override
    void close() throws IOException;
}
