package dev.tappers;

/** An interface with that name exists already, or is in use (EEXIST, EBUSY). */
public class DeviceExistsException extends TappersException {
    private static final long serialVersionUID = 1L;

    public DeviceExistsException(String operation, String interfaceName, int errno, String errnoName, String osMessage, String hint) {
        super(operation, interfaceName, errno, errnoName, osMessage, hint);
    }
}
