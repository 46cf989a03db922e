package dev.tappers.linux;

import dev.tappers.PacketDevice;
import dev.tappers.Poller;
import dev.tappers.Readiness;
import dev.tappers.linux.jna.Epoll;
import dev.tappers.linux.jna.PacketIo;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.spi.Checks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * A {@link Poller} on one epoll instance and one platform thread.
 *
 * <p>Each device descriptor is in the epoll set at most once, one-shot, armed for exactly the directions that
 * have something waiting (a pending future or an armed listener) and disarmed otherwise: that is the
 * back-pressure, and it keeps readable and writable apart. Events carry a key that names the {@link DeviceWatch},
 * never the descriptor number, and a device's entry leaves the set before its descriptor is released (a close
 * listener of the {@link PacketChannel}), so a reused descriptor number can never be mistaken for the old device.
 *
 * <p>I/O for futures happens on the poller thread through the channel's non-waiting calls, under the watch's
 * lock; futures complete and listeners run after that lock is released, so their code may call the poller again.
 */
final class LinuxPoller implements Poller {
    private static final System.Logger LOG = System.getLogger(LinuxPoller.class.getName());
    private static final int MAX_EVENTS = 256;
    /** An event bit of ours, never epoll's: the dispatch is for a packet held in user space. */
    private static final int HELD = 1 << 29;
    /** The key of the poller's own wake-up eventfd; device keys start at 1. */
    private static final long WAKE_KEY = 0;
    /** How long close waits for the poller thread to finish its current round. */
    private static final long CLOSE_JOIN_MILLIS = 2_000;
    private static final AtomicInteger NUMBER = new AtomicInteger();

    private static volatile LinuxPoller shared;

    private final Epoll epoll;
    private final int wakeFd;
    private final Thread thread;
    /** Counts threads inside epoll_ctl, so the epoll descriptor is released only once none is. */
    private final DescriptorGuard guard = new DescriptorGuard();
    private final ConcurrentHashMap<PacketChannel, DeviceWatch> watches = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, DeviceWatch> byKey = new ConcurrentHashMap<>();
    private final AtomicLong nextKey = new AtomicLong(WAKE_KEY + 1);
    /** Filled and emptied by the poller thread only, once per event. */
    private final List<Runnable> completions = new ArrayList<>();
    /**
     * Watches with a packet already held in user space (a cut segment, a packet kept after PacketTooLarge):
     * their descriptor may never become readable for it, so the poller thread is woken to serve them directly.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<DeviceWatch> heldPackets = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private LinuxPoller(String threadName) throws IOException {
        try {
            this.epoll = new Epoll(MAX_EVENTS);
        } catch (SyscallException e) {
            throw LinuxErrors.device("open poller [" + e.syscall() + "]", "(poller)", e.errno(), null);
        }
        try {
            this.wakeFd = PacketIo.newWakeFd();
            epoll.add(wakeFd, EPOLLIN, WAKE_KEY);
        } catch (SyscallException e) {
            epoll.close();
            throw LinuxErrors.device("open poller [" + e.syscall() + "]", "(poller)", e.errno(), null);
        }
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    /** A new poller with a thread of its own. */
    static LinuxPoller open() throws IOException {
        LinuxPoller poller = new LinuxPoller("tappers-poller-" + NUMBER.incrementAndGet());
        poller.thread.start();
        return poller;
    }

    /**
     * The provider's shared poller: behind {@code receiveAsync}/{@code sendAsync}, and where virtual threads wait.
     * Started on first use and never closed (its thread is a daemon).
     */
    static LinuxPoller shared() throws IOException {
        LinuxPoller p = shared;
        if (p == null) {
            synchronized (LinuxPoller.class) {
                p = shared;
                if (p == null) {
                    p = new LinuxPoller("tappers-poller-shared");
                    p.thread.start();
                    shared = p;
                }
            }
        }
        return p;
    }

    // ---- Poller ---------------------------------------------------------------------------------------------

    @Override
    public Registration watch(PacketDevice device, Readiness readiness, ReadinessListener listener) throws IOException {
        Objects.requireNonNull(readiness, "watch: readiness");
        Objects.requireNonNull(listener, "watch: listener");
        LinuxPacketDevice own = own("watch", device);
        return register(own.channel(), own, readiness, listener, null);
    }

