package dev.tappers;

/**
 * No provider fits this machine. The message lists every provider seen and why each was rejected; the
 * underlying failures are attached as suppressed exceptions.
 */
public class NoProviderException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception.
     *
     * @param message every provider seen and why each was rejected
     */
    public NoProviderException(String message) {
        super(message);
    }
}
