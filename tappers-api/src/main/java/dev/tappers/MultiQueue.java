package dev.tappers;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A multi-queue device: one interface, several descriptors. The kernel spreads flows over the attached queues,
 * so each queue can have its own thread. Needs {@link Feature#MULTI_QUEUE}.
 *
 * @param <D> the kind of device each queue is
 */
public interface MultiQueue<D extends PacketDevice> extends Closeable {

    /** The queues, in creation order; each is a device of its own for I/O. */
    List<D> queues();

    /** Stops the kernel from delivering to queue {@code i} (it stays open and can be attached again). */
    void detach(int i) throws IOException;

    /** Lets the kernel deliver to queue {@code i} again. */
    void attach(int i) throws IOException;

    /** Removes the interface whether or not it is persistent, then closes every queue. */
    void delete() throws IOException;

    /** Closes every queue; the interface goes with the last one unless it is persistent. */
    @Override
    void close() throws IOException;
}
