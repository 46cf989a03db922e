package dev.tappers.cli;

/** The command line was wrong: exit code 64, and a pointer to the command's --help. */
final class UsageException extends CommandException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(ExitCode.USAGE, message);
    }
}
