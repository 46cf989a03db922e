package dev.tappers.bsd.netbsd;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every NetBSD value against PLATFORMS.md section 6. */
class NetbsdTablesTest {

    @Test
    void tunTapRequests() {
        assertEquals(0x80047458L, NetbsdIoctls.TUNSIFMODE);
        assertEquals(0x80047457L, NetbsdIoctls.TUNSLMODE);
        assertEquals(0x80047442L, NetbsdIoctls.TUNSIFHEAD);
        assertEquals(0x40047441L, NetbsdIoctls.TUNGIFHEAD);
        assertEquals(0x40906500L, NetbsdIoctls.TAPGIFNAME);
    }

    @Test
    void interfaceRequests() {
        assertEquals(0x80906910L, NetbsdIoctls.SIOCSIFFLAGS);
        assertEquals(0xC0906911L, NetbsdIoctls.SIOCGIFFLAGS);
        assertEquals(0xC090697EL, NetbsdIoctls.SIOCGIFMTU);
        assertEquals(0x8090697FL, NetbsdIoctls.SIOCSIFMTU);
        assertEquals(0x80906919L, NetbsdIoctls.SIOCDIFADDR);
        assertEquals(0x8040691AL, NetbsdIoctls.SIOCAIFADDR);
        assertEquals(0x8090697AL, NetbsdIoctls.SIOCIFCREATE);
        assertEquals(0x80906979L, NetbsdIoctls.SIOCIFDESTROY);
        assertEquals(0x8028697BL, NetbsdIoctls.SIOCSDRVSPEC);
        assertEquals(0xC090698CL, NetbsdIoctls.SIOCGIFINDEX);
        assertEquals(0x8118691CL, NetbsdIoctls.SIOCALIFADDR);
        assertEquals(0x8080696BL, NetbsdIoctls.SIOCAIFADDR_IN6);
        assertEquals(0x81206919L, NetbsdIoctls.SIOCDIFADDR_IN6);
    }

    @Test
    void structs() {
        assertEquals(144, NetbsdStructs.IFREQ_SIZE);
        assertEquals(64, NetbsdStructs.IFALIASREQ_SIZE);
        assertEquals(128, NetbsdStructs.IN6_ALIASREQ_SIZE);
        assertEquals(288, NetbsdStructs.IN6_IFREQ_SIZE);
        assertEquals(16, NetbsdStructs.IF_LADDRREQ_FLAGS);
        assertEquals(20, NetbsdStructs.IF_LADDRREQ_PREFIXLEN);
        assertEquals(24, NetbsdStructs.IF_LADDRREQ_ADDR);
        assertEquals(152, NetbsdStructs.IF_LADDRREQ_DSTADDR);
        assertEquals(280, NetbsdStructs.IF_LADDRREQ_SIZE);
        assertEquals(40, NetbsdStructs.IFDRV_SIZE);
    }

    @Test
    void constants() {
        assertEquals(0x4000, NetbsdConstants.IFLR_ACTIVE);
        assertEquals(0x20, NetbsdConstants.IN6_IFF_NODAD);
    }
}
