package dev.tappers.memory;

import dev.tappers.PacketDevice;
import dev.tappers.Poller;
import dev.tappers.Readiness;
import dev.tappers.spi.Checks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The in-memory provider's {@link Poller}: one thread that runs tasks in order. A device tells the pollers that
 * watch it when a packet arrives and when it closes; the poller thread then completes pending receives, in the
 * order they were asked for, and calls armed readiness listeners. An in-memory device can always take a packet,
 * so it is writable whenever it is open, and a send completes as soon as the poller thread runs it.
 *
 * <p>Everything about a device's pending receives and registrations is touched on the poller thread only;
 * other threads hand it tasks.
 */
final class MemoryPoller implements Poller {
    private final MemoryNetwork network;
    private final Thread thread;
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    /** Guards {@link #open} together with adding a task, so no task lands after the final one. */
    private final Object gate = new Object();
    private volatile boolean open = true;
    private final Map<MemoryDevice, Watched> watched = new ConcurrentHashMap<>();

    MemoryPoller(MemoryNetwork network, String threadName) {
        this.network = network;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        for (;;) {
            Runnable task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                return; // only close() could want this thread gone, and it ends it with a task instead
            }
            if (task == STOP) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // A listener's or a dependent stage's failure must not stop the poller for every other device.
            }
        }
    }

    private static final Runnable STOP = () -> { };

    /** Queues a task for the poller thread; false once the poller is closed. */
    private boolean post(Runnable task) {
        synchronized (gate) {
            if (!open) {
                return false;
            }
            tasks.add(task);
            return true;
        }
    }

    private MemoryDevice ours(PacketDevice device) {
        Objects.requireNonNull(device, "device");
        if (!(device instanceof MemoryDevice md) || md.network() != network) {
            throw new IllegalArgumentException("poller of in-memory network: " + device.name() + " belongs to another "
                    + "provider or network");
        }
        return md;
    }

    private Watched watchedFor(MemoryDevice device) {
        Watched w = watched.computeIfAbsent(device, Watched::new);
        device.addPoller(this);
        return w;
    }

    // ---- the API ---------------------------------------------------------------------------------------------

    @Override
    public Registration watch(PacketDevice device, Readiness readiness, ReadinessListener listener) throws IOException {
        MemoryDevice md = ours(device);
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(listener, "listener");
        md.ensureOpen();
        if (!open) {
            throw new ClosedChannelException();
        }
        Watched w = watchedFor(md);
        Reg r = new Reg(w, readiness, listener);
        if (!post(() -> {
            w.regs.add(r);
            serve(w);
        })) {
            throw new ClosedChannelException();
        }
        return r;
    }

    @Override
    public CompletableFuture<Integer> receive(PacketDevice device, ByteBuffer dst) {
        MemoryDevice md;
        try {
            md = ours(device);
            Checks.receiveBuffer(md.label(), dst);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!md.isOpen() || !open) {
            return CompletableFuture.failedFuture(new ClosedChannelException());
        }
        Watched w = watchedFor(md);
        PendingReceive p = new PendingReceive(dst);
        if (!post(() -> {
            if (!md.isOpen()) {
                if (p.claim()) {
                    p.fail(new ClosedChannelException());
                }
                return;
            }
            w.receives.add(p);
            serve(w);
        })) {
            return CompletableFuture.failedFuture(new ClosedChannelException());
        }
        return p;
    }

    @Override
    public CompletableFuture<Integer> send(PacketDevice device, ByteBuffer src) {
        MemoryDevice md;
        try {
            md = ours(device);
            md.checkSend(src);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        PendingReceive f = new PendingReceive(src); // the same claim-or-cancel rule as a receive
        if (!post(() -> {
            if (!f.claim()) {
                return; // cancelled before its turn: the packet is not sent
            }
            try {
                f.finish(md.send(src));
            } catch (java.nio.channels.ClosedChannelException e) {
                f.fail(new java.nio.channels.AsynchronousCloseException());
            } catch (IOException | RuntimeException e) {
                f.fail(e);
            }
        })) {
            return CompletableFuture.failedFuture(new ClosedChannelException());
        }
        return f;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        synchronized (gate) {
            if (!open) {
                return;
            }
            open = false;
            tasks.add(() -> {
                for (Watched w : watched.values()) {
                    failAll(w, new AsynchronousCloseException());
                    w.device.removePoller(this);
                }
                watched.clear();
            });
            tasks.add(STOP);
        }
    }

    // ---- from the devices (any thread) -------------------------------------------------------------------------

    /** A packet arrived on {@code device}. */
    void readable(MemoryDevice device) {
        Watched w = watched.get(device);
        if (w != null && w.scheduled.compareAndSet(false, true)) {
            post(() -> {
                w.scheduled.set(false);
                serve(w);
            });
        }
    }

    /** {@code device} closed: its pending receives fail and its registrations end. */
    void closed(MemoryDevice device) {
        Watched w = watched.remove(device);
        if (w != null) {
            post(() -> failAll(w, new AsynchronousCloseException()));
        }
    }

    // ---- on the poller thread ----------------------------------------------------------------------------------

    private void serve(Watched w) {
        MemoryDevice device = w.device;
        while (!w.receives.isEmpty() && device.hasPacket()) {
            PendingReceive p = w.receives.poll();
            if (!p.claim()) {
                continue; // cancelled: its buffer is forgotten
            }
            try {
                int n = device.receiveNow(p.dst);
                if (n == 0) { // taken meanwhile by a plain receive on another thread
                    w.receives.addFirst(p.unclaimed());
                    break;
                }
                p.finish(n);
            } catch (IOException | RuntimeException e) {
                p.fail(e); // a packet too large stays queued for the next receive
            }
        }
        for (Reg r : new ArrayList<>(w.regs)) {
            if (!r.active) {
                w.regs.remove(r);
                continue;
            }
            if (!r.armed) {
                continue;
            }
            boolean ready = device.isOpen() && (r.readiness == Readiness.WRITABLE || device.hasPacket());
            if (ready) {
                r.armed = false;
                r.listener.ready(r);
            }
        }
    }

    private static void failAll(Watched w, Throwable why) {
        for (PendingReceive p : w.receives) {
            if (p.claim()) {
                p.fail(why);
            }
        }
        w.receives.clear();
        for (Reg r : w.regs) {
            r.active = false;
        }
        w.regs.clear();
    }

    /** What this poller keeps about one device; the collections are the poller thread's alone. */
    private static final class Watched {
        final MemoryDevice device;
        final ArrayDeque<PendingReceive> receives = new ArrayDeque<>();
        final List<Reg> regs = new ArrayList<>();
        final AtomicBoolean scheduled = new AtomicBoolean();

        Watched(MemoryDevice device) {
            this.device = device;
        }
    }

    /**
     * A receive (or send) waiting its turn. Whoever claims it first decides its fate: the poller thread (to move
     * the packet) or a cancel (which then never sees its buffer touched, and no packet moves).
     */
    private static final class PendingReceive extends CompletableFuture<Integer> {
        final ByteBuffer dst;
        private final AtomicBoolean claimed = new AtomicBoolean();

        PendingReceive(ByteBuffer dst) {
            this.dst = dst;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        PendingReceive unclaimed() {
            claimed.set(false);
            return this;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return claim() && super.cancel(mayInterruptIfRunning);
        }

        /** From outside (orTimeout, a caller): like a cancel, only while unclaimed, so no packet is lost to it. */
        @Override
        public boolean complete(Integer value) {
            return claim() && super.complete(value);
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            return claim() && super.completeExceptionally(failure);
        }

        /** The poller's completion, once it has claimed the operation. */
        void finish(int n) {
            super.complete(n);
        }

        void fail(Throwable failure) {
            super.completeExceptionally(failure);
        }
    }

    /** One listener for one readiness of one device. */
    private final class Reg implements Registration {
        final Watched w;
        final Readiness readiness;
        final ReadinessListener listener;
        volatile boolean armed = true;
        volatile boolean active = true;

        Reg(Watched w, Readiness readiness, ReadinessListener listener) {
            this.w = w;
            this.readiness = readiness;
            this.listener = listener;
        }

        @Override
        public dev.tappers.PacketDevice device() {
            return w.device;
        }

        @Override
        public Readiness readiness() {
            return readiness;
        }

        @Override
        public void rearm() {
            if (active && !armed) {
                armed = true;
                post(() -> serve(w));
            }
        }

        @Override
        public void cancel() {
            active = false;
        }

        @Override
        public boolean isActive() {
            return active && open && w.device.isOpen();
        }
    }

    @Override
    public String toString() {
        return "in-memory poller " + thread.getName();
    }
}
