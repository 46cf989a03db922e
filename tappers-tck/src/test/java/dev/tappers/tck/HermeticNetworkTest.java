package dev.tappers.tck;

import dev.tappers.OsFamily;
import dev.tappers.tck.HermeticNetwork.Facts;
import dev.tappers.tck.HermeticNetwork.Outcome;
import dev.tappers.tck.HermeticNetwork.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard's decision, from made-up facts: no namespace is touched. */
class HermeticNetworkTest {
    private static final String HOST = "net:[4026531840]";
    private static final String PRIVATE = "net:[4026532999]";

    /** A JVM started by the wrapper: variable set, own namespace, parent in the host's. */
    private static Facts wrapped() {
        return new Facts(OsFamily.LINUX, Optional.of("private"), Optional.of(PRIVATE), Optional.of(PRIVATE),
                OptionalLong.of(4242), Optional.of(HOST), Optional.empty(), OptionalLong.of(0), false);
    }

    private static Facts with(Facts f, Optional<String> env, Optional<String> self, Optional<String> thread,
                              Optional<String> parent, Optional<String> init, OptionalLong uid) {
        return new Facts(f.os(), env, self, thread, f.parentPid(), parent, init, uid, f.hostNetworkOk());
    }

    private static Verdict decide(Facts f) {
        return HermeticNetwork.decide(f);
    }

    @Test
    void wrappedJvmInItsOwnNamespaceRuns() {
        assertEquals(Outcome.RUN, decide(wrapped()).outcome());
    }

    @Test
    void rootWithoutTheVariableFailsLoudly() {
        Facts f = with(wrapped(), Optional.empty(), Optional.of(HOST), Optional.of(HOST), Optional.of(HOST),
                Optional.empty(), OptionalLong.of(0));
        Verdict v = decide(f);
        assertEquals(Outcome.FAIL, v.outcome());
        assertTrue(v.reason().startsWith("refusing to run: this JVM is in the host network namespace"), v.reason());
        assertTrue(v.reason().contains("TAPPERS_NETNS is not set"), v.reason());
    }

    @Test
    void nonRootWithoutTheVariableIsSkipped() {
        Facts f = with(wrapped(), Optional.empty(), Optional.of(HOST), Optional.of(HOST), Optional.of(HOST),
                Optional.empty(), OptionalLong.of(1000));
        Verdict v = decide(f);
        assertEquals(Outcome.SKIP, v.outcome());
        assertTrue(v.reason().contains("not root (uid 1000)"), v.reason());
    }

    @Test
    void theVariableAloneIsNotEnoughWhenTheParentSharesTheNamespace() {
        // Someone exported TAPPERS_NETNS=private in a shell: the namespace check catches it.
        Facts f = with(wrapped(), Optional.of("private"), Optional.of(HOST), Optional.of(HOST), Optional.of(HOST),
                Optional.empty(), OptionalLong.of(0));
        Verdict v = decide(f);
        assertEquals(Outcome.FAIL, v.outcome());
        assertTrue(v.reason().contains("is its parent's (pid 4242)"), v.reason());
    }

    @Test
    void aThreadInTheParentsNamespaceIsCaught() {
        Facts f = with(wrapped(), Optional.of("private"), Optional.of(PRIVATE), Optional.of(HOST), Optional.of(HOST),
                Optional.empty(), OptionalLong.of(0));
        assertEquals(Outcome.FAIL, decide(f).outcome());
    }

    @Test
    void aPrivateNamespaceWithoutTheVariableIsRefused() {
        Facts f = with(wrapped(), Optional.empty(), Optional.of(PRIVATE), Optional.of(PRIVATE), Optional.of(HOST),
                Optional.empty(), OptionalLong.of(0));
        assertEquals(Outcome.FAIL, decide(f).outcome());
        Facts other = with(wrapped(), Optional.of("yes"), Optional.of(PRIVATE), Optional.of(PRIVATE), Optional.of(HOST),
                Optional.empty(), OptionalLong.of(0));
        assertEquals(Outcome.FAIL, decide(other).outcome());
    }

