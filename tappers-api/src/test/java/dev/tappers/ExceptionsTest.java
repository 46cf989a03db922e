package dev.tappers;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exception types read well in a log and carry what a caller needs to react. */
class ExceptionsTest {

    @Test
    void tappersExceptionMessageNamesOperationInterfaceErrnoAndHint() {
        TappersException e = new PermissionDeniedException("set MTU", "tun0", 1, "EPERM", "Operation not permitted",
                "needs CAP_NET_ADMIN or root");
        assertEquals("set MTU on tun0: EPERM (Operation not permitted) - needs CAP_NET_ADMIN or root", e.getMessage());
        assertEquals("set MTU", e.operation());
        assertEquals(Optional.of("tun0"), e.interfaceName());
        assertEquals(1, e.errno());
        assertEquals("EPERM", e.errnoName());
        assertEquals(Optional.of("needs CAP_NET_ADMIN or root"), e.hint());
    }

    @Test
    void optionalPartsAreLeftOut() {
        TappersException e = new NoSuchDeviceException("open TUN", null, 19, "ENODEV", null, null);
        assertEquals("open TUN: ENODEV", e.getMessage());
        assertEquals(Optional.empty(), e.interfaceName());
        assertEquals(Optional.empty(), e.hint());
        assertEquals("create TUN on tun0: EEXIST", new DeviceExistsException("create TUN", "tun0", 17, "EEXIST", "", "").getMessage());
    }

    @Test
    void unsupportedFeatureNamesFeatureProviderAndOs() {
        UnsupportedFeatureException e = new UnsupportedFeatureException(Feature.SET_MTU, "aix", "no ioctl");
        assertSame(Feature.SET_MTU, e.feature());
        assertEquals("aix", e.provider());
        assertTrue(e.getMessage().startsWith("changing the MTU (SET_MTU) is not supported by provider 'aix' on "
                + System.getProperty("os.name")), e.getMessage());
        assertTrue(e.getMessage().endsWith(": no ioctl"), e.getMessage());
    }

    @Test
    void packetTooLargeSaysWhatToDo() {
        PacketTooLargeException e = new PacketTooLargeException("tun0", 1500, 100);
        assertEquals(1500, e.packetSize());
        assertEquals("receive on tun0: the next packet is 1500 bytes but the buffer has 100 remaining; the packet is "
                + "kept for the next receive", e.getMessage());
    }

    @Test
    void everyFeatureHasADescription() {
        for (Feature f : Feature.values()) {
            assertTrue(f.description() != null && !f.description().isBlank(), f.name());
        }
    }
}
