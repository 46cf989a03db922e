package dev.tappers.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * Where a command writes: text to {@link #out} and {@link #err}, binary data (a capture on {@code -w -}) to
 * {@link #binaryOut}, and whether stdout is a terminal (the demo then redraws one status line with {@code \r}).
 * Tests pass their own streams.
 */
final class Terminal {
    /** Overrides the terminal test: the ./tappers script sets it from {@code [ -t 1 ]}. */
    static final String INTERACTIVE_PROPERTY = "tappers.cli.interactive";

    final PrintStream out;
    final PrintStream err;
    final OutputStream binaryOut;
    final boolean interactive;

    Terminal(PrintStream out, PrintStream err, OutputStream binaryOut, boolean interactive) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.binaryOut = Objects.requireNonNull(binaryOut, "binaryOut");
        this.interactive = interactive;
    }

    /** The process's own stdout and stderr; binary output bypasses System.out's character encoding. */
    static Terminal system() {
        return new Terminal(System.out, System.err, new FileOutputStream(FileDescriptor.out), stdoutIsTerminal());
    }

    private static boolean stdoutIsTerminal() {
        String forced = System.getProperty(INTERACTIVE_PROPERTY);
        if (forced != null) {
            return Boolean.parseBoolean(forced);
        }
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try { // Java 22+ returns a console even when redirected; it then answers isTerminal() (absent before 22)
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22 a console exists only for a terminal
        }
    }
}