    @Test
    void unreadableParentFallsBackToPidOne() {
        Facts differs = with(wrapped(), Optional.of("private"), Optional.of(PRIVATE), Optional.of(PRIVATE),
                Optional.empty(), Optional.of(HOST), OptionalLong.of(0));
        assertEquals(Outcome.RUN, decide(differs).outcome());
        Facts same = with(wrapped(), Optional.of("private"), Optional.of(HOST), Optional.of(HOST),
                Optional.empty(), Optional.of(HOST), OptionalLong.of(0));
        Verdict v = decide(same);
        assertEquals(Outcome.FAIL, v.outcome());
        assertTrue(v.reason().contains("pid 1"), v.reason());
    }

    @Test
    void neitherParentNorPidOneReadableAcceptsTheVariable() {
        Facts f = with(wrapped(), Optional.of("private"), Optional.of(PRIVATE), Optional.of(PRIVATE),
                Optional.empty(), Optional.empty(), OptionalLong.of(0));
        assertEquals(Outcome.RUN, decide(f).outcome());
    }

    @Test
    void unreadableOwnNamespaceIsNotProof() {
        Facts f = with(wrapped(), Optional.of("private"), Optional.empty(), Optional.empty(), Optional.of(HOST),
                Optional.empty(), OptionalLong.of(0));
        assertEquals(Outcome.FAIL, decide(f).outcome());
        Facts unprivileged = with(f, f.netnsEnv(), f.selfNetns(), f.threadNetns(), f.parentNetns(), f.initNetns(),
                OptionalLong.of(1000));
        assertEquals(Outcome.SKIP, decide(unprivileged).outcome());
    }

    @Test
    void unknownUidCountsAsRoot() {
        Facts f = with(wrapped(), Optional.empty(), Optional.of(HOST), Optional.of(HOST), Optional.of(HOST),
                Optional.empty(), OptionalLong.empty());
        assertEquals(Outcome.FAIL, decide(f).outcome());
    }

    @Test
    void nonRootInItsOwnNamespaceRuns() {
        // An unprivileged user namespace with its own network namespace.
        Facts f = with(wrapped(), Optional.of("private"), Optional.of(PRIVATE), Optional.of(PRIVATE), Optional.of(HOST),
                Optional.empty(), OptionalLong.of(1000));
        assertEquals(Outcome.RUN, decide(f).outcome());
    }

    @Test
    void otherSystemsRunOnlyWhenTheHostNetworkIsDeclaredThrowaway() {
        Facts mac = new Facts(OsFamily.MACOS, Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.of(0), false);
        Verdict v = decide(mac);
        assertEquals(Outcome.SKIP, v.outcome());
        assertTrue(v.reason().contains("tappers.tck.hostNetworkOk=true"), v.reason());
        Facts ok = new Facts(OsFamily.MACOS, Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.of(0), true);
        assertEquals(Outcome.RUN, decide(ok).outcome());
    }

    @Test
    void effectiveUidIsTheSecondFieldOfTheUidLine() {
        assertEquals(OptionalLong.of(1000), HermeticNetwork.effectiveUidFromStatus(
                List.of("Name:\tjava", "Umask:\t0022", "Uid:\t0\t1000\t0\t0", "Gid:\t0\t0\t0\t0")));
        assertEquals(OptionalLong.empty(), HermeticNetwork.effectiveUidFromStatus(List.of("Name:\tjava")));
    }

    @Test
    void gatheredFactsOfThisJvmAreSelfConsistent() {
        // Reads /proc only; decides nothing about running. The effective uid must match the one the JVM sees.
        Facts f = Facts.gather();
        assertEquals(OsFamily.current(), f.os());
        if (f.os() == OsFamily.LINUX) {
            assertTrue(f.selfNetns().isPresent(), "cannot read /proc/self/ns/net");
            assertTrue(f.selfNetns().get().startsWith("net:["), f.selfNetns().get());
            assertTrue(f.effectiveUid().isPresent(), "cannot read the uid from /proc/self/status");
        }
    }
}
