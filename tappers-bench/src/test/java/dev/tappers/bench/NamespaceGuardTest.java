package dev.tappers.bench;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamespaceGuardTest {
    private static final Optional<String> HOST = Optional.of("net:[4026531840]");
    private static final Optional<String> PRIVATE = Optional.of("net:[4026532999]");

    @Test
    void aNamespaceOfItsOwnIsAccepted() {
        assertEquals(Optional.empty(), NamespaceGuard.problem(PRIVATE, HOST, HOST));
        // In a container PID 1's link may be unreadable: the parent's is enough.
        assertEquals(Optional.empty(), NamespaceGuard.problem(PRIVATE, Optional.empty(), HOST));
    }

    @Test
    void theHostNamespaceIsRefusedSayingWhy() {
        assertTrue(NamespaceGuard.problem(HOST, HOST, HOST).orElseThrow().contains("PID 1's network namespace"));
        assertTrue(NamespaceGuard.problem(HOST, Optional.empty(), HOST).orElseThrow().contains("parent's network namespace"));
        assertTrue(NamespaceGuard.problem(HOST, PRIVATE, HOST).orElseThrow().contains("unshare --net"));
    }

    @Test
    void nothingToCompareWithIsRefused() {
        assertTrue(NamespaceGuard.problem(PRIVATE, Optional.empty(), Optional.empty()).isPresent());
        assertTrue(NamespaceGuard.problem(Optional.empty(), HOST, HOST).isPresent());
    }

    @Test
    void theBuildsOwnProcessIsRefused() {
        // Surefire runs tests in the build's namespace, which its parent (Maven) shares: the guard must say no.
        assertTrue(NamespaceGuard.problem().isPresent());
    }
}
