package dev.tappers.cli;

/**
 * The exit codes of {@code tappers}: the few of BSD's {@code <sysexits.h>} that apply (values from that header),
 * so scripts can tell a typo from a missing privilege from an OS that lacks the feature.
 */
final class ExitCode {
    /** Success. */
    static final int OK = 0;
    /** Anything else that failed: an OS error, a device that does not exist. */
    static final int FAILURE = 1;
    /** EX_USAGE (64): the command line was wrong. */
    static final int USAGE = 64;
    /** EX_UNAVAILABLE (69): no provider, or the provider lacks the feature. */
    static final int UNAVAILABLE = 69;
    /** EX_NOPERM (77): needs root or CAP_NET_ADMIN. */
    static final int NO_PERMISSION = 77;

    private ExitCode() {
    }
}
