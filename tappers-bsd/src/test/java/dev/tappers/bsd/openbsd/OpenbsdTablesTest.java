package dev.tappers.bsd.openbsd;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every OpenBSD value against PLATFORMS.md section 5. */
class OpenbsdTablesTest {

    @Test
    void interfaceRequests() {
        assertEquals(0x80206910L, OpenbsdIoctls.SIOCSIFFLAGS);
        assertEquals(0xC0206911L, OpenbsdIoctls.SIOCGIFFLAGS);
        assertEquals(0xC020697EL, OpenbsdIoctls.SIOCGIFMTU);
        assertEquals(0x8020697FL, OpenbsdIoctls.SIOCSIFMTU);
        assertEquals(0x8040691AL, OpenbsdIoctls.SIOCAIFADDR);
        assertEquals(0x80206919L, OpenbsdIoctls.SIOCDIFADDR);
        assertEquals(0x8020691FL, OpenbsdIoctls.SIOCSIFLLADDR);
        assertEquals(0x8020697AL, OpenbsdIoctls.SIOCIFCREATE);
        assertEquals(0x80206979L, OpenbsdIoctls.SIOCIFDESTROY);
        assertEquals(0x802069B0L, OpenbsdIoctls.SIOCSIFPAIR);
        assertEquals(0xC02069B1L, OpenbsdIoctls.SIOCGIFPAIR);
        assertEquals(0x8080691AL, OpenbsdIoctls.SIOCAIFADDR_IN6);
        assertEquals(0x81206919L, OpenbsdIoctls.SIOCDIFADDR_IN6);
    }

    @Test
    void tunRequests() {
        assertEquals(0x800C745BL, OpenbsdIoctls.TUNSIFINFO);
        assertEquals(0x400C745CL, OpenbsdIoctls.TUNGIFINFO);
        assertEquals(0x8004745DL, OpenbsdIoctls.TUNSIFMODE);
        assertEquals(0x8004745EL, OpenbsdIoctls.TUNSDEBUG);
        assertEquals(0x4004745FL, OpenbsdIoctls.TUNGDEBUG);
    }

    @Test
    void structs() {
        assertEquals(32, OpenbsdStructs.IFREQ_SIZE);
        assertEquals(16, OpenbsdStructs.IFREQ_INDEX);
        assertEquals(64, OpenbsdStructs.IFALIASREQ_SIZE);
        assertEquals(128, OpenbsdStructs.IN6_ALIASREQ_SIZE);
        assertEquals(100, OpenbsdStructs.IN6_ALIASREQ_FLAGS);
        assertEquals(288, OpenbsdStructs.IN6_IFREQ_SIZE);
        assertEquals(0, OpenbsdStructs.TUNINFO_MTU);
        assertEquals(4, OpenbsdStructs.TUNINFO_TYPE);
        assertEquals(6, OpenbsdStructs.TUNINFO_FLAGS);
        assertEquals(8, OpenbsdStructs.TUNINFO_BAUDRATE);
        assertEquals(12, OpenbsdStructs.TUNINFO_SIZE);
    }

    @Test
    void noNodadFlagExistsBecauseOpenbsdHasNone() {
        // A KAME IN6_IFF_NODAD (0x20) would set an unassigned bit on OpenBSD.
        Field[] fields = OpenbsdConstants.class.getDeclaredFields();
        assertTrue(Arrays.stream(fields).noneMatch(f -> f.getName().contains("NODAD")), Arrays.toString(fields));
        assertEquals("pair", OpenbsdConstants.PAIR_CLONER);
    }
}
