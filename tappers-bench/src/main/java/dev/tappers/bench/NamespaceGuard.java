package dev.tappers.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses to run the benchmark in the host's network: it creates a TUN and floods it, so it must run in a
 * network namespace of its own, which {@code run-bench.sh} makes with {@code unshare --net}.
 *
 * <p>This process's namespace is compared with PID 1's and with the parent process's (the launcher's shell).
 * Inside a container PID 1's may be unreadable, so the parent's is the check that always applies.
 */
final class NamespaceGuard {
    private NamespaceGuard() {
    }

    /** Why this process must not run the benchmark, or empty when its network namespace is a private one. */
    static Optional<String> problem() {
        return problem(netNamespaceOf("self"), netNamespaceOf("1"), parentNamespace());
    }

    static Optional<String> parentNamespace() {
        return ProcessHandle.current().parent().flatMap(p -> netNamespaceOf(Long.toString(p.pid())));
    }

    /** The decision, apart from /proc: {@code self}, {@code init} and {@code parent} are /proc/PID/ns/net links. */
    static Optional<String> problem(Optional<String> self, Optional<String> init, Optional<String> parent) {
        String how = "; start it through `unshare --net` (tappers-bench/run-bench.sh does)";
        if (self.isEmpty()) {
            return Optional.of("cannot read /proc/self/ns/net, so cannot tell whether this is a private network namespace");
        }
        if (self.equals(init)) {
            return Optional.of("this process shares PID 1's network namespace " + self.get() + how);
        }
        if (self.equals(parent)) {
            return Optional.of("this process shares its parent's network namespace " + self.get() + how);
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
