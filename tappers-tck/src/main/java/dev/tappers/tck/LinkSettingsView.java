package dev.tappers.tck;

import dev.tappers.LinkFlag;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The system's own view of an interface's settings, read without the provider under test, so that
 * {@link LinkSettingsConformanceTest} never checks a provider only against itself (on Linux: the files under
 * {@code /sys/class/net/<name>/} of a sysfs mounted in the test's network namespace). Each method is empty where
 * the platform has no independent view of that setting; the default view has none.
 */
public interface LinkSettingsView {
    /** The {@link LinkFlag}s that are on. */
    default Optional<Set<LinkFlag>> flags(String interfaceName) throws IOException {
        return Optional.empty();
    }

    /** The transmit queue length in packets. */
    default OptionalInt txQueueLength(String interfaceName) throws IOException {
        return OptionalInt.empty();
    }

    /** The uid allowed to attach to a TUN/TAP device, -1 for none. */
    default OptionalLong owner(String interfaceName) throws IOException {
        return OptionalLong.empty();
    }

    /** The gid allowed to attach to a TUN/TAP device, -1 for none. */
    default OptionalLong group(String interfaceName) throws IOException {
        return OptionalLong.empty();
    }
}
