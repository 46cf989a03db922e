package dev.tappers.tck;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A UDP endpoint at the far end of a data-path test: on a kernel, a {@link java.net.DatagramSocket} bound to the
 * device's address; without a kernel, whatever the {@link TestNetwork} puts at the other end of the device.
 */
public interface FarSocket extends Closeable {

    /** The local port (chosen by the far side). */
    int localPort();

    /** Sends {@code data} as one datagram to {@code to}, routed the way the far side routes it. */
    void send(byte[] data, InetSocketAddress to) throws IOException;

    /** The next datagram for this endpoint, or empty when none comes within {@code timeout}. */
    Optional<Datagram> receive(Duration timeout) throws IOException;

    @Override
    void close();

    /**
     * A datagram received.
     *
     * @param data   its data
     * @param sender the address and port it came from
     */
    record Datagram(byte[] data, InetSocketAddress sender) {
        public Datagram {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(sender, "sender");
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }
}
