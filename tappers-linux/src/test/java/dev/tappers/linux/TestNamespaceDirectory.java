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
                directory = Files.createTempDirectory("tappers-netns-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            directory.toFile().deleteOnExit();
            System.setProperty(LinuxNamespaces.DIRECTORY_PROPERTY, directory.toString());
        }
        return directory;
    }
}
