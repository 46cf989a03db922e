package dev.tappers.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points named namespaces at a temporary directory instead of /run/netns: creating the mount-point files there
 * would change the host's filesystem, even though the test JVM's mounts are private (it runs in its own mount
 * namespace, so the bind mounts vanish with it).
 */
final class TestNamespaceDirectory {
    private static Path directory;

    private TestNamespaceDirectory() {
    }

    /** Sets {@value LinuxNamespaces#DIRECTORY_PROPERTY} once per JVM and returns the directory. */
    static synchronized Path use() {
        if (directory == null) {
            try {
                // The build names one under target/ for the whole test JVM; a run outside Maven gets a temp one.
                String configured = System.getProperty(LinuxNamespaces.DIRECTORY_PROPERTY, "").trim();
                directory = configured.isEmpty() ? Files.createTempDirectory("tappers-netns-")
                        : Files.createDirectories(Path.of(configured));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestNamespaceDirectory::removeLeftovers,
                    "tappers-test-netns-cleanup"));
            System.setProperty(LinuxNamespaces.DIRECTORY_PROPERTY, directory.toString());
        }
        return directory;
    }

    /**
     * At exit, removes whatever a test left (a planted fault's namespace that was never deleted): detach the
     * bind mount, then unlink the file and the directory, so nothing stays behind in /tmp.
     */
    private static void removeLeftovers() {
        try (var files = Files.list(directory)) {
            files.forEach(file -> {
                try {
                    dev.tappers.linux.jna.Namespaces.detachMount(file.toString());
                } catch (IOException notMounted) {
                    // already unmounted: just remove the file
                }
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    System.err.println("tappers tests: could not remove " + file + ": " + e);
                }
            });
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            System.err.println("tappers tests: could not clean " + directory + ": " + e);
        }
    }
}