    @Override
    public CompletableFuture<Integer> receive(PacketDevice device, ByteBuffer dst) {
        LinuxPacketDevice own;
        try {
            own = own("receive", device);
            Checks.receiveBuffer(own.name().value(), dst);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return enqueue(own, dst, true);
    }

    @Override
    public CompletableFuture<Integer> send(PacketDevice device, ByteBuffer src) {
        LinuxPacketDevice own;
        try {
            own = own("send", device);
            own.checkPacket(src);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return enqueue(own, src, false);
    }

    @Override
    public boolean isOpen() {
        return !guard.isClosed();
    }

    @Override
    public void close() {
        if (this == shared) {
            return; // the shared poller lives as long as the JVM
        }
        try {
            guard.enter(); // inside, the wake-up descriptor cannot be released under us
        } catch (ClosedChannelException e) {
            return; // closed already
        }
        try {
            if (!guard.markClosed()) {
                return;
            }
            PacketIo.wake(wakeFd);
        } finally {
            guard.exit();
        }
        for (DeviceWatch w : watches.values()) {
            w.end(new AsynchronousCloseException(), false);
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(CLOSE_JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "LinuxPoller[" + thread.getName() + ", " + watches.size() + " devices" + (isOpen() ? "" : ", closed") + "]";
    }

    private static LinuxPacketDevice own(String operation, PacketDevice device) {
        Objects.requireNonNull(device, operation + ": device");
        if (!(device instanceof LinuxPacketDevice)) {
            throw new IllegalArgumentException(operation + ": " + device + " is not a device of the Linux provider; "
                    + "a poller serves its own provider's devices");
        }
        return (LinuxPacketDevice) device;
    }

    // ---- what the packet channel asks of the shared poller ---------------------------------------------------

    /**
     * Parks the calling (virtual) thread until the channel is ready or closed; the caller then checks which.
     * Parking in a future lets the carrier thread run other virtual threads meanwhile.
     */
    void awaitReady(PacketChannel channel, Readiness readiness) throws IOException {
        CompletableFuture<Void> woken = new CompletableFuture<>();
        Registration registration;
        try {
            registration = register(channel, null, readiness, null, woken);
        } catch (ClosedChannelException e) {
            if (channel.isClosed()) {
                return; // closed meanwhile: the caller reports it
            }
            throw new IOException("waiting for " + readiness + ": the shared poller has stopped", e);
        }
        try {
            woken.join();
        } catch (CompletionException e) {
            throw new IOException("waiting for " + readiness + " on the shared poller failed", e.getCause());
        } finally {
            registration.cancel();
        }
    }

    // ---- the poller thread ------------------------------------------------------------------------------------

    private void run() {
        try {
            while (!guard.isClosed()) {
                int n = epoll.await(-1);
                for (int i = 0; i < n; i++) {
                    long key = epoll.key(i);
                    if (key == WAKE_KEY) {
                        PacketIo.drainWake(wakeFd); // close(), or a packet held in user space
                        continue;
                    }
                    DeviceWatch w = byKey.get(key);
                    if (w != null) {
                        w.dispatch(epoll.events(i)); // an unknown key is a device forgotten since the wait
                    }
                }
                // Only those queued before this round: a watch that queues itself again waits for the next one,
                // so epoll_wait and every other device still get their turn.
                for (int held = heldPackets.size(); held > 0; held--) {
                    DeviceWatch w = heldPackets.poll();
                    if (w == null) {
                        break;
                    }
                    w.dispatch(EPOLLIN | HELD);
                }
            }
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "poller " + thread.getName() + " stopped", t);
            guard.markClosed();
            IOException cause = new IOException("poller " + thread.getName() + " stopped: " + t, t);
            for (DeviceWatch w : watches.values()) {
                w.end(cause, false);
            }
        } finally {
            guard.whenDrained(this::release);
        }
    }

    /** Wakes the poller thread, unless it is closing (then its wake-up descriptor may be gone). */
    private void wakePoller() {
        try {
            guard.enter();
        } catch (ClosedChannelException e) {
            return;
        }
        try {
            PacketIo.wake(wakeFd);
        } finally {
            guard.exit();
        }
    }

    private void release() {
        epoll.close();
        dev.tappers.linux.jna.Syscalls.closeQuietly(wakeFd);
    }

    // ---- watches ----------------------------------------------------------------------------------------------

    private Registration register(PacketChannel channel, PacketDevice device, Readiness readiness,
                                  ReadinessListener listener, CompletableFuture<Void> waiter) throws IOException {
        DeviceWatch w = watchOf(channel);
        ReadinessRegistration r = new ReadinessRegistration(w, device, readiness, listener, waiter);
        synchronized (w) {
            if (w.ended) {
                throw new ClosedChannelException();
            }
            w.registrations(readiness).add(r);
            try {
                w.arm();
            } catch (IOException e) {
                w.registrations(readiness).remove(r);
                throw e;
            }
        }
        return r;
    }

    private CompletableFuture<Integer> enqueue(LinuxPacketDevice device, ByteBuffer buffer, boolean receive) {
        DeviceWatch w;
        try {
            w = watchOf(device.channel());
        } catch (ClosedChannelException e) {
            return CompletableFuture.failedFuture(e);
        }
        PendingIo op = new PendingIo(w, buffer, receive);
        IOException failure = null;
        synchronized (w) {
            if (w.ended) {
                failure = new ClosedChannelException();
            } else {
                w.queue(receive).add(op);
                try {
                    w.arm();
                } catch (IOException e) {
                    w.queue(receive).remove(op);
                    failure = e;
                }
            }
        }
        if (failure != null) {
            op.completeExceptionally(failure);
        }
        return op;
    }

    /** The watch of this channel, made on first use; ClosedChannelException if the channel or poller is closed. */
    private DeviceWatch watchOf(PacketChannel channel) throws ClosedChannelException {
        if (guard.isClosed()) {
            throw new ClosedChannelException();
        }
        DeviceWatch w = watches.get(channel);
        if (w != null) {
            return w;
        }
        synchronized (watches) {
            w = watches.get(channel);
            if (w == null) {
                w = new DeviceWatch(channel, nextKey.getAndIncrement());
                if (!channel.addCloseListener(w.onChannelClose)) {
                    throw new ClosedChannelException();
                }
                channel.addRxReleaseListener(w.onRxRelease);
                watches.put(channel, w);
                byKey.put(w.key, w);
            }
            return w;
        }
    }

    /** One device's state in this poller. Every field is guarded by the watch's own lock. */
    private final class DeviceWatch {
        final PacketChannel channel;
        final long key;
        final ArrayDeque<PendingIo> receives = new ArrayDeque<>();
        final ArrayDeque<PendingIo> sends = new ArrayDeque<>();
        final List<ReadinessRegistration> readRegistrations = new ArrayList<>();
        final List<ReadinessRegistration> writeRegistrations = new ArrayList<>();
        /** Whether the descriptor is in the epoll set (possibly disarmed after firing). */
        boolean inEpoll;
        /** The events it is armed for now; 0 once it fired (one-shot) or when nothing waits. */
        int armedEvents;
        boolean ended;
        /** In {@link #heldPackets}, waiting to be served without an epoll event. */
        boolean inHeld;
        /** The last receive attempt found the channel's receive lock taken: reads wait for its release. */
        boolean rxBusy;
        final Runnable onChannelClose = () -> end(new AsynchronousCloseException(), true);
        final Runnable onRxRelease = this::rxReleased;

        /** A receiving thread let go of the channel: look again at once if anything here waits to receive. */
        void rxReleased() {
            synchronized (this) {
                rxBusy = false;
                if (ended || inHeld || (receives.isEmpty() && !anyArmed(readRegistrations))) {
                    return;
                }
                inHeld = true;
            }
            heldPackets.add(this);
            wakePoller();
        }

        DeviceWatch(PacketChannel channel, long key) {
            this.channel = channel;
            this.key = key;
        }

        ArrayDeque<PendingIo> queue(boolean receive) {
            return receive ? receives : sends;
        }

        List<ReadinessRegistration> registrations(Readiness readiness) {
            return readiness == Readiness.READABLE ? readRegistrations : writeRegistrations;
        }

        /**
         * Arms the descriptor for exactly the directions something waits for. The channel is open while this
         * watch has not ended (the channel's close ends it, under this lock, before releasing the descriptor),
         * so the descriptor number is still this device's.
         */
        void arm() throws IOException {
            if (ended) {
                return;
            }
            boolean readWanted = (!receives.isEmpty() || anyArmed(readRegistrations)) && !rxBusy;
            if (readWanted && channel.hasBufferedPacket() && !inHeld) {
                inHeld = true; // a packet in user space never makes the descriptor readable: serve it directly
                heldPackets.add(this);
                wakePoller();
            }
            int wanted = (readWanted ? EPOLLIN : 0) | (!sends.isEmpty() || anyArmed(writeRegistrations) ? EPOLLOUT : 0);
            if (wanted == armedEvents) {
                return; // includes "nothing wanted, and the one-shot entry already fired": it is off already
            }
            guard.enter(); // the poller is open: its epoll descriptor is valid until we leave
            try {
                int fd = channel.descriptor();
                if (wanted == 0) {
                    epoll.modify(fd, 0, key); // keep the entry, off: cheaper than DEL now and ADD later
                } else if (inEpoll) {
                    epoll.modify(fd, wanted | EPOLLONESHOT, key);
                } else {
                    epoll.add(fd, wanted | EPOLLONESHOT, key);
                    inEpoll = true;
                }
                armedEvents = wanted;
            } catch (SyscallException e) {
                throw LinuxErrors.device("poller arm [" + e.syscall() + "]", thread.getName(), e.errno(), null);
            } finally {
                guard.exit();
            }
        }

        private boolean anyArmed(List<ReadinessRegistration> registrations) {
            for (ReadinessRegistration r : registrations) {
                if (r.state == ReadinessRegistration.ARMED) {
                    return true;
                }
            }
            return false;
        }

        /** On the poller thread: moves what can move now, collects what to complete, re-arms. */
        void dispatch(int events) {
            synchronized (this) {
                if (ended) {
                    return;
                }
                if ((events & HELD) != 0) {
                    inHeld = false; // served now; the epoll entry, if armed, stays armed
                } else {
                    armedEvents = 0; // one-shot: the entry is disarmed until arm() modifies it
                }
                // An error or hang-up counts as both: the next call reports it to whoever is waiting.
                if ((events & (EPOLLIN | EPOLLERR | EPOLLHUP)) != 0) {
                    move(true);
                    fire(readRegistrations);
                }
                if ((events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) != 0) {
                    move(false);
                    fire(writeRegistrations);
                }
                try {
                    arm();
                } catch (IOException e) {
                    failQueued(e);
                }
            }
            runCompletions();
        }

        /** Moves the queued receives (or sends) that can move now, in order, and collects their completions. */
        private void move(boolean receive) {
            ArrayDeque<PendingIo> queue = queue(receive);
            while (!queue.isEmpty()) {
                PendingIo op = queue.peek();
                if (op.isDone()) {
                    queue.poll(); // completed by its owner: never move a packet through it
                    continue;
                }
                int n;
                try {
                    n = receive ? channel.tryReceive(op.buffer) : channel.trySend(op.buffer);
                } catch (IOException | RuntimeException e) {
                    queue.poll();
                    completions.add(() -> op.failByPoller(e));
                    continue;
                }
                if (n == PacketIo.AGAIN) {
                    return;
                }
                if (n == PacketChannel.BUSY) { // receives only
                    rxBusy = true; // the lock holder's release brings us back (rxReleased)
                    return;
                }
                queue.poll();
                completions.add(() -> op.completeByPoller(n));
            }
        }

        private void fire(List<ReadinessRegistration> registrations) {
            for (ReadinessRegistration r : registrations) {
                if (r.state == ReadinessRegistration.ARMED) {
                    r.state = ReadinessRegistration.FIRED;
                    completions.add(r::deliver);
                }
            }
        }

        private void failQueued(IOException e) {
            for (PendingIo op : receives) {
                completions.add(() -> op.failByPoller(e));
            }
            for (PendingIo op : sends) {
                completions.add(() -> op.failByPoller(e));
            }
            receives.clear();
            sends.clear();
        }

        private void runCompletions() {
            for (Runnable completion : completions) {
                completion.run();
            }
            completions.clear();
        }

        /**
         * Ends the watch: the device leaves the epoll set, pending futures fail with {@code cause}, registrations
         * are cancelled. Runs on the closing thread, from the channel's close (before the descriptor is
         * released) or from the poller's.
         */
        void end(IOException cause, boolean channelClosing) {
            List<PendingIo> doomed = new ArrayList<>();
            List<ReadinessRegistration> cancelled = new ArrayList<>();
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                if (inEpoll) {
                    removeFromEpoll();
                }
                doomed.addAll(receives);
                doomed.addAll(sends);
                receives.clear();
                sends.clear();
                for (List<ReadinessRegistration> list : List.of(readRegistrations, writeRegistrations)) {
                    for (ReadinessRegistration r : list) {
                        r.state = ReadinessRegistration.CANCELLED;
                        cancelled.add(r);
                    }
                    list.clear();
                }
            }
            watches.remove(channel, this);
            byKey.remove(key, this);
            if (!channelClosing) {
                channel.removeCloseListener(onChannelClose);
            }
            channel.removeRxReleaseListener(onRxRelease);
            for (PendingIo op : doomed) {
                op.failByPoller(cause);
            }
            for (ReadinessRegistration r : cancelled) {
                r.wakeWaiter();
            }
        }

        /** Takes the descriptor out of the set while it is still ours; harmless if the poller is closing. */
        private void removeFromEpoll() {
            try {
                guard.enter();
            } catch (ClosedChannelException e) {
                return; // the epoll instance is going away, and its entries with it
            }
            try {
                epoll.remove(channel.descriptor());
            } catch (SyscallException e) {
                LOG.log(System.Logger.Level.DEBUG, "epoll_ctl(DEL) on a closing device failed: errno " + e.errno());
            } finally {
                inEpoll = false;
                guard.exit();
            }
        }
    }

    /** A receive or send future waiting in a {@link DeviceWatch}. Cancelling it takes it out of the queue. */
    private static final class PendingIo extends CompletableFuture<Integer> {
        private final DeviceWatch watch;
        final ByteBuffer buffer;
        private final boolean receive;

        PendingIo(DeviceWatch watch, ByteBuffer buffer, boolean receive) {
            this.watch = watch;
            this.buffer = buffer;
            this.receive = receive;
        }

        /**
         * Succeeds only while the operation is still queued: once the poller has taken it, the packet has moved
         * and the future will carry it, so it is never lost to a late cancel.
         */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (watch) {
                if (!watch.queue(receive).remove(this)) {
                    return false;
                }
                try {
                    watch.arm(); // nothing else waiting: stop watching this direction
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "disarming after a cancel failed: " + e.getMessage());
                }
            }
            return super.cancel(mayInterruptIfRunning);
        }

        /**
         * Completing from outside (orTimeout, completeOnTimeout, a caller) works like a cancel: only while the
         * operation is still queued, so the poller never moves a packet into a buffer whose future is done.
         */
        @Override
        public boolean complete(Integer value) {
            return takeBack() && super.complete(value);
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            return takeBack() && super.completeExceptionally(failure);
        }

        private boolean takeBack() {
            synchronized (watch) {
                if (!watch.queue(receive).remove(this)) {
                    return false;
                }
                try {
                    watch.arm();
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "disarming after an outside completion failed: " + e.getMessage());
                }
                return true;
            }
        }

