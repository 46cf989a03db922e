package dev.tappers.linux;

import dev.tappers.linux.jna.ThreadCapabilities;
import dev.tappers.spi.TappersProvider;

import java.util.concurrent.Callable;

/** What the Linux conformance runs share: one provider, and a way to act without CAP_NET_ADMIN. */
final class LinuxTestSupport {
    static final TappersProvider PROVIDER = new LinuxTappersProvider();

    private LinuxTestSupport() {
    }

    /** Runs on a thread that dropped CAP_NET_ADMIN (Linux keeps capabilities per thread). */
    static <T> T withoutNetAdmin(Callable<T> action) throws Exception {
        return ThreadCapabilities.withoutNetAdmin(action);
    }
}
