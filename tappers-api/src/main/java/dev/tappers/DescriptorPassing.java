package dev.tappers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Privilege separation: a small privileged helper creates the device and sends its descriptor over a Unix
 * socket ({@link PacketDevice#sendDescriptor}); the application, which never needs CAP_NET_ADMIN, receives it
 * here and owns it. Needs {@link Feature#DESCRIPTOR_PASSING}.
 */
public final class DescriptorPassing {
    private DescriptorPassing() {
    }

    /**
     * Listens on {@code socketPath} (which must not exist), accepts one sender, and returns the TUN device whose
     * descriptor it sends. Waits at most {@code timeout}. The socket file is removed before returning.
     */
    public static Tun receiveTun(Path socketPath, Duration timeout) throws IOException {
        return Tappers.provider().receiveTun(socketPath, timeout);
    }

    /** As {@link #receiveTun}, for a TAP device. */
    public static Tap receiveTap(Path socketPath, Duration timeout) throws IOException {
        return Tappers.provider().receiveTap(socketPath, timeout);
    }
}
