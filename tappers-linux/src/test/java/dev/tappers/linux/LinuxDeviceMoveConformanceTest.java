package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.NetworkNamespace;
import dev.tappers.Tun;
import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.DeviceMoveConformanceTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The TCK's device-move conformance tests against real Linux network namespaces, inside the test JVM's own. */
class LinuxDeviceMoveConformanceTest extends DeviceMoveConformanceTest {
    static {
        TestNamespaceDirectory.use();
    }

    @Override
    protected TappersProvider provider() {
        return LinuxTestSupport.PROVIDER;
    }

    /**
     * The TCK's index test assumes what Linux does: each namespace numbers its interfaces itself, lo 1 and the
     * first one made after it 2 (the per-namespace ifindex allocator of net/core/dev.c). If that ever changes,
     * the TCK test no longer forces a new index, and this says so.
     */
    @Test
    void theFirstDeviceOfTwoFreshNamespacesHasTheSameIndex() throws Exception {
        try (NetworkNamespace a = provider().createNamespace(null);
             NetworkNamespace b = provider().createNamespace(null);
             Tun inA = a.call(() -> provider().createTun(DeviceOptions.defaults()));
             Tun inB = b.call(() -> provider().createTun(DeviceOptions.defaults()))) {
            assertEquals(inA.index(), inB.index());
        }
    }
}
