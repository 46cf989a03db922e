package dev.tappers.linux;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The one platform thread a {@link LinuxNamespace} owns. It enters the namespace first (unshare or setns) and
 * then runs the tasks handed to it, one at a time, in order. A network namespace belongs to the thread, so no
 * pool or virtual thread is ever used: either could carry the namespace to unrelated work, or run the task
 * somewhere else.
 *
 * <p>The queue is polled with a timeout so that an object nobody closed is noticed (its owner was collected)
 * and the thread ends instead of lingering for the life of the JVM.
 */
final class NamespaceThread {
    /** How the thread gets into its namespace. */
    interface Entry {
        /**
         * Runs first, on the new thread: enters the namespace and returns an O_CLOEXEC descriptor of it. Either
         * returns, or throws having released everything it made.
         */
        int enter() throws IOException;

        /** Releases what {@link #enter()} made, when whoever started the thread gave up waiting for it. */
        void undo(int namespaceFd);
    }

    /** Entering is a few system calls; this only bounds a wait that should never be long. */
    static final long START_TIMEOUT_MILLIS = 30_000;
    /** How often an idle thread checks whether its owner is still there. */
    private static final long IDLE_CHECK_MILLIS = 2_000;
    private static final Runnable STOP = () -> { };

    private final String label;
    private final Entry entry;
    private final Thread thread;
    private final CompletableFuture<Integer> started = new CompletableFuture<>();
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    /** Set once STOP is queued (or the thread gave up on its owner); no task is accepted after. Guarded by lock. */
    private boolean stopping;
    /**
     * Tasks queued or running. A configuration step takes this thread only when it is zero: a step queued behind a
     * user task that waits for that step would never run.
     */
    private final AtomicInteger pending = new AtomicInteger();
    private volatile BooleanSupplier abandoned = () -> false;
    private volatile Runnable onAbandoned = () -> { };
    private int namespaceFd = -1;

    private NamespaceThread(String label, Entry entry) {
        this.label = label;
        this.entry = entry;
        this.thread = new Thread(this::run, "tappers-netns " + label);
        // A namespace object nobody closed must not keep the JVM from exiting.
        this.thread.setDaemon(true);
    }

