package dev.tappers.memory;

import dev.tappers.DeviceExistsException;
import dev.tappers.NoSuchDeviceException;
import dev.tappers.TappersException;

/**
 * The errors of the in-memory network, as the exceptions a kernel provider throws for the same mistake. Each
 * carries the errno Linux gives in that case (values from Linux's include/uapi/asm-generic/errno-base.h and
 * errno.h), so code written against the in-memory provider handles the same exceptions as on a real system; the
 * message says the error came from the in-memory network.
 */
final class Errors {
    /** EBUSY: the device is attached to another object. */
    static final int EBUSY = 16;
    /** EEXIST: the name or address is taken. */
    static final int EEXIST = 17;
    /** ENODEV: no such device. */
    static final int ENODEV = 19;
    /** EINVAL: the device is of the other kind. */
    static final int EINVAL = 22;
    /** EADDRNOTAVAIL: the address is not on the interface. */
    static final int EADDRNOTAVAIL = 99;

    private static final String WHERE = "in-memory network";

    private Errors() {
    }

    static DeviceExistsException exists(String operation, String iface, String what) {
        return new DeviceExistsException(operation, iface, EEXIST, "EEXIST", WHERE + ": " + what, null);
    }

    static DeviceExistsException busy(String operation, String iface) {
        return new DeviceExistsException(operation, iface, EBUSY, "EBUSY", WHERE + ": the device is attached to "
                + "another open object", "close that object first");
    }

    static NoSuchDeviceException noDevice(String operation, String iface) {
        return new NoSuchDeviceException(operation, iface, ENODEV, "ENODEV", WHERE + ": no interface by that name",
                null);
    }

    static TappersException wrongKind(String operation, String iface, String actual) {
        return new TappersException(operation, iface, EINVAL, "EINVAL", WHERE + ": the interface is a " + actual,
                "open it as a " + actual);
    }

    static TappersException noAddress(String operation, String iface, String address) {
        return new TappersException(operation, iface, EADDRNOTAVAIL, "EADDRNOTAVAIL", WHERE + ": " + address
                + " is not on the interface", "list the addresses with addresses()");
    }
}
