package dev.tappers.bsd.dragonfly;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every DragonFly value against PLATFORMS.md section 4. */
class DragonflyTablesTest {

    @Test
    void tunTapRequests() {
        assertEquals(0x8004745DL, DragonflyIoctls.TUNSLMODE);
        assertEquals(0x8004745EL, DragonflyIoctls.TUNSIFMODE);
        assertEquals(0x2000745FL, DragonflyIoctls.TUNSIFPID);
        assertEquals(0x80047460L, DragonflyIoctls.TUNSIFHEAD);
        assertEquals(0x40047461L, DragonflyIoctls.TUNGIFHEAD);
        assertEquals(0x8008745BL, DragonflyIoctls.TUNSIFINFO);
        assertEquals(0x4020745DL, DragonflyIoctls.TAPGIFNAME);
    }

    @Test
    void interfaceRequests() {
        assertEquals(0x80206910L, DragonflyIoctls.SIOCSIFFLAGS);
        assertEquals(0xC0206911L, DragonflyIoctls.SIOCGIFFLAGS);
        assertEquals(0xC0206933L, DragonflyIoctls.SIOCGIFMTU);
        assertEquals(0x80206934L, DragonflyIoctls.SIOCSIFMTU);
        assertEquals(0x8040691AL, DragonflyIoctls.SIOCAIFADDR);
        assertEquals(0x80206919L, DragonflyIoctls.SIOCDIFADDR);
        assertEquals(0xC0206920L, DragonflyIoctls.SIOCGIFINDEX);
        assertEquals(0x80206928L, DragonflyIoctls.SIOCSIFNAME);
        assertEquals(0x8020693CL, DragonflyIoctls.SIOCSIFLLADDR);
        assertEquals(0xC020697AL, DragonflyIoctls.SIOCIFCREATE);
        assertEquals(0xC020697CL, DragonflyIoctls.SIOCIFCREATE2);
        assertEquals(0x80206979L, DragonflyIoctls.SIOCIFDESTROY);
        assertEquals(0x8028697BL, DragonflyIoctls.SIOCSDRVSPEC);
        assertEquals(0x8080691AL, DragonflyIoctls.SIOCAIFADDR_IN6);
        assertEquals(0x81206919L, DragonflyIoctls.SIOCDIFADDR_IN6);
    }

    @Test
    void structs() {
        assertEquals(32, DragonflyStructs.IFREQ_SIZE);
        assertEquals(64, DragonflyStructs.IFALIASREQ_SIZE);
        assertEquals(16, DragonflyStructs.IN6_ALIASREQ_ADDR);
        assertEquals(44, DragonflyStructs.IN6_ALIASREQ_DSTADDR);
        assertEquals(72, DragonflyStructs.IN6_ALIASREQ_PREFIXMASK);
        assertEquals(100, DragonflyStructs.IN6_ALIASREQ_FLAGS);
        assertEquals(104, DragonflyStructs.IN6_ALIASREQ_LIFETIME);
        assertEquals(128, DragonflyStructs.IN6_ALIASREQ_SIZE);
        assertEquals(288, DragonflyStructs.IN6_IFREQ_SIZE);
        assertEquals(40, DragonflyStructs.IFDRV_SIZE);
        assertEquals(8, DragonflyStructs.TUNINFO_SIZE);
    }
}
