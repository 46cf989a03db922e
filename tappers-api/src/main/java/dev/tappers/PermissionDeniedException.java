package dev.tappers;

/** The caller lacks the privilege (EPERM, EACCES): on Linux, CAP_NET_ADMIN. */
public class PermissionDeniedException extends TappersException {
    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception; the message is built from the parts, as for {@link TappersException}.
     *
     * @param operation what was being done, such as "create TUN"
     * @param interfaceName the interface concerned, or {@code null}
     * @param errno the OS error number
     * @param errnoName its symbolic name, such as "EEXIST"
     * @param osMessage the OS's text for it, or {@code null}
     * @param hint what to do about it, or {@code null}
     */
    public PermissionDeniedException(String operation, String interfaceName, int errno, String errnoName, String osMessage, String hint) {
        super(operation, interfaceName, errno, errnoName, osMessage, hint);
    }
}
