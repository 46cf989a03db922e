package dev.tappers.linux;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Test support: starts a separate JVM, on this JVM's class and module path, without CAP_NET_ADMIN, to play the
 * unprivileged application of the descriptor-passing tests. Only tests start processes; the library never does.
 *
 * <p>With {@code /usr/bin/setpriv} (util-linux) the child runs as {@code nobody} (uid and gid 65534) when this
 * JVM is real root, with empty inheritable, bounding and so permitted and effective sets, and no-new-privs.
 * Its class path is then copied to a directory {@code nobody} can read (this JVM's jars usually sit in
 * {@code /root/.m2}, which it cannot). Where this JVM is root only of a user namespace that maps no other user,
 * the child stays uid 0 of that namespace but with no capability at all. Without setpriv the child's main drops
 * every capability of its main thread itself ({@link UnprivilegedPeerMain#DROP_CAPABILITIES}).
 *
 * <p>The child is the same java binary as this JVM, in the same network and mount namespace (it inherits them).
 */
final class UnprivilegedJvm {
    static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    /** nobody/nogroup. */
    static final int NOBODY = 65534;
    /** Forces the no-setpriv path, to test it where setpriv exists. */
    static final String WITHOUT_SETPRIV_PROPERTY = "tappers.test.peerWithoutSetpriv";

    private UnprivilegedJvm() {
    }

    /**
     * Starts {@code mainClass} with {@code args}; stdout and stderr go to {@code output}. {@code work} must be
     * readable, writable and searchable by every user.
     */
    static Process start(Class<?> mainClass, List<String> args, Path work, Path output) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this JVM"));
        boolean setpriv = Files.isExecutable(SETPRIV) && !Boolean.getBoolean(WITHOUT_SETPRIV_PROPERTY);
        boolean asNobody = setpriv && isRealRoot();
        List<Path> classPath = classPath(mainClass);
        if (asNobody) {
            classPath = copyReadable(classPath, work.resolve("classpath"));
        }
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));

        List<String> command = new ArrayList<>();
        if (setpriv) {
            command.add(SETPRIV.toString());
            if (asNobody) {
                command.addAll(List.of("--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
            }
            command.addAll(List.of("--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"));
        }
        command.add(java);
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED"); // JNA on the class path; quiets the JDK's warning
        }
        command.addAll(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Djava.io.tmpdir=" + tmp, "-Djna.tmpdir=" + tmp,
                "-cp", String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()),
                mainClass.getName()));
        if (!setpriv) {
            command.add(UnprivilegedPeerMain.DROP_CAPABILITIES);
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        return builder.start();
    }

    /** uid 0 of the initial user namespace, which can become any user: the identity uid map. */
    static boolean isRealRoot() {
        try {
            String uid = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst().orElse("");
            String map = Files.readString(Path.of("/proc/self/uid_map")).trim().replaceAll("\\s+", " ");
            return uid.split("\\s+").length > 2 && uid.split("\\s+")[2].equals("0") && map.equals("0 0 4294967295");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * This JVM's module path and class path, run as a plain class path in the child, plus the directory the
     * test classes come from (surefire patches them into the provider's module, so neither path names it).
     */
    static List<Path> classPath(Class<?> mainClass) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property, "");
            for (String entry : value.split(File.pathSeparator)) {
                if (!entry.isBlank() && Files.exists(Path.of(entry))) {
                    entries.add(Path.of(entry).toAbsolutePath());
                }
            }
        }
        entries.add(rootOf(mainClass));
        return new ArrayList<>(entries);
    }

    /** The class-path root that holds {@code type}'s class file. */
    private static Path rootOf(Class<?> type) {
        String file = type.getName().replace('.', '/') + ".class";
        URL url = type.getResource("/" + file);
        if (url == null || !url.getProtocol().equals("file")) {
            throw new IllegalStateException("cannot find the directory of " + file + " (found " + url + ")");
        }
        try {
            Path path = Path.of(url.toURI());
            for (int i = 0; i < type.getName().split("\\.").length; i++) {
                path = path.getParent();
            }
            return path;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url.toString(), e);
        }
    }

    /** Copies every entry below {@code target}, readable by all, and returns the copies in the same order. */
    private static List<Path> copyReadable(List<Path> entries, Path target) throws IOException {
        Files.createDirectories(target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Path> copies = new ArrayList<>();
        int i = 0;
        for (Path entry : entries) {
            Path copy = target.resolve((i++) + "-" + entry.getFileName());
            copyTree(entry, copy);
            copies.add(copy);
        }
        return copies;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            tree.forEach(p -> {
                Path q = to.resolve(from.relativize(p).toString());
                try {
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(q);
                        Files.setPosixFilePermissions(q, PosixFilePermissions.fromString("rwxr-xr-x"));
                    } else {
                        Files.copy(p, q);
                        Files.setPosixFilePermissions(q, PosixFilePermissions.fromString("rw-r--r--"));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
