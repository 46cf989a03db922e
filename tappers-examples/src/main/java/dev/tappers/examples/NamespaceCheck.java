package dev.tappers.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses to let the demo touch the host's network: it must run in a network namespace of its own, which
 * {@code run-demo.sh} makes with {@code unshare --net}.
 *
 * <p>The namespace of this process is compared with PID 1's and with the parent process's (the shell that ran
 * the launcher). Inside a container PID 1's may be unreadable, so the parent's is the check that always applies.
 */
final class NamespaceCheck {
    private NamespaceCheck() {
    }

    /**
     * For the feature examples: when this process shares its network namespace with the host (see
     * {@link #problem()}), prints why and ends the JVM with status 2 before anything is created.
     */
    static void exitUnlessPrivate() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            System.out.println("refusing to run: " + problem.get());
            System.exit(2);
        }
    }

    /** Why this process must not run the demo, or empty when its network namespace is a private one. */
    static Optional<String> problem() {
        Optional<String> self = netNamespaceOf("self");
        Optional<String> init = netNamespaceOf("1");
        Optional<String> parent = ProcessHandle.current().parent()
                .flatMap(p -> netNamespaceOf(Long.toString(p.pid())));
        return problem(self, init, parent);
    }

    /** The decision, apart from /proc: {@code self}, {@code init} and {@code parent} are /proc/PID/ns/net links. */
    static Optional<String> problem(Optional<String> self, Optional<String> init, Optional<String> parent) {
        if (self.isEmpty()) {
            return Optional.of("cannot read /proc/self/ns/net, so cannot tell whether this is a private network namespace");
        }
        if (self.equals(init)) {
            return Optional.of("this process shares PID 1's network namespace " + self.get()
                    + "; start it through `unshare --net` (tappers-examples/run-demo.sh does)");
        }
        if (self.equals(parent)) {
            return Optional.of("this process shares its parent's network namespace " + self.get()
                    + "; start it through `unshare --net` (tappers-examples/run-demo.sh does)");
        }
        if (init.isEmpty() && parent.isEmpty()) {
            return Optional.of("cannot read the network namespace of PID 1 or of the parent process to compare with "
                    + self.get());
        }
        return Optional.empty();
    }

    /** The target of /proc/PID/ns/net, such as {@code net:[4026531840]}, when it can be read. */
    static Optional<String> netNamespaceOf(String pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", pid, "ns", "net")).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }
}
