package dev.tappers.linux.jna;

import org.junit.jupiter.api.Test;

import static dev.tappers.linux.jna.LinuxConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins the namespace and packet-socket numbers to what a C program printed from the installed headers
 * ({@code <sched.h>}, {@code <sys/mount.h>}, {@code <sys/socket.h>}, {@code <linux/if_packet.h>},
 * {@code <linux/if_ether.h>}; x86_64, glibc): {@code printf("%x", CLONE_NEWNET)} and so on.
 */
class NamespaceConstantsTest {
    @Test
    void namespaceAndMountFlagsMatchTheHeaders() {
        assertEquals(0x40000000, CLONE_NEWNET);
        assertEquals(4096L, MS_BIND);
        assertEquals(2, MNT_DETACH);
    }

    @Test
    void packetSocketNumbersMatchTheHeaders() {
        assertEquals(17, AF_PACKET);
        assertEquals(0x0003, ETH_P_ALL);
        assertEquals(0x800, SOCK_NONBLOCK);
        assertEquals(95, EOPNOTSUPP);
    }

    @Test
    void sockaddrLlLayoutMatchesTheCompiler() {
        assertEquals(20, SOCKADDR_LL_SIZE);
        assertEquals(2, SOCKADDR_LL_PROTOCOL_OFFSET);
        assertEquals(4, SOCKADDR_LL_IFINDEX_OFFSET);
    }
}
