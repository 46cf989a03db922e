package dev.tappers.cli;

/** A failure the CLI itself diagnosed, with the exit code and the one-line message to print. */
class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
