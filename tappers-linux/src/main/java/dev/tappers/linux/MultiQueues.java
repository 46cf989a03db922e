package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.InterfaceName;
import dev.tappers.MultiQueue;
import dev.tappers.PacketDevice;
import dev.tappers.Tap;
import dev.tappers.Tun;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.tappers.linux.jna.LinuxConstants.MAX_TAP_QUEUES;

/**
 * Creates multi-queue TUN/TAP devices: {@code /dev/net/tun} opened once per queue, each descriptor attached
 * with IFF_MULTI_QUEUE to the same interface (the first one creates it, kernel-picked or named), each queue a
 * {@link LinuxTun} or {@link LinuxTap} of its own.
 *
 * <p>All or nothing: if queue k cannot be attached, the queues already made are closed, and since the device is
 * not persistent until every queue is in, the last close removes it. A persistent device is made persistent
 * only at the end, for the same reason.
 */
final class MultiQueues {
    private MultiQueues() {
    }

    /** Attaches one more queue; a seam so tests can make queue k fail. */
    @FunctionalInterface
    interface QueueAttacher {
        LinuxPacketDevice attach(TunTapFactory.Kind kind, InterfaceName name, boolean nonBlocking, int queue)
                throws IOException;
    }

    static MultiQueue<Tun> createTun(DeviceOptions options, int queues) throws IOException {
        return create(TunTapFactory.Kind.TUN, Tun.class, options, queues, TunTapFactory::attachQueue);
    }

    static MultiQueue<Tap> createTap(DeviceOptions options, int queues) throws IOException {
        return create(TunTapFactory.Kind.TAP, Tap.class, options, queues, TunTapFactory::attachQueue);
    }

    /**
     * @throws IllegalArgumentException for fewer than 1 or more than MAX_TAP_QUEUES (256) queues, before any
     *                                  system call
     */
    static <D extends PacketDevice> LinuxMultiQueue<D> create(TunTapFactory.Kind kind, Class<D> type,
                                                              DeviceOptions options, int queues,
                                                              QueueAttacher attacher) throws IOException {
        Objects.requireNonNull(options, "options");
        checkQueueCount(kind, queues);
        List<LinuxPacketDevice> made = new ArrayList<>(queues);
        try {
            LinuxPacketDevice first = TunTapFactory.createFirstQueue(kind, options);
            made.add(first);
            for (int q = 1; q < queues; q++) {
                made.add(attacher.attach(kind, first.name(), options.nonBlocking(), q));
            }
            if (options.persistent()) {
                first.setPersistent(true);
            }
            return new LinuxMultiQueue<>(made, type);
        } catch (IOException | RuntimeException | Error e) {
            closeAll(made, e);
            throw e;
        }
    }

    /** Checks the queue count against what the kernel allows, naming the operation. */
    static void checkQueueCount(TunTapFactory.Kind kind, int queues) {
        if (queues < 1 || queues > MAX_TAP_QUEUES) {
            throw new IllegalArgumentException("create multi-queue " + kind + ": " + queues + " queues; Linux allows 1 to "
                    + MAX_TAP_QUEUES + " (MAX_TAP_QUEUES in drivers/net/tun.c)");
        }
    }

    /** Closes what was made before a failure; what goes wrong here is kept on the original failure. */
    private static void closeAll(List<LinuxPacketDevice> made, Throwable failure) {
        for (int i = made.size() - 1; i >= 0; i--) {
            try {
                made.get(i).close();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
