package dev.tappers.aix;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every AIX value against PLATFORMS.md section 8. */
class AixTablesTest {

    @Test
    void interfaceRequests() {
        assertEquals(0x80286910L, AixIoctls.SIOCSIFFLAGS);
        assertEquals(0xC0286911L, AixIoctls.SIOCGIFFLAGS);
        assertEquals(0x80286958L, AixIoctls.SIOCSIFMTU);
        assertEquals(0xC0286956L, AixIoctls.SIOCGIFMTU);
        assertEquals(0x8040691AL, AixIoctls.SIOCAIFADDR);
        assertEquals(0x80286919L, AixIoctls.SIOCDIFADDR);
        assertEquals(0x8028690CL, AixIoctls.SIOCSIFADDR);
        assertEquals(0x80286916L, AixIoctls.SIOCSIFNETMASK);
    }

    @Test
    void structs() {
        assertEquals(40, AixStructs.IFREQ_SIZE);
        assertEquals(64, AixStructs.IFALIASREQ_SIZE);
    }

    @Test
    void tapNodes() {
        assertEquals("/dev/tap0", AixTapDevices.nodeOf("tap0"));
        assertEquals("/dev/tap12", AixTapDevices.nodeOf("tap12"));
        assertThrows(IllegalArgumentException.class, () -> AixTapDevices.nodeOf("tap"));
        assertThrows(IllegalArgumentException.class, () -> AixTapDevices.nodeOf("tun0"));
        assertThrows(IllegalArgumentException.class, () -> AixTapDevices.nodeOf("tap0/../x"));
        assertThrows(IllegalArgumentException.class, () -> AixTapDevices.nodeOf(null));
    }
}
