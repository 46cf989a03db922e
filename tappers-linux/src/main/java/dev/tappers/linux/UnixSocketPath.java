package dev.tappers.linux;

import dev.tappers.linux.jna.UnixSockets;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of a file-system Unix socket address, checked before any system call: a {@code sockaddr_un} holds
 * at most 107 path bytes and a terminating NUL, and a path longer than that would be cut silently by some
 * libraries, so it is refused here with the length.
 */
final class UnixSocketPath {
    /** The longest path a sockaddr_un holds. */
    static final int MAX_BYTES = UnixSockets.SUN_PATH_SIZE - 1;

    /** The encoding the JDK itself uses for file names on this system. */
    private static final Charset FILE_NAMES = fileNameCharset();

    private UnixSocketPath() {
    }

    /**
     * The bytes of {@code path} for bind/connect.
     *
     * @param operation the operation, for the message, such as "receive TUN"
     * @throws IllegalArgumentException naming the operation when the path is empty or too long (a Path never
     *                                  holds a NUL on Linux)
     */
    static byte[] encode(String operation, Path path) {
        Objects.requireNonNull(path, "socketPath");
        String text = path.toString();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(operation + ": the socket path is empty");
        }
        byte[] bytes = text.getBytes(FILE_NAMES);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(operation + ": the socket path " + text + " has " + bytes.length
                    + " bytes; a Unix socket address holds at most " + MAX_BYTES
                    + " (sun_path is " + UnixSockets.SUN_PATH_SIZE + " bytes with its NUL): use a shorter path");
        }
        return bytes;
    }

    private static Charset fileNameCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
