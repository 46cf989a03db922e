package dev.tappers.macos;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every request number against the value PLATFORMS.md section 2.3 prints. */
class MacosIoctlsTest {

    @Test
    void interfaceRequests() {
        assertEquals(0x8020690CL, MacosIoctls.SIOCSIFADDR);
        assertEquals(0x8020690EL, MacosIoctls.SIOCSIFDSTADDR);
        assertEquals(0x80206916L, MacosIoctls.SIOCSIFNETMASK);
        assertEquals(0x80206910L, MacosIoctls.SIOCSIFFLAGS);
        assertEquals(0xC0206911L, MacosIoctls.SIOCGIFFLAGS);
        assertEquals(0x80206919L, MacosIoctls.SIOCDIFADDR);
        assertEquals(0x8040691AL, MacosIoctls.SIOCAIFADDR);
        assertEquals(0xC0206933L, MacosIoctls.SIOCGIFMTU);
        assertEquals(0x80206934L, MacosIoctls.SIOCSIFMTU);
        assertEquals(0x8020693CL, MacosIoctls.SIOCSIFLLADDR);
    }

    @Test
    void cloningAndFethRequests() {
        assertEquals(0xC0206978L, MacosIoctls.SIOCIFCREATE);
        assertEquals(0x80206979L, MacosIoctls.SIOCIFDESTROY);
        assertEquals(0xC020697AL, MacosIoctls.SIOCIFCREATE2);
        assertEquals(0x8028697BL, MacosIoctls.SIOCSDRVSPEC);
        assertEquals(0xC028697BL, MacosIoctls.SIOCGDRVSPEC);
    }

    @Test
    void ipv6AndControlRequests() {
        assertEquals(0x8080691AL, MacosIoctls.SIOCAIFADDR_IN6);
        assertEquals(0x81206919L, MacosIoctls.SIOCDIFADDR_IN6);
        assertEquals(0xC0644E03L, MacosIoctls.CTLIOCGINFO);
    }
}
