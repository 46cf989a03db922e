package dev.tappers;

import java.io.IOException;
import java.util.Optional;

/**
 * A system call failed. Carries the operation, the interface (if any), the OS error's symbolic name and
 * message, and a hint where one helps. The message reads, for example:
 * {@code set MTU on tun0: EPERM (Operation not permitted) - needs CAP_NET_ADMIN or root}.
 */
public class TappersException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What was being done. */
    private final String operation;
    /** The interface concerned, or null. */
    private final String interfaceName;
    /** The OS error number. */
    private final int errno;
    /** The OS error's symbolic name. */
    private final String errnoName;
    /** What to do about it, or null. */
    private final String hint;

    /**
     * Makes the exception; the message is built from the parts.
     *
     * @param operation what was being done, such as "set MTU"
     * @param interfaceName the interface concerned, or {@code null}
     * @param errno the OS error number
     * @param errnoName its symbolic name, such as "EPERM"
     * @param osMessage the OS's text for it, or {@code null}
     * @param hint what to do about it, or {@code null}
     */
    public TappersException(String operation, String interfaceName, int errno, String errnoName, String osMessage,
                            String hint) {
        super(format(operation, interfaceName, errnoName, osMessage, hint));
        this.operation = operation;
        this.interfaceName = interfaceName;
        this.errno = errno;
        this.errnoName = errnoName;
        this.hint = hint;
    }

    private static String format(String operation, String iface, String errnoName, String osMessage, String hint) {
        StringBuilder s = new StringBuilder(operation);
        if (iface != null) {
            s.append(" on ").append(iface);
        }
        s.append(": ").append(errnoName);
        if (osMessage != null && !osMessage.isEmpty()) {
            s.append(" (").append(osMessage).append(')');
        }
        if (hint != null && !hint.isEmpty()) {
            s.append(" - ").append(hint);
        }
        return s.toString();
    }

    /**
     * What was being done, such as "set MTU".
     *
     * @return the operation
     */
    public String operation() {
        return operation;
    }

    /**
     * The interface concerned, if any.
     *
     * @return the interface's name, or empty
     */
    public Optional<String> interfaceName() {
        return Optional.ofNullable(interfaceName);
    }

    /**
     * The OS error number (errno, or a Win32 error code on Windows).
     *
     * @return the number
     */
    public int errno() {
        return errno;
    }

    /**
     * The symbolic name of the error, such as "EPERM".
     *
     * @return the name
     */
    public String errnoName() {
        return errnoName;
    }

    /**
     * A hint at the cause, if one is known.
     *
     * @return the hint, or empty
     */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
