package dev.tappers.linux;

import java.nio.channels.ClosedChannelException;

/**
 * A network namespace object was used after {@link dev.tappers.NetworkNamespace#close()} or
 * {@link dev.tappers.NetworkNamespace#delete()}. A {@link ClosedChannelException}, as for a closed device, but
 * one that says what was being done and why it cannot be.
 */
final class NamespaceClosedException extends ClosedChannelException {
    private static final long serialVersionUID = 1L;

    private final String message;

    NamespaceClosedException(String operation, String namespace, String why) {
        this.message = operation + ": network namespace " + namespace + " " + why;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
