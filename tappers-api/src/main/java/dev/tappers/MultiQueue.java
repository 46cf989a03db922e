package dev.tappers;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A multi-queue device: one interface, several descriptors. The kernel spreads flows over the attached queues,
 * so each queue can have its own thread. Needs {@link Feature#MULTI_QUEUE}.
 *
 * <pre>{@code
 * ExecutorService threads = Executors.newFixedThreadPool(4);
 * try (MultiQueue<Tun> tun = Tun.createMultiQueue(DeviceOptions.defaults(), 4)) {
 *     for (Tun queue : tun.queues()) {
 *         threads.submit(() -> { echo(queue); return null; }); // one thread per queue; echo as in PacketDevice
 *     }
 * }
 * }</pre>
 *
 * @param <D> the kind of device each queue is
 */
public interface MultiQueue<D extends PacketDevice> extends Closeable {

    /**
     * The queues, in creation order; each is a device of its own for I/O.
     *
     * @return the queues
     */
    List<D> queues();

    /**
     * Stops the kernel from delivering to queue {@code i} (it stays open and can be attached again).
     *
     * @param i the queue's index in {@link #queues()}
     * @throws IndexOutOfBoundsException when there is no queue {@code i}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    void detach(int i) throws IOException;

    /**
     * Lets the kernel deliver to queue {@code i} again.
     *
     * @param i the queue's index in {@link #queues()}
     * @throws IndexOutOfBoundsException when there is no queue {@code i}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    void attach(int i) throws IOException;

    /**
     * Removes the interface whether or not it is persistent, then closes every queue.
     *
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    void delete() throws IOException;

    /**
     * Closes every queue; the interface goes with the last one unless it is persistent.
     *
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    @Override
    void close() throws IOException;
}
