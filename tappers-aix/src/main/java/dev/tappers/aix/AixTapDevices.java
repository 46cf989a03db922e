package dev.tappers.aix;

import java.util.regex.Pattern;

/**
 * What is known about AIX's TAP devices (PLATFORMS.md section 8): no TUN exists, and TAP devices are
 * {@code /dev/tap<digits>} carrying Ethernet frames (tinc {@code src/aix/device.c}). OpenVPN creates a missing
 * one with {@code ifconfig tapN create}; tappers runs no commands, so the provider will only open devices that
 * already exist and say so when none does.
 */
final class AixTapDevices {

    private AixTapDevices() {
    }

    private static final Pattern NAME = Pattern.compile("tap[0-9]+");

    /** The device node of {@code name}, which must be "tap" and digits. */
    static String nodeOf(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("open AIX TAP device: name '" + name
                    + "' is not 'tap' followed by digits, the only TAP names AIX has");
        }
        return "/dev/" + name;
    }
}
