package dev.tappers.windows;

/**
 * The Windows {@code CTL_CODE} macro (winioctl.h): {@code (DeviceType << 16) | (Access << 14) | (Function << 2)
 * | Method}. DeviceIoControl codes are computed here from their parts, as the headers define them, so a wrong
 * part fails the tests against PLATFORMS.md section 9.2.
 */
final class CtlCode {

    private CtlCode() {
    }

    /** FILE_DEVICE_UNKNOWN (winioctl.h). */
    static final int FILE_DEVICE_UNKNOWN = 0x22;
    /** METHOD_BUFFERED (winioctl.h). */
    static final int METHOD_BUFFERED = 0;
    /** FILE_ANY_ACCESS (winioctl.h). */
    static final int FILE_ANY_ACCESS = 0;

    /**
     * CTL_CODE(deviceType, function, method, access).
     *
     * @throws IllegalArgumentException if a part does not fit its field (16, 12, 2 and 2 bits)
     */
    static int of(int deviceType, int function, int method, int access) {
        check("device type", deviceType, 0xFFFF);
        check("function", function, 0xFFF);
        check("method", method, 0x3);
        check("access", access, 0x3);
        return (deviceType << 16) | (access << 14) | (function << 2) | method;
    }

    private static void check(String part, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("encode CTL_CODE: " + part + " " + value + " is outside 0-" + max);
        }
    }
}
