package dev.tappers.examples;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamespaceCheckTest {
    private static final Optional<String> HOST = Optional.of("net:[4026531840]");
    private static final Optional<String> PRIVATE = Optional.of("net:[4026532999]");

    @Test
    void aNamespaceOfItsOwnIsAccepted() {
        assertEquals(Optional.empty(), NamespaceCheck.problem(PRIVATE, HOST, HOST));
        // In a container PID 1's link may be unreadable: the parent's is enough.
        assertEquals(Optional.empty(), NamespaceCheck.problem(PRIVATE, Optional.empty(), HOST));
    }

    @Test
    void theHostNamespaceIsRefused() {
        assertTrue(NamespaceCheck.problem(HOST, HOST, HOST).orElseThrow().contains("PID 1's network namespace"));
        assertTrue(NamespaceCheck.problem(HOST, Optional.empty(), HOST).orElseThrow().contains("parent's network namespace"));
        assertTrue(NamespaceCheck.problem(HOST, PRIVATE, HOST).orElseThrow().contains("unshare --net"));
    }

    @Test
    void nothingToCompareWithIsRefused() {
        assertTrue(NamespaceCheck.problem(PRIVATE, Optional.empty(), Optional.empty()).isPresent());
        assertTrue(NamespaceCheck.problem(Optional.empty(), HOST, HOST).isPresent());
    }

    @Test
    void readsTheLinkOfThisProcess() {
        assertTrue(NamespaceCheck.netNamespaceOf("self").orElseThrow().startsWith("net:["));
        assertEquals(Optional.empty(), NamespaceCheck.netNamespaceOf("no-such-pid"));
    }
}
