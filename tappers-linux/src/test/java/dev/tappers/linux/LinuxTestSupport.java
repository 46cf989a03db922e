package dev.tappers.linux;

import dev.tappers.linux.jna.ThreadCapabilities;
import dev.tappers.spi.TappersProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** What the Linux conformance runs share: one provider, and a way to act without CAP_NET_ADMIN. */
final class LinuxTestSupport {
    static final TappersProvider PROVIDER = new LinuxTappersProvider();

    private LinuxTestSupport() {
    }

    /**
     * The interface names in /proc/thread-self/net/dev: the calling thread's namespace, independent of the
     * provider's own bookkeeping and of whether an interface has an address (java.net.NetworkInterface needs one).
     */
    static List<String> interfaceNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/thread-self/net/dev"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                names.add(line.substring(0, colon).trim());
            }
        }
        return names;
    }

    /** Runs on a thread that dropped CAP_NET_ADMIN (Linux keeps capabilities per thread). */
    static <T> T withoutNetAdmin(Callable<T> action) throws Exception {
        return ThreadCapabilities.withoutNetAdmin(action);
    }
}
