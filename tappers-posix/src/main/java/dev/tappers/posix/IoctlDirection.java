package dev.tappers.posix;

/**
 * Which way an ioctl's argument travels, named after the macro that builds the request number. The bits each
 * direction sets depend on the system: see {@link IoctlEncoding}.
 */
public enum IoctlDirection {
    /** {@code _IO}: no argument is copied (BSD IOC_VOID). */
    NONE,
    /** {@code _IOR}: the kernel writes the argument back to the caller (BSD IOC_OUT). */
    READ,
    /** {@code _IOW}: the caller passes the argument in (BSD IOC_IN). */
    WRITE,
    /** {@code _IOWR}: the argument goes in and comes back (BSD IOC_INOUT). */
    READ_WRITE
}
