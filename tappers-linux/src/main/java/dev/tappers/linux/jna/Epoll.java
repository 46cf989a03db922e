package dev.tappers.linux.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * One epoll instance and the event array its waits fill, with plain Java types in and out. Each watched
 * descriptor carries a 64-bit key chosen by the caller, never the descriptor number: an event that was
 * harvested just before its descriptor was closed and the number reused then still names the old owner, which
 * the caller has forgotten, instead of the new one.
 *
 * <p>{@link #add}, {@link #modify} and {@link #remove} may be called from any thread; {@link #await} and the
 * event accessors only from the one thread that waits.
 */
public final class Epoll implements AutoCloseable {
    /** sizeof(struct epoll_event) on this machine: packed on x86_64 only (see {@link LinuxConstants}). */
    static final int EVENT_SIZE = isX86_64() ? EPOLL_EVENT_SIZE_X86_64 : EPOLL_EVENT_SIZE_OTHER;
    private static final int DATA_OFFSET = EVENT_SIZE == EPOLL_EVENT_SIZE_X86_64 ? 4 : 8;

    private final int epfd;
    private final int capacity;
    private final Memory events;
    private final long eventsAddress;
    /** The event epoll_ctl reads; ctl calls come from many threads, so they take turns with it. */
    private final Memory ctlEvent = new Memory(EVENT_SIZE);

    public Epoll(int capacity) throws SyscallException {
        if (capacity < 1) {
            throw new IllegalArgumentException("epoll: capacity " + capacity + " must be at least 1");
        }
        int fd = EpollCalls.epoll_create1(EPOLL_CLOEXEC);
        if (fd < 0) {
            throw new SyscallException("epoll_create1", PacketCalls.errno());
        }
        this.epfd = fd;
        this.capacity = capacity;
        this.events = new Memory((long) capacity * EVENT_SIZE);
        this.eventsAddress = Pointer.nativeValue(events);
    }

    static boolean isX86_64() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("amd64") || arch.equals("x86_64");
    }

    /** Starts watching {@code fd} for {@code events} (EPOLLIN, EPOLLOUT, EPOLLONESHOT...), tagged with {@code key}. */
    public void add(int fd, int events, long key) throws SyscallException {
        control(EPOLL_CTL_ADD, fd, events, key, "epoll_ctl(ADD)");
    }

    /** Changes what {@code fd} is watched for; also re-arms a one-shot entry that has fired. */
    public void modify(int fd, int events, long key) throws SyscallException {
        control(EPOLL_CTL_MOD, fd, events, key, "epoll_ctl(MOD)");
    }

    /** Stops watching {@code fd}. Must come before the descriptor is closed if another copy of it may live on. */
    public void remove(int fd) throws SyscallException {
        control(EPOLL_CTL_DEL, fd, 0, 0, "epoll_ctl(DEL)");
    }

    private void control(int op, int fd, int events, long key, String call) throws SyscallException {
        int result;
        int errno = 0;
        synchronized (ctlEvent) {
            ctlEvent.setInt(0, events);
            ctlEvent.setLong(DATA_OFFSET, key);
            result = EpollCalls.epoll_ctl(epfd, op, fd, Pointer.nativeValue(ctlEvent));
            if (result < 0) {
                errno = PacketCalls.errno();
            }
        }
        if (result < 0) {
            throw new SyscallException(call, errno);
        }
    }

    /**
     * Waits up to {@code timeoutMillis} (-1: no limit) for events; returns how many were stored (0 on timeout
     * or on a signal, which the caller's loop simply repeats).
     */
    public int await(int timeoutMillis) throws SyscallException {
        int n = EpollCalls.epoll_wait(epfd, eventsAddress, capacity, timeoutMillis);
        if (n < 0) {
            int errno = PacketCalls.errno();
            if (errno == EINTR) {
                return 0;
            }
            throw new SyscallException("epoll_wait", errno);
        }
        return n;
    }

    /** The event bits (EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP) of the {@code i}-th event of the last wait. */
    public int events(int i) {
        return events.getInt((long) i * EVENT_SIZE);
    }

    /** The key of the {@code i}-th event of the last wait. */
    public long key(int i) {
        return events.getLong((long) i * EVENT_SIZE + DATA_OFFSET);
    }

    /** Closes the epoll descriptor and frees the event array; only once no thread waits. */
    @Override
    public void close() {
        Syscalls.closeQuietly(epfd);
        events.close();
        ctlEvent.close();
    }
}
