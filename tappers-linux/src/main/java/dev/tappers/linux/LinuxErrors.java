package dev.tappers.linux;

import dev.tappers.DeviceExistsException;
import dev.tappers.NoSuchDeviceException;
import dev.tappers.OsFamily;
import dev.tappers.PermissionDeniedException;
import dev.tappers.TappersException;
import dev.tappers.linux.jna.DescriptorCalls;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.posix.Errno;

import static dev.tappers.linux.jna.LinuxConstants.*;

/** Turns an errno into the public exception type, with the operation, the interface and a hint. */
final class LinuxErrors {
    private LinuxErrors() {
    }

    /** For operations on an interface itself: EEXIST/EBUSY become {@link DeviceExistsException}. */
    static TappersException device(String operation, String iface, int errno, String hint) {
        return of(operation, iface, errno, hint, true);
    }

    /** For operations on addresses, routes and the like: EEXIST means the entry, not the interface, exists. */
    static TappersException entry(String operation, String iface, int errno, String hint) {
        return of(operation, iface, errno, hint, false);
    }

    private static TappersException of(String operation, String iface, int errno, String hint, boolean deviceLevel) {
        String name = Errno.name(OsFamily.LINUX, errno);
        String message = Syscalls.strerror(errno);
        String h = hint != null ? hint : Errno.hint(OsFamily.LINUX, errno).orElse(null);
        switch (errno) {
            case EPERM:
            case EACCES:
                return new PermissionDeniedException(operation, iface, errno, name, message,
                        hint != null ? hint : "needs CAP_NET_ADMIN (run as root, or grant the capability)");
            case ENODEV:
            case ENXIO:
                return new NoSuchDeviceException(operation, iface, errno, name, message, h);
            case DescriptorCalls.EBADFD:
                // The TUN driver detaches every descriptor of an interface that is deleted, and from then on
                // answers them with EBADFD: the descriptor is still open, but the device behind it is gone.
                return new NoSuchDeviceException(operation, iface, errno, name, message, hint != null ? hint
                        : "the device is gone: its interface was deleted (by another program, another handle, or"
                        + " with its network namespace); close this object and create the device again");
            case EEXIST:
            case EBUSY:
                return deviceLevel
                        ? new DeviceExistsException(operation, iface, errno, name, message, h)
                        : new TappersException(operation, iface, errno, name, message, h);
            default:
                return new TappersException(operation, iface, errno, name, message, h);
        }
    }
}
