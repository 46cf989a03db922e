package dev.tappers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One thread that watches many devices and moves their packets when they are ready: the JVM's answer to an
 * event loop. The provider supplies the mechanism (epoll on Linux).
 *
 * <p>Two ways to use it:
 * <ul>
 *   <li><b>Futures.</b> {@link #receive} and {@link #send} return a future that completes on the poller thread
 *   once the packet has moved. Several may be pending per device; each direction completes in the order the
 *   calls were made. Cancelling a future forgets its buffer and, once no operation is pending for a direction,
 *   the poller stops watching the device for it: a device nobody receives from is not watched for reads, so
 *   packets queue in the kernel (that is the back-pressure).</li>
 *   <li><b>Readiness callbacks.</b> {@link #watch} calls a listener on the poller thread once the device is
 *   readable or writable; the listener does nonblocking receives or sends and calls
 *   {@link Registration#rearm()} to be told again. Readiness is level-based: a device that still has a packet
 *   waiting is reported again as soon as it is re-armed.</li>
 * </ul>
 *
 * <p>Callbacks and dependent stages of the futures ({@code thenApply}, ...) run on the poller thread unless
 * given an executor: keep them short and never block in them.
 *
 * <p>Closing a device completes its pending futures exceptionally with
 * {@link java.nio.channels.AsynchronousCloseException} and cancels its registrations. Closing the poller does
 * the same for every device it watches; the devices stay open.
 *
 * <pre>{@code
 * try (Poller poller = Poller.open(); Tun tun = Tun.create()) {
 *     ByteBuffer packet = ByteBuffer.allocateDirect(tun.maxPacketSize());
 *     poller.receive(tun, packet).thenAccept(n -> System.out.println("received " + n + " bytes"));
 * }
 * }</pre>
 */
public interface Poller extends AutoCloseable {

    /**
     * Starts a poller of the chosen provider, with a thread of its own. Needs {@link Feature#ASYNC_IO}.
     *
     * @return the poller; close it to stop its thread
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#ASYNC_IO}
     * @throws NoProviderException when no provider fits this machine
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    static Poller open() throws IOException {
        return Tappers.provider().openPoller();
    }

    /**
     * Calls {@code listener} once, on the poller thread, when {@code device} is ready for {@code readiness}.
     * Re-arm the returned registration to be called again.
     *
     * @param device    the device to watch
     * @param readiness what to wait for
     * @param listener  called on the poller thread once the device is ready
     * @return the registration, to re-arm or cancel
     * @throws IllegalArgumentException if the device belongs to another provider
     * @throws java.nio.channels.ClosedChannelException if the device or this poller is closed
     * @throws IOException when the OS refuses to watch the device
     */
    Registration watch(PacketDevice device, Readiness readiness, ReadinessListener listener) throws IOException;

    /**
     * Receives one packet into {@code dst} (from its position, which advances past it) once one is waiting.
     * The future gives the packet's length; it fails with {@link PacketTooLargeException} when the packet does
     * not fit (the packet stays queued for the next receive). Do not touch {@code dst} until the future is done.
     * Bad arguments (a null or foreign device, a read-only buffer) give an already failed future.
     *
     * @param device the device to receive from
     * @param dst    where the packet goes, from its position
     * @return a future for the packet's length in bytes
     */
    CompletableFuture<Integer> receive(PacketDevice device, ByteBuffer dst);

    /**
     * Sends the packet between {@code src}'s position and limit once the device can take it. The future gives
     * the bytes sent. The packet is checked at once: an invalid one gives an already failed future.
     *
     * @param device the device to send on
     * @param src    the packet, from its position to its limit
     * @return a future for the number of bytes sent
     */
    CompletableFuture<Integer> send(PacketDevice device, ByteBuffer src);

    /**
     * Whether the poller is still running.
     *
     * @return false once {@link #close()} has run
     */
    boolean isOpen();

    /**
     * Stops the poller thread, fails every pending future with {@link java.nio.channels.AsynchronousCloseException}
     * and cancels every registration. The devices stay open. Closing twice is harmless.
     */
    @Override
    void close();

    /** Told by a {@link Poller} that a device is ready. Runs on the poller thread: do not block. */
    @FunctionalInterface
    interface ReadinessListener {
        /**
         * Called once the device is ready; call {@link Registration#rearm()} to be called again. The registration
         * comes as the argument because the call can come before {@link Poller#watch} has returned it.
         *
         * @param registration the registration that fired: its {@link Registration#device() device}, its
         *                     {@link Registration#readiness() readiness}, and {@link Registration#rearm()}
         */
        void ready(Registration registration);
    }

    /** One device watched for one kind of readiness, by one listener. */
    interface Registration {
        /**
         * The device watched.
         *
         * @return the device given to {@link Poller#watch}
         */
        PacketDevice device();

        /**
         * What the device is watched for.
         *
         * @return the readiness given to {@link Poller#watch}
         */
        Readiness readiness();

        /** Asks to be called again at the next readiness (at once, if the device is still ready). */
        void rearm();

        /** Stops watching; the listener is not called again. Harmless when already cancelled. */
        void cancel();

        /**
         * Whether the listener may still be called.
         *
         * @return false after {@link #cancel()}, or once the device or the poller is closed
         */
        boolean isActive();
    }
}
