package dev.tappers;

/** An interface with that name exists already, or is in use (EEXIST, EBUSY). */
public class DeviceExistsException extends TappersException {
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
    public DeviceExistsException(String operation, String interfaceName, int errno, String errnoName, String osMessage, String hint) {
        super(operation, interfaceName, errno, errnoName, osMessage, hint);
    }
}
