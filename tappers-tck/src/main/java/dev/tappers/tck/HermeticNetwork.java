package dev.tappers.tck;

import dev.tappers.OsFamily;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The guard every test that creates a device calls first, so no test ever changes the host's network.
 *
 * <p>On Linux the test JVM must run in a private network namespace that the test run made: the build starts it
 * through {@code unshare --net}, which also sets {@value #NETNS_ENV}{@code =private}. The guard checks that
 * variable <em>and</em>, independently, that this JVM's namespace ({@code /proc/self/ns/net}, and the calling
 * thread's) differs from its parent's, the build JVM that stayed in the host namespace. Where the parent's
 * cannot be read it compares with {@code /proc/1/ns/net} instead, when that can be read (containers often hide
 * it). Outside a private namespace an unprivileged run is skipped with the reason, and a root run
 * <em>fails</em>: root could really change the host.
 *
 * <p>Other systems have no namespaces to hide in: there the device tests run only where
 * {@code -D}{@value #HOST_NETWORK_OK_PROPERTY}{@code =true} says the machine is a throwaway CI VM.
 *
 * <p>It reads {@code /proc} and never starts a process.
 */
public final class HermeticNetwork {
    /** Set to {@value #NETNS_PRIVATE} by the wrapper that starts the test JVM in a new network namespace. */
    public static final String NETNS_ENV = "TAPPERS_NETNS";
    /** The value of {@value #NETNS_ENV} inside the private namespace. */
    public static final String NETNS_PRIVATE = "private";
    /** System property that lets device tests change the host network of a non-Linux throwaway VM. */
    public static final String HOST_NETWORK_OK_PROPERTY = "tappers.tck.hostNetworkOk";

    private HermeticNetwork() {
    }

    /**
     * Returns when this JVM may create devices; aborts the calling test (skipped, with the reason) when it may
     * not and cannot do harm; throws {@link AssertionError} when it may not and could do harm.
     */
    public static void require() {
        decide(Facts.gather()).apply();
    }

    /** What the guard would decide here, for diagnostics. */
    public static Verdict verdict() {
        return decide(Facts.gather());
    }

    /** What the guard decides. */
    public enum Outcome {
        /** Device tests may run. */
        RUN,
        /** Device tests are skipped: they cannot run safely, and nothing could have been harmed. */
        SKIP,
        /** Device tests must fail: running them could change the host's network. */
        FAIL
    }

    /**
     * A decision and why.
     *
     * @param outcome what to do
     * @param reason  the explanation shown in the test report
     */
    public record Verdict(Outcome outcome, String reason) {
        public Verdict {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
        }

        void apply() {
            switch (outcome) {
                case RUN:
                    return;
                case SKIP:
                    Assumptions.abort(reason);
                    return;
                default:
                    throw new AssertionError(reason);
            }
        }
    }

    /**
     * Everything the decision depends on, gathered apart from it so the decision is a pure function.
     *
     * @param os             the operating system
     * @param netnsEnv       the value of {@value #NETNS_ENV}, if set
     * @param selfNetns      the target of {@code /proc/self/ns/net}, if readable
     * @param threadNetns    the target of {@code /proc/thread-self/ns/net}, if readable
     * @param parentPid      the parent process id, if known
     * @param parentNetns    the target of {@code /proc/<parent>/ns/net}, if readable
     * @param initNetns      the target of {@code /proc/1/ns/net}, if readable
     * @param effectiveUid   the effective user id from {@code /proc/self/status}, if readable
     * @param hostNetworkOk  whether {@value #HOST_NETWORK_OK_PROPERTY} is {@code true}
     */
    record Facts(OsFamily os, Optional<String> netnsEnv, Optional<String> selfNetns, Optional<String> threadNetns,
                 OptionalLong parentPid, Optional<String> parentNetns, Optional<String> initNetns,
                 OptionalLong effectiveUid, boolean hostNetworkOk) {

        static Facts gather() {
            OsFamily os = OsFamily.current();
            OptionalLong parent = ProcessHandle.current().parent().map(p -> OptionalLong.of(p.pid()))
                    .orElse(OptionalLong.empty());
            boolean hostOk = Boolean.parseBoolean(System.getProperty(HOST_NETWORK_OK_PROPERTY, "false").trim());
            Optional<String> env = Optional.ofNullable(System.getenv(NETNS_ENV));
            if (os != OsFamily.LINUX) {
                return new Facts(os, env, Optional.empty(), Optional.empty(), parent, Optional.empty(),
                        Optional.empty(), OptionalLong.empty(), hostOk);
            }
            return new Facts(os, env, link("/proc/self/ns/net"), link("/proc/thread-self/ns/net"), parent,
                    parent.isPresent() ? link("/proc/" + parent.getAsLong() + "/ns/net") : Optional.empty(),
                    link("/proc/1/ns/net"), readEffectiveUid(), hostOk);
        }

        private static Optional<String> link(String path) {
            try {
                return Optional.of(Files.readSymbolicLink(Path.of(path)).toString());
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return Optional.empty();
            }
        }

        /** The second field of the {@code Uid:} line: real, effective, saved, filesystem (proc(5)). */
        private static OptionalLong readEffectiveUid() {
            try {
                return effectiveUidFromStatus(Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8));
            } catch (IOException | SecurityException e) {
                return OptionalLong.empty();
            }
        }
    }

    /** Reads the effective user id from the lines of {@code /proc/<pid>/status}. */
    static OptionalLong effectiveUidFromStatus(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("Uid:")) {
                String[] ids = line.substring(4).trim().split("\\s+");
                if (ids.length >= 2) {
                    try {
                        return OptionalLong.of(Long.parseLong(ids[1]));
                    } catch (NumberFormatException e) {
                        return OptionalLong.empty();
                    }
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The decision, from the facts alone. */
    static Verdict decide(Facts f) {
        if (f.os() != OsFamily.LINUX) {
            if (f.hostNetworkOk()) {
                return new Verdict(Outcome.RUN, "host network of this " + f.os() + " machine accepted by -D"
                        + HOST_NETWORK_OK_PROPERTY + "=true");
            }
            return new Verdict(Outcome.SKIP, "on " + f.os() + " device tests change the host's network; set -D"
                    + HOST_NETWORK_OK_PROPERTY + "=true only on a throwaway CI VM to run them");
        }
        Optional<String> notPrivate = whyNotPrivate(f);
        if (notPrivate.isEmpty()) {
            return new Verdict(Outcome.RUN, "private network namespace " + f.threadNetns().or(f::selfNetns).orElse("?"));
        }
        String how = " Run the tests through the namespace wrapper, which starts the test JVM with 'unshare --net' and sets "
                + NETNS_ENV + "=" + NETNS_PRIVATE + ".";
        boolean root = f.effectiveUid().isEmpty() || f.effectiveUid().getAsLong() == 0;
        if (root) {
            return new Verdict(Outcome.FAIL, "refusing to run: this JVM is in the host network namespace, or cannot "
                    + "prove it is not, and runs as root (uid "
                    + (f.effectiveUid().isPresent() ? String.valueOf(f.effectiveUid().getAsLong()) : "unknown")
                    + "), so a device test would change the host's network: " + notPrivate.get() + "." + how);
        }
        return new Verdict(Outcome.SKIP, "not in a private network namespace and not root (uid "
                + f.effectiveUid().getAsLong() + "), so device tests cannot run: " + notPrivate.get() + "." + how);
    }

    /** Empty when the facts prove a private namespace, else the reason they do not. */
    private static Optional<String> whyNotPrivate(Facts f) {
        if (!f.netnsEnv().map(NETNS_PRIVATE::equals).orElse(false)) {
            return Optional.of(NETNS_ENV + " is " + f.netnsEnv().map(v -> "'" + v + "'").orElse("not set")
                    + ", not '" + NETNS_PRIVATE + "'");
        }
        if (f.selfNetns().isEmpty()) {
            return Optional.of("/proc/self/ns/net cannot be read");
        }
        List<Optional<String>> ours = List.of(f.selfNetns(), f.threadNetns());
        if (f.parentNetns().isPresent()) {
            String parent = f.parentNetns().get();
            for (Optional<String> mine : ours) {
                if (mine.isPresent() && mine.get().equals(parent)) {
                    return Optional.of(NETNS_ENV + "=" + NETNS_PRIVATE + " but this JVM's namespace " + mine.get()
                            + " is its parent's (pid " + (f.parentPid().isPresent() ? f.parentPid().getAsLong() : "?") + ")");
                }
            }
            return Optional.empty();
        }
        if (f.initNetns().isPresent()) {
            String init = f.initNetns().get();
            for (Optional<String> mine : ours) {
                if (mine.isPresent() && mine.get().equals(init)) {
                    return Optional.of(NETNS_ENV + "=" + NETNS_PRIVATE + " but this JVM's namespace " + mine.get()
                            + " is that of pid 1");
                }
            }
        }
        // Neither the parent's nor pid 1's namespace is readable: the wrapper's variable is all there is to go on.
        return Optional.empty();
    }
}
