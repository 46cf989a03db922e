package dev.tappers.cli;

import java.util.Set;

/** One {@code tappers} command: its help text, the options it knows, and what it does. */
interface Command {
    /** The word that selects it, such as {@code "capture"}. */
    String name();

    /** The usage line after {@code tappers }, such as {@code "capture NAME -w FILE [-c COUNT]"}. */
    String synopsis();

    /** One line for {@code tappers --help}. */
    String summary();

    /** The rest of {@code tappers NAME --help}: options, privileges, limitations. */
    String details();

    /** Options without a value, such as {@code "--json"}. */
    default Set<String> flags() {
        return Set.of();
    }

    /** Options with a value, such as {@code "-w"}. */
    default Set<String> valued() {
        return Set.of();
    }

    /** How an error message names what failed: the command, and its sub-command if it has one. */
    default String context(Args args) {
        return name();
    }

    /** Runs the command; returns the exit code. Failures are thrown, and {@link Main} reports them. */
    int run(Args args, Terminal terminal) throws Exception;
}
