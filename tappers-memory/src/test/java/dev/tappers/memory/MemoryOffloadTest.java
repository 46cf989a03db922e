package dev.tappers.memory;

import dev.tappers.DeviceOptions;
import dev.tappers.Offload;
import dev.tappers.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Asking the in-memory provider for offload is refused, never answered with a plain device. */
class MemoryOffloadTest {
    @Test
    void offloadIsRefusedNotIgnored() {
        MemoryNetwork net = new MemoryNetwork();
        DeviceOptions withOffload = DeviceOptions.defaults().withOffload(EnumSet.of(Offload.TSO4));
        UnsupportedFeatureException tun = assertThrows(UnsupportedFeatureException.class,
                () -> net.provider().createTun(withOffload));
        assertTrue(tun.getMessage().contains("offload"), tun.getMessage());
        assertThrows(UnsupportedFeatureException.class, () -> net.provider().createTap(withOffload));
    }
}
