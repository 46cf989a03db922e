package dev.tappers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Privilege separation: a small privileged helper creates the device and sends its descriptor over a Unix
 * socket ({@link PacketDevice#sendDescriptor}); the application, which never needs CAP_NET_ADMIN, receives it
 * here and owns it. Needs {@link Feature#DESCRIPTOR_PASSING}.
 *
 * <pre>{@code
 * // in the privileged helper
 * try (Tun tun = Tun.create("tun-app")) {
 *     tun.addAddress(AddressRequest.parse("198.18.0.1/24"));
 *     tun.up();
 *     tun.sendDescriptor(Path.of("/run/app/tun.sock"));
 * }
 * // in the unprivileged application
 * try (Tun tun = DescriptorPassing.receiveTun(Path.of("/run/app/tun.sock"), Duration.ofSeconds(10))) {
 *     ByteBuffer packet = ByteBuffer.allocateDirect(tun.maxPacketSize());
 *     tun.receive(packet);
 * }
 * }</pre>
 */
public final class DescriptorPassing {
    private DescriptorPassing() {
    }

    /**
     * Listens on {@code socketPath} (which must not exist), accepts one sender, and returns the TUN device whose
     * descriptor it sends. Waits at most {@code timeout}. The socket file is removed before returning.
     *
     * @param socketPath the Unix socket to create and listen on
     * @param timeout    how long to wait for the sender
     * @return the TUN device, owned by the caller
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#DESCRIPTOR_PASSING}
     * @throws IOException when no descriptor arrives in time, or the OS refuses; a {@link TappersException}
     *                     names the operation and the errno
     */
    public static Tun receiveTun(Path socketPath, Duration timeout) throws IOException {
        return Tappers.provider().receiveTun(socketPath, timeout);
    }

    /**
     * As {@link #receiveTun}, for a TAP device.
     *
     * @param socketPath the Unix socket to create and listen on
     * @param timeout    how long to wait for the sender
     * @return the TAP device, owned by the caller
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#DESCRIPTOR_PASSING}
     * @throws IOException when no descriptor arrives in time, or the OS refuses; a {@link TappersException}
     *                     names the operation and the errno
     */
    public static Tap receiveTap(Path socketPath, Duration timeout) throws IOException {
        return Tappers.provider().receiveTap(socketPath, timeout);
    }
}