        /** The poller's own completion, after it took the operation out of the queue. */
        void completeByPoller(int n) {
            super.complete(n);
        }

        void failByPoller(Throwable failure) {
            super.completeExceptionally(failure);
        }
    }

    /** A listener (or, internally, a parked virtual thread) waiting for one kind of readiness. */
    private static final class ReadinessRegistration implements Registration {
        static final int ARMED = 0;
        static final int FIRED = 1;
        static final int CANCELLED = 2;

        private final DeviceWatch watch;
        private final PacketDevice device;
        private final Readiness readiness;
        private final ReadinessListener listener;
        private final CompletableFuture<Void> waiter;
        /** Guarded by the watch's lock. */
        int state = ARMED;

        ReadinessRegistration(DeviceWatch watch, PacketDevice device, Readiness readiness, ReadinessListener listener,
                              CompletableFuture<Void> waiter) {
            this.watch = watch;
            this.device = device;
            this.readiness = readiness;
            this.listener = listener;
            this.waiter = waiter;
        }

        /** Outside the watch's lock, on the poller thread. */
        void deliver() {
            if (waiter != null) {
                waiter.complete(null);
                return;
            }
            try {
                listener.ready(this);
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.WARNING, "a readiness listener for " + device + " threw", e);
            }
        }

        void wakeWaiter() {
            if (waiter != null) {
                waiter.complete(null);
            }
        }

        @Override
        public PacketDevice device() {
            return device;
        }

        @Override
        public Readiness readiness() {
            return readiness;
        }

        @Override
        public void rearm() {
            synchronized (watch) {
                if (state != FIRED || watch.ended) {
                    return;
                }
                state = ARMED;
                try {
                    watch.arm();
                } catch (IOException e) {
                    state = CANCELLED;
                    watch.registrations(readiness).remove(this);
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }

        @Override
        public void cancel() {
            synchronized (watch) {
                if (state == CANCELLED) {
                    return;
                }
                state = CANCELLED;
                watch.registrations(readiness).remove(this);
                try {
                    watch.arm();
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "disarming after a cancel failed: " + e.getMessage());
                }
            }
            wakeWaiter();
        }

        @Override
        public boolean isActive() {
            synchronized (watch) {
                return state != CANCELLED && !watch.ended;
            }
        }
    }
}
