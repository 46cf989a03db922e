package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.NetworkNamespace;
import dev.tappers.Tun;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A descriptor whose interface lives in another namespace is refused: its name would be looked up here, where it
 * may name an unrelated interface (every namespace has its own "tun0").
 */
class AdoptAcrossNamespacesTest {

    @Test
    void aDescriptorFromAnotherNamespaceIsRefusedAndAcceptedFromInsideIt() throws Exception {
        HermeticNetwork.require();
        try (NetworkNamespace ns = LinuxTestSupport.PROVIDER.createNamespace(null);
             Tun inside = ns.call(() -> LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults()));
             Tun here = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults())) {
            int fd = ((LinuxPacketDevice) inside).descriptor();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LinuxTestSupport.PROVIDER.adoptTun(fd, false));
            assertTrue(e.getMessage().contains("lives in network namespace"), e.getMessage());
            try (Tun adopted = ns.call(() -> LinuxTestSupport.PROVIDER.adoptTun(fd, false))) {
                assertEquals(inside.name(), adopted.name());
                assertEquals(inside.index(), adopted.index());
            }
            assertTrue(here.isOpen(), "the same-named interface here was never involved");
        }
    }
}
