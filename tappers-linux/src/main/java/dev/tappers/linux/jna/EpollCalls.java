package dev.tappers.linux.jna;

import com.sun.jna.Native;

/**
 * epoll, direct-mapped without {@code throws LastErrorException} for the same reason as {@link PacketCalls}: the
 * poller's loop must not allocate per wake-up. Callers read errno through {@link PacketCalls#errno()}.
 */
final class EpollCalls {
    static {
        Native.register(EpollCalls.class, "c");
    }

    private EpollCalls() {
    }

    static native int epoll_create1(int flags);

    static native int epoll_ctl(int epfd, int op, int fd, long event);

    static native int epoll_wait(int epfd, long events, int maxevents, int timeout);
}
