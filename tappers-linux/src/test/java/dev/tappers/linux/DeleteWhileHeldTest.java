package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.Tun;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * delete() removes the interface even while another descriptor still holds it; clearing persistence and closing
 * our own descriptor would leave it alive as long as the other holder lives.
 */
class DeleteWhileHeldTest {

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }


    @Test
    void deleteRemovesAnInterfaceThatAnAdoptedCopyStillHolds() throws Exception {
        Tun created = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults());
        String name = created.name().value();
        // A second holder: the same descriptor adopted without ownership, which works on a duplicate of it.
        try (Tun second = LinuxTestSupport.PROVIDER.adoptTun(((LinuxPacketDevice) created).descriptor(), false)) {
            assertTrue(LinuxTestSupport.interfaceNames().contains(name));
            created.delete();
            assertFalse(created.isOpen(), "delete closes the object");
            assertFalse(LinuxTestSupport.interfaceNames().contains(name), "the interface is gone although another descriptor still holds it");
        }
    }
}
