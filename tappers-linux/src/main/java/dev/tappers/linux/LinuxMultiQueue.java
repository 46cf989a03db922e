package dev.tappers.linux;

import dev.tappers.InterfaceName;
import dev.tappers.MultiQueue;
import dev.tappers.PacketDevice;
import dev.tappers.linux.jna.Syscalls;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static dev.tappers.linux.jna.LinuxConstants.EINVAL;
import static dev.tappers.linux.jna.LinuxConstants.IFF_ATTACH_QUEUE;
import static dev.tappers.linux.jna.LinuxConstants.IFF_DETACH_QUEUE;

/**
 * A multi-queue TUN/TAP device: one interface, one descriptor per queue, each wrapped in a device of its own.
 *
 * <p>Each queue configures the shared interface like any device, and a rename or a move into another namespace
 * through one is followed by all. Closing one queue releases only its descriptor; the interface goes when the
 * last queue is closed (unless it is persistent), which {@link #close()} does, or at once with {@link #delete()}.
 * Detach and attach use TUNSETQUEUE; a detached queue keeps its descriptor and receives nothing until it is
 * attached again.
 *
 * @param <D> {@link dev.tappers.Tun} or {@link dev.tappers.Tap}
 */
final class LinuxMultiQueue<D extends PacketDevice> implements MultiQueue<D> {
    private final List<LinuxPacketDevice> queues;
    private final List<D> view;
    /** Guarded by itself: which queues this object detached. */
    private final boolean[] detached;
    /**
     * Not guarded by {@link #detached}: close must not wait behind an attach or detach whose step may be hopping
     * to a namespace's thread; the queues' own guards make such a step fail once they are closed.
     */
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    LinuxMultiQueue(List<LinuxPacketDevice> queues, Class<D> type) {
        this.queues = List.copyOf(queues);
        this.view = this.queues.stream().map(type::cast).collect(Collectors.toUnmodifiableList());
        this.detached = new boolean[queues.size()];
        Consumer<InterfaceName> everyQueue = newName -> this.queues.forEach(q -> q.renamed(newName));
        Consumer<LinuxInterface.Place> everyQueueMoved = now -> this.queues.forEach(q -> q.relocated(now));
        this.queues.forEach(q -> {
            q.onRename(everyQueue);
            q.onMove(everyQueueMoved);
        });
    }

    @Override
    public List<D> queues() {
        return view;
    }

    /** Detaches queue {@code i}; a queue that is detached already stays so, with no system call. */
    @Override
    public void detach(int i) throws IOException {
        setAttached(i, false);
    }

    /** Attaches queue {@code i} again; a queue that is attached already stays so, with no system call. */
    @Override
    public void attach(int i) throws IOException {
        setAttached(i, true);
    }

    private void setAttached(int i, boolean attach) throws IOException {
        String operation = (attach ? "attach" : "detach") + " queue " + i;
        if (i < 0 || i >= queues.size()) {
            throw new IllegalArgumentException(operation + " of " + name() + ": there are " + queues.size()
                    + " queues, numbered 0 to " + (queues.size() - 1));
        }
        LinuxPacketDevice queue = queues.get(i);
        synchronized (detached) {
            if (closed.get()) {
                throw new ClosedChannelException();
            }
            if (detached[i] == !attach) {
                return;
            }
            queue.configure(operation, false,
                    errno -> errno == EINVAL ? "the kernel says the queue is already " + (attach ? "attached" : "detached")
                            + " (changed through another descriptor?)" : null,
                    () -> {
                        Syscalls.tunSetQueue(queue.descriptor(), attach ? IFF_ATTACH_QUEUE : IFF_DETACH_QUEUE);
                        return null;
                    });
            detached[i] = !attach;
        }
    }

    /** Closes every queue, and so removes the interface unless it is persistent. Closing twice does nothing. */
    @Override
    public void close() throws IOException {
        if (markClosed()) {
            closeQueues(null);
        }
    }

    /**
     * Clears persistence (through a queue still open) and deletes the interface with RTM_DELLINK, which removes
     * it even while another process holds a queue of it; then closes every queue, whatever failed before. The
     * cleared flag is the fallback: should the deletion fail, the last close still removes the interface.
     *
     * @throws ClosedChannelException when this multi-queue device was closed or deleted already
     */
    @Override
    public void delete() throws IOException {
        if (!markClosed()) {
            throw new ClosedChannelException();
        }
        IOException failure = null;
        try {
            for (LinuxPacketDevice q : queues) {
                if (q.isOpen()) {
                    q.setPersistent(false);
                    break;
                }
            }
            queues.get(0).deleteLink("delete multi-queue device");
        } catch (IOException e) {
            failure = e;
        }
        closeQueues(failure);
    }

    /** Marks this object closed; false when it was already. */
    private boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    /** Closes every queue; the first failure is thrown, with {@code failure} (if any) and the rest on it. */
    private void closeQueues(IOException failure) throws IOException {
        IOException first = failure;
        for (LinuxPacketDevice q : queues) {
            try {
                q.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private InterfaceName name() {
        return queues.get(0).name();
    }

    @Override
    public String toString() {
        int off;
        synchronized (detached) {
            off = 0;
            for (boolean d : detached) {
                off += d ? 1 : 0;
            }
        }
        return "LinuxMultiQueue[" + name() + ", " + queues.size() + " queues" + (off > 0 ? ", " + off + " detached" : "")
                + (closed.get() ? ", closed" : "") + "]";
    }
}
