package dev.tappers;

import java.util.Optional;

/**
 * What discovery made of one provider it saw: its declared name, OS list and priority, and why it was passed
 * over (empty when it was usable).
 *
 * @param type       the provider class name
 * @param name       the declared name, or the class name when it declares none
 * @param os         the declared operating systems
 * @param priority   the declared priority
 * @param rejection  why it was not usable here, if it was not
 * @param cause      the exception behind the rejection, if any
 */
public record ProviderCandidate(String type, String name, java.util.List<OsFamily> os, int priority,
                                Optional<String> rejection, Optional<Throwable> cause) {

    /**
     * Whether discovery could use this provider.
     *
     * @return true when there is no rejection
     */
    public boolean usable() {
        return rejection.isEmpty();
    }

    @Override
    public String toString() {
        return name + " (" + type + ", os=" + os + ", priority=" + priority + ")"
                + rejection.map(r -> ": rejected, " + r).orElse(": usable");
    }
}
