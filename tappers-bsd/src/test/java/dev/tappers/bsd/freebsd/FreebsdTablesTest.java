package dev.tappers.bsd.freebsd;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every FreeBSD value against PLATFORMS.md section 3. */
class FreebsdTablesTest {

    @Test
    void interfaceRequests() {
        assertEquals(0x8020690CL, FreebsdIoctls.SIOCSIFADDR);
        assertEquals(0x8020690EL, FreebsdIoctls.SIOCSIFDSTADDR);
        assertEquals(0x80206913L, FreebsdIoctls.SIOCSIFBRDADDR);
        assertEquals(0x80206916L, FreebsdIoctls.SIOCSIFNETMASK);
        assertEquals(0x80206910L, FreebsdIoctls.SIOCSIFFLAGS);
        assertEquals(0xC0206911L, FreebsdIoctls.SIOCGIFFLAGS);
        assertEquals(0x80206919L, FreebsdIoctls.SIOCDIFADDR);
        assertEquals(0x8044692BL, FreebsdIoctls.SIOCAIFADDR);
        assertEquals(0x8040691AL, FreebsdIoctls.OSIOCAIFADDR);
        assertEquals(0xC0206920L, FreebsdIoctls.SIOCGIFINDEX);
        assertEquals(0x80206928L, FreebsdIoctls.SIOCSIFNAME);
        assertEquals(0xC0206933L, FreebsdIoctls.SIOCGIFMTU);
        assertEquals(0x80206934L, FreebsdIoctls.SIOCSIFMTU);
        assertEquals(0x8020693CL, FreebsdIoctls.SIOCSIFLLADDR);
        assertEquals(0x80206979L, FreebsdIoctls.SIOCIFDESTROY);
        assertEquals(0xC020697AL, FreebsdIoctls.SIOCIFCREATE);
        assertEquals(0xC020697CL, FreebsdIoctls.SIOCIFCREATE2);
        assertEquals(0x8028697BL, FreebsdIoctls.SIOCSDRVSPEC);
        assertEquals(0xC028697BL, FreebsdIoctls.SIOCGDRVSPEC);
    }

    @Test
    void ipv6Requests() {
        assertEquals(0x8088691BL, FreebsdIoctls.SIOCAIFADDR_IN6);
        assertEquals(0x8080691AL, FreebsdIoctls.OSIOCAIFADDR_IN6);
        assertEquals(0x81206919L, FreebsdIoctls.SIOCDIFADDR_IN6);
        assertEquals(0xC048696CL, FreebsdIoctls.SIOCGIFINFO_IN6);
        assertEquals(0xC048696DL, FreebsdIoctls.SIOCSIFINFO_IN6);
    }

    @Test
    void tunTapRequests() {
        assertEquals(0x8008745BL, FreebsdIoctls.TUNSIFINFO);
        assertEquals(0x8004745DL, FreebsdIoctls.TUNSLMODE);
        assertEquals(0x8004745EL, FreebsdIoctls.TUNSIFMODE);
        assertEquals(0x2000745FL, FreebsdIoctls.TUNSIFPID);
        assertEquals(0x80047460L, FreebsdIoctls.TUNSIFHEAD);
        assertEquals(0x40047461L, FreebsdIoctls.TUNGIFHEAD);
        assertEquals(0x4020745DL, FreebsdIoctls.TUNGIFNAME);
        assertEquals(0x4020745DL, FreebsdIoctls.TAPGIFNAME);
    }

    @Test
    void structs() {
        assertEquals(32, FreebsdStructs.IFREQ_SIZE);
        assertEquals(18, FreebsdStructs.IFREQ_FLAGSHIGH);
        assertEquals(68, FreebsdStructs.IFALIASREQ_SIZE);
        assertEquals(64, FreebsdStructs.IFALIASREQ_VHID);
        assertEquals(64, FreebsdStructs.OIFALIASREQ_SIZE);
        assertEquals(16, FreebsdStructs.IN6_ALIASREQ_ADDR);
        assertEquals(44, FreebsdStructs.IN6_ALIASREQ_DSTADDR);
        assertEquals(72, FreebsdStructs.IN6_ALIASREQ_PREFIXMASK);
        assertEquals(100, FreebsdStructs.IN6_ALIASREQ_FLAGS);
        assertEquals(104, FreebsdStructs.IN6_ALIASREQ_LIFETIME);
        assertEquals(24, FreebsdStructs.IN6_ADDRLIFETIME_SIZE);
        assertEquals(128, FreebsdStructs.IN6_ALIASREQ_VHID);
        assertEquals(136, FreebsdStructs.IN6_ALIASREQ_SIZE);
        assertEquals(128, FreebsdStructs.OIN6_ALIASREQ_SIZE);
        assertEquals(288, FreebsdStructs.IN6_IFREQ_SIZE);
        assertEquals(16, FreebsdStructs.IFDRV_CMD);
        assertEquals(24, FreebsdStructs.IFDRV_LEN);
        assertEquals(32, FreebsdStructs.IFDRV_DATA);
        assertEquals(40, FreebsdStructs.IFDRV_SIZE);
        assertEquals(8, FreebsdStructs.TUNINFO_SIZE);
    }

    @Test
    void constants() {
        assertEquals(0x20, FreebsdConstants.IN6_IFF_NODAD);
        assertEquals(0x20, FreebsdConstants.ND6_IFF_AUTO_LINKLOCAL);
        assertEquals(0x100, FreebsdConstants.ND6_IFF_NO_DAD);
        assertEquals("epair", FreebsdConstants.EPAIR_CLONER);
        assertEquals('a', FreebsdConstants.EPAIR_SIDE_A);
        assertEquals('b', FreebsdConstants.EPAIR_SIDE_B);
    }
}
