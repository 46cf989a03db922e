package dev.tappers;

/** The interface does not exist (ENODEV, ENXIO). */
public class NoSuchDeviceException extends TappersException {
    private static final long serialVersionUID = 1L;

    public NoSuchDeviceException(String operation, String interfaceName, int errno, String errnoName, String osMessage, String hint) {
        super(operation, interfaceName, errno, errnoName, osMessage, hint);
    }
}
