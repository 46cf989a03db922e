package dev.tappers.windows;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * tap-windows6 (OpenVPN/tap-windows6 {@code src/tap-windows.h} @0cad866): the DeviceIoControl codes, which are
 * {@code TAP_WIN_CONTROL_CODE(n, METHOD_BUFFERED) = CTL_CODE(FILE_DEVICE_UNKNOWN, n, METHOD_BUFFERED,
 * FILE_ANY_ACCESS)}, and how an adapter is found and opened (PLATFORMS.md section 9.2).
 */
final class TapWindowsIoctls {

    private TapWindowsIoctls() {
    }

    static final int GET_MAC = controlCode(1);
    /** Output: 3 ULONGs (major, minor, debug). */
    static final int GET_VERSION = controlCode(2);
    static final int GET_MTU = controlCode(3);
    static final int GET_INFO = controlCode(4);
    static final int CONFIG_POINT_TO_POINT = controlCode(5);
    /** Input: ULONG 1 = connected. Nothing flows until the media status is connected. */
    static final int SET_MEDIA_STATUS = controlCode(6);
    static final int CONFIG_DHCP_MASQ = controlCode(7);
    static final int GET_LOG_LINE = controlCode(8);
    static final int CONFIG_DHCP_SET_OPT = controlCode(9);
    /**
     * Input: 3 IPv4 addresses in network order {local, remote network, remote netmask}; afterwards the driver
     * carries bare IP packets (src/device.c).
     */
    static final int CONFIG_TUN = controlCode(10);
    static final int PRIORITY_BEHAVIOR = controlCode(11);

    /** The driver's component / hardware id. */
    static final String COMPONENT_ID = "tap0901";
    /** The network adapter device class, under HKLM\SYSTEM\CurrentControlSet\Control\Class. */
    static final String NET_CLASS_GUID = "{4D36E972-E325-11CE-BFC1-08002BE10318}";

    private static final Pattern GUID = Pattern.compile(
            "\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}");

    /** The path CreateFileW opens for the adapter whose NetCfgInstanceId is {@code guid} ("{...}"). */
    static String devicePath(String guid) {
        if (guid == null || !GUID.matcher(guid).matches()) {
            throw new IllegalArgumentException("open tap-windows6 adapter: NetCfgInstanceId '" + guid
                    + "' is not a braced GUID such as {01234567-89AB-CDEF-0123-456789ABCDEF}");
        }
        return "\\\\.\\Global\\" + guid.toUpperCase(Locale.ROOT) + ".tap";
    }

    private static int controlCode(int function) {
        return CtlCode.of(CtlCode.FILE_DEVICE_UNKNOWN, function, CtlCode.METHOD_BUFFERED, CtlCode.FILE_ANY_ACCESS);
    }
}
