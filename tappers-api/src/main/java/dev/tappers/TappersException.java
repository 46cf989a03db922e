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

    private final String operation;
    private final String interfaceName;
    private final int errno;
    private final String errnoName;
    private final String hint;

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

    /** What was being done, such as "set MTU". */
    public String operation() {
        return operation;
    }

    /** The interface concerned, if any. */
    public Optional<String> interfaceName() {
        return Optional.ofNullable(interfaceName);
    }

    /** The OS error number (errno, or a Win32 error code on Windows). */
    public int errno() {
        return errno;
    }

    /** The symbolic name of the error, such as "EPERM". */
    public String errnoName() {
        return errnoName;
    }

    /** A hint at the cause, if one is known. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
