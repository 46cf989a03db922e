package dev.tappers;

/** The caller lacks the privilege (EPERM, EACCES): on Linux, CAP_NET_ADMIN. */
public class PermissionDeniedException extends TappersException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String operation, String interfaceName, int errno, String errnoName, String osMessage, String hint) {
        super(operation, interfaceName, errno, errnoName, osMessage, hint);
    }
}
