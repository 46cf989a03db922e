package dev.tappers.linux;

import dev.tappers.linux.jna.ForeignDescriptors;
import dev.tappers.spi.TappersProvider;
import dev.tappers.tck.DescriptorPassingConformanceTest;
import dev.tappers.tck.ForeignDescriptor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The TCK's descriptor adoption and passing tests against Linux: foreign descriptors straight from
 * /dev/net/tun, and the unprivileged peer in a separate JVM without CAP_NET_ADMIN.
 */
class LinuxDescriptorPassingConformanceTest extends DescriptorPassingConformanceTest {
    @Override
    protected TappersProvider provider() {
        return LinuxTestSupport.PROVIDER;
    }

    @Override
    protected ForeignDescriptor openForeignTun(String name) throws IOException {
        return ForeignDescriptors.tun(name);
    }

    @Override
    protected ForeignDescriptor openForeignTap(String name) throws IOException {
        return ForeignDescriptors.tap(name);
    }

    @Override
    protected ForeignDescriptor openNonDeviceDescriptor() throws IOException {
        return ForeignDescriptors.pipe();
    }

    @Override
    protected Process startUnprivilegedPeer(List<String> peerArguments, Path workDirectory, Path output)
            throws IOException {
        return UnprivilegedJvm.start(UnprivilegedPeerMain.class, peerArguments, workDirectory, output);
    }
}
