package dev.tappers.linux.jna;

import org.junit.jupiter.api.Test;

import static dev.tappers.linux.jna.LinuxConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The epoll binding: the event layout per architecture, and keys and events that come back as they went in. */
class EpollTest {
    @Test
    void eventLayoutIsPackedOnX86_64Only() {
        // <linux/eventpoll.h>: struct epoll_event is EPOLL_PACKED on __x86_64__ only.
        assertEquals(12, EPOLL_EVENT_SIZE_X86_64);
        assertEquals(16, EPOLL_EVENT_SIZE_OTHER);
        assertEquals(Epoll.isX86_64() ? 12 : 16, Epoll.EVENT_SIZE);
    }

    @Test
    void constantsMatchTheHeader() {
        assertEquals(1, EPOLL_CTL_ADD);
        assertEquals(2, EPOLL_CTL_DEL);
        assertEquals(3, EPOLL_CTL_MOD);
        assertEquals(0x001, EPOLLIN);
        assertEquals(0x004, EPOLLOUT);
        assertEquals(0x40000000, EPOLLONESHOT);
        assertEquals(O_CLOEXEC, EPOLL_CLOEXEC);
    }

    @Test
    void aKeyComesBackWithTheEventsThatHappened() throws Exception {
        int a = PacketIo.newWakeFd();
        int b = PacketIo.newWakeFd();
        try (Epoll epoll = new Epoll(4)) {
            long keyA = 0x1234_5678_9ABC_DEF0L; // all 64 bits survive, whatever the layout
            epoll.add(a, EPOLLIN | EPOLLONESHOT, keyA);
            epoll.add(b, EPOLLIN, 7);
            assertEquals(0, epoll.await(0), "nothing signalled yet");
            PacketIo.wake(a);
            assertEquals(1, epoll.await(1000));
            assertEquals(keyA, epoll.key(0));
            assertEquals(EPOLLIN, epoll.events(0) & (EPOLLIN | EPOLLOUT));
            assertEquals(0, epoll.await(0), "a one-shot entry fired once and is disarmed");
            epoll.modify(a, EPOLLIN | EPOLLONESHOT, 99);
            assertEquals(1, epoll.await(1000), "re-armed, still readable");
            assertEquals(99, epoll.key(0));
            epoll.remove(a);
            SyscallException e = assertThrows(SyscallException.class, () -> epoll.remove(a));
            assertEquals(ENOENT, e.errno(), "removing what is not there");
            assertTrue(e.getMessage().contains("epoll_ctl(DEL)"), e.getMessage());
        } finally {
            Syscalls.closeQuietly(a);
            Syscalls.closeQuietly(b);
        }
    }
}