    /**
     * Starts the thread and waits until it is inside its namespace.
     *
     * @param operation what is being done, for messages
     */
    static NamespaceThread start(String operation, String label, Entry entry) throws IOException {
        NamespaceThread t = new NamespaceThread(label, entry);
        t.thread.start();
        try {
            t.namespaceFd = t.started.get(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return t;
        } catch (ExecutionException e) {
            join(t.thread, START_TIMEOUT_MILLIS);
            throw asIoException(operation, e.getCause());
        } catch (TimeoutException e) {
            if (t.started.cancel(false)) { // the thread undoes its entry and ends when it sees this
                throw new IOException(operation + ": the namespace thread did not start within "
                        + START_TIMEOUT_MILLIS + " ms");
            }
            t.namespaceFd = t.started.join(); // it finished just now
            return t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (t.started.cancel(false)) {
                throw new InterruptedIOException(operation + ": interrupted while the namespace thread started");
            }
            t.namespaceFd = t.started.join();
            return t;
        }
    }

    /** The namespace's descriptor that {@link Entry#enter()} returned. */
    int namespaceFd() {
        return namespaceFd;
    }

    /** Lets the idle thread end by itself, running {@code onAbandoned}, once {@code abandoned} says so. */
    void watch(BooleanSupplier abandoned, Runnable onAbandoned) {
        this.onAbandoned = onAbandoned;
        this.abandoned = abandoned;
    }

    private void run() {
        int fd;
        try {
            fd = entry.enter();
        } catch (Throwable t) {
            started.completeExceptionally(t);
            return;
        }
        if (!started.complete(fd)) {
            entry.undo(fd); // the starter gave up waiting: nobody will own the namespace
            return;
        }
        serve();
    }

    private void serve() {
        while (true) {
            Runnable task;
            try {
                task = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // a task interrupted its own thread; the flag is cleared, serve on
            }
            if (task == STOP) {
                return;
            }
            if (task == null) {
                if (abandoned.getAsBoolean() && stopIfIdle()) {
                    onAbandoned.run();
                    return;
                }
                continue;
            }
            try {
                task.run(); // a FutureTask: it keeps what the task threw for the caller
            } finally {
                Thread.interrupted();
            }
        }
    }

    private boolean stopIfIdle() {
        synchronized (lock) {
            if (!queue.isEmpty()) {
                return false;
            }
            stopping = true;
            return true;
        }
    }

    /** True on the namespace's own thread. */
    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    /** True while a task is queued or running: a caller that must not wait behind it takes another way in. */
    boolean isBusy() {
        return pending.get() > 0;
    }

    /**
     * Runs {@code task} on the thread and returns its result; what it throws is rethrown as it is. On the thread
     * itself the task runs at once (queueing it there would wait forever).
     *
     * @throws NamespaceClosedException once the thread is stopping
     */
    <T> T call(String operation, Callable<T> task) throws Exception {
        if (isCurrent()) {
            return task.call();
        }
        Task<T> future = new Task<>(task);
        synchronized (lock) {
            if (stopping) {
                throw new NamespaceClosedException(operation, label, "is closed");
            }
            pending.incrementAndGet();
            queue.add(future);
        }
        try {
            // No timeout: the task is the caller's own, and runs as long as it runs. Close never strands it:
            // every task queued before STOP runs, and none is accepted after.
            return future.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            if (!future.started && future.cancel(false)) {
                throw e; // not started yet: it never will be
            }
            // Started: wait for it, since it may be using a device's descriptor that the caller's guard protects.
            try {
                return awaitUninterruptibly(future);
            } finally {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <T> T awaitUninterruptibly(Future<T> future) throws Exception {
        while (true) {
            try {
                return future.get();
            } catch (InterruptedException again) {
                // keep waiting; the caller restores the interrupt
            } catch (ExecutionException e) {
                throw unwrap(e);
            }
        }
    }

    /** What the task threw, as it was. */
    private static Exception unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Exception) {
            return (Exception) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new UndeclaredThrowableException(cause);
    }

    /**
     * Lets the tasks already queued finish, then ends the thread. Waits for it up to {@code timeoutMillis},
     * except on the thread itself, which ends when its current task returns.
     *
     * @return false when the thread is still running a task after the wait
     */
    boolean stop(long timeoutMillis) {
        synchronized (lock) {
            if (!stopping) {
                stopping = true;
                queue.add(STOP);
            }
        }
        if (isCurrent()) {
            return true;
        }
        return join(thread, timeoutMillis);
    }

    /**
     * A queued task that leaves {@link #pending} before its caller can see the result (so the caller sees the
     * thread idle), or when it is cancelled before it started.
     */
    private final class Task<T> extends FutureTask<T> {
        /** Set when the thread starts running it. */
        volatile boolean started;

        /** A task cancelled while running still reaches set(): count it out once only. */
        private final java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean();

        Task(Callable<T> callable) {
            super(callable);
        }

        @Override
        public void run() {
            started = true;
            super.run();
        }

        private void leave() {
            if (counted.compareAndSet(false, true)) {
                pending.decrementAndGet();
            }
        }

        @Override
        protected void set(T value) {
            leave();
            super.set(value);
        }

        @Override
        protected void setException(Throwable t) {
            leave();
            super.setException(t);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                leave(); // cancelled before it started, it never reaches set()
            }
            return cancelled;
        }
    }

    private static boolean join(Thread thread, long timeoutMillis) {
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private static IOException asIoException(String operation, Throwable cause) {
        if (cause instanceof IOException) {
            return (IOException) cause;
        }
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new IOException(operation + ": " + cause, cause);
    }

    @Override
    public String toString() {
        return thread.getName() + (thread.isAlive() ? "" : " (ended)");
    }
}
