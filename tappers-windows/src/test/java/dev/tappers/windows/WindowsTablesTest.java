package dev.tappers.windows;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Windows value against PLATFORMS.md sections 0 and 9 (compiler-checked with mingw-w64). */
class WindowsTablesTest {

    @Test
    void tapWindowsControlCodes() {
        assertEquals(0x00220004, TapWindowsIoctls.GET_MAC);
        assertEquals(0x00220008, TapWindowsIoctls.GET_VERSION);
        assertEquals(0x0022000C, TapWindowsIoctls.GET_MTU);
        assertEquals(0x00220010, TapWindowsIoctls.GET_INFO);
        assertEquals(0x00220014, TapWindowsIoctls.CONFIG_POINT_TO_POINT);
        assertEquals(0x00220018, TapWindowsIoctls.SET_MEDIA_STATUS);
        assertEquals(0x0022001C, TapWindowsIoctls.CONFIG_DHCP_MASQ);
        assertEquals(0x00220020, TapWindowsIoctls.GET_LOG_LINE);
        assertEquals(0x00220024, TapWindowsIoctls.CONFIG_DHCP_SET_OPT);
        assertEquals(0x00220028, TapWindowsIoctls.CONFIG_TUN);
        assertEquals(0x0022002C, TapWindowsIoctls.PRIORITY_BEHAVIOR);
    }

    @Test
    void ctlCodePlacesEachPart() {
        assertEquals(0x00220000 | (5 << 2), CtlCode.of(0x22, 5, 0, 0));
        assertEquals(0x0022C000 | (1 << 2) | 3, CtlCode.of(0x22, 1, 3, 3), "access in bits 14-15, method in 0-1");
        assertEquals(0xFFFF0000 | 0x3FFC, CtlCode.of(0xFFFF, 0xFFF, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> CtlCode.of(0x22, 0x1000, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> CtlCode.of(0x10000, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> CtlCode.of(0x22, 1, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> CtlCode.of(0x22, 1, 0, -1));
    }

    @Test
    void tapWindowsAdapterPath() {
        assertEquals("tap0901", TapWindowsIoctls.COMPONENT_ID);
        assertEquals("{4D36E972-E325-11CE-BFC1-08002BE10318}", TapWindowsIoctls.NET_CLASS_GUID);
        assertEquals("\\\\.\\Global\\{0123ABCD-89AB-CDEF-0123-456789ABCDEF}.tap",
                TapWindowsIoctls.devicePath("{0123abcd-89ab-cdef-0123-456789abcdef}"));
        assertThrows(IllegalArgumentException.class, () -> TapWindowsIoctls.devicePath("0123abcd-89ab-cdef-0123-456789abcdef"));
        assertThrows(IllegalArgumentException.class, () -> TapWindowsIoctls.devicePath("{..\\..\\x}"));
        assertThrows(IllegalArgumentException.class, () -> TapWindowsIoctls.devicePath(null));
    }

    @Test
    void wintunFacts() {
        assertEquals(14, Wintun.EXPORTS.size());
        assertEquals(14, new HashSet<>(Wintun.EXPORTS).size());
        assertTrue(Wintun.EXPORTS.contains("WintunGetAdapterLUID"), "LUID is upper-case in the export");
        assertEquals(0x20000, Wintun.MIN_RING_CAPACITY);
        assertEquals(0x4000000, Wintun.MAX_RING_CAPACITY);
        assertEquals(0xFFFF, Wintun.MAX_IP_PACKET_SIZE);
        assertEquals(128, Wintun.MAX_ADAPTER_NAME);
        assertEquals(0, Wintun.LOG_INFO);
        assertEquals(1, Wintun.LOG_WARN);
        assertEquals(2, Wintun.LOG_ERR);
    }

    @Test
    void wintunArgumentChecks() {
        Wintun.checkRingCapacity(0x20000);
        Wintun.checkRingCapacity(0x400000);
        Wintun.checkRingCapacity(0x4000000);
        assertThrows(IllegalArgumentException.class, () -> Wintun.checkRingCapacity(0x10000));
        assertThrows(IllegalArgumentException.class, () -> Wintun.checkRingCapacity(0x8000000));
        assertThrows(IllegalArgumentException.class, () -> Wintun.checkRingCapacity(0x30000));
        Wintun.checkName("name", "x".repeat(127));
        assertThrows(IllegalArgumentException.class, () -> Wintun.checkName("name", "x".repeat(128)));
        assertThrows(IllegalArgumentException.class, () -> Wintun.checkName("name", ""));
        assertThrows(IllegalArgumentException.class, () -> Wintun.checkName("name", "a\0b"));
        Wintun.checkPacketSize(1);
        Wintun.checkPacketSize(65535);
        assertThrows(IllegalArgumentException.class, () -> Wintun.checkPacketSize(65536));
        assertThrows(IllegalArgumentException.class, () -> Wintun.checkPacketSize(0));
    }

    @Test
    void unicastIpAddressRow() {
        assertEquals(28, IpHelperStructs.SOCKADDR_INET_SIZE);
        assertEquals(0, IpHelperStructs.UnicastIpAddressRow.ADDRESS);
        assertEquals(32, IpHelperStructs.UnicastIpAddressRow.INTERFACE_LUID);
        assertEquals(40, IpHelperStructs.UnicastIpAddressRow.INTERFACE_INDEX);
        assertEquals(44, IpHelperStructs.UnicastIpAddressRow.PREFIX_ORIGIN);
        assertEquals(48, IpHelperStructs.UnicastIpAddressRow.SUFFIX_ORIGIN);
        assertEquals(52, IpHelperStructs.UnicastIpAddressRow.VALID_LIFETIME);
        assertEquals(56, IpHelperStructs.UnicastIpAddressRow.PREFERRED_LIFETIME);
        assertEquals(60, IpHelperStructs.UnicastIpAddressRow.ON_LINK_PREFIX_LENGTH);
        assertEquals(61, IpHelperStructs.UnicastIpAddressRow.SKIP_AS_SOURCE);
        assertEquals(64, IpHelperStructs.UnicastIpAddressRow.DAD_STATE);
        assertEquals(68, IpHelperStructs.UnicastIpAddressRow.SCOPE_ID);
        assertEquals(72, IpHelperStructs.UnicastIpAddressRow.CREATION_TIME_STAMP);
        assertEquals(80, IpHelperStructs.UnicastIpAddressRow.SIZE);
        assertEquals(8, IpHelperStructs.MIB_TABLE_HEADER_SIZE);
    }

    @Test
    void ipInterfaceRow() {
        assertEquals(0, IpHelperStructs.IpInterfaceRow.FAMILY);
        assertEquals(8, IpHelperStructs.IpInterfaceRow.INTERFACE_LUID);
        assertEquals(16, IpHelperStructs.IpInterfaceRow.INTERFACE_INDEX);
        assertEquals(44, IpHelperStructs.IpInterfaceRow.USE_AUTOMATIC_METRIC);
        assertEquals(144, IpHelperStructs.IpInterfaceRow.SITE_PREFIX_LENGTH);
        assertEquals(148, IpHelperStructs.IpInterfaceRow.METRIC);
        assertEquals(152, IpHelperStructs.IpInterfaceRow.NL_MTU);
        assertEquals(156, IpHelperStructs.IpInterfaceRow.CONNECTED);
        assertEquals(164, IpHelperStructs.IpInterfaceRow.TRANSMIT_OFFLOAD);
        assertEquals(165, IpHelperStructs.IpInterfaceRow.RECEIVE_OFFLOAD);
        assertEquals(166, IpHelperStructs.IpInterfaceRow.DISABLE_DEFAULT_ROUTES);
        assertEquals(168, IpHelperStructs.IpInterfaceRow.SIZE, "not golang/sys's 176");
    }

    @Test
    void ipForwardRow2() {
        assertEquals(32, IpHelperStructs.IpAddressPrefix.SIZE);
        assertEquals(28, IpHelperStructs.IpAddressPrefix.PREFIX_LENGTH);
        assertEquals(0, IpHelperStructs.IpForwardRow2.INTERFACE_LUID);
        assertEquals(8, IpHelperStructs.IpForwardRow2.INTERFACE_INDEX);
        assertEquals(12, IpHelperStructs.IpForwardRow2.DESTINATION_PREFIX);
        assertEquals(44, IpHelperStructs.IpForwardRow2.NEXT_HOP);
        assertEquals(72, IpHelperStructs.IpForwardRow2.SITE_PREFIX_LENGTH);
        assertEquals(76, IpHelperStructs.IpForwardRow2.VALID_LIFETIME);
        assertEquals(80, IpHelperStructs.IpForwardRow2.PREFERRED_LIFETIME);
        assertEquals(84, IpHelperStructs.IpForwardRow2.METRIC);
        assertEquals(88, IpHelperStructs.IpForwardRow2.PROTOCOL);
        assertEquals(92, IpHelperStructs.IpForwardRow2.LOOPBACK);
        assertEquals(93, IpHelperStructs.IpForwardRow2.AUTOCONFIGURE_ADDRESS);
        assertEquals(94, IpHelperStructs.IpForwardRow2.PUBLISH);
        assertEquals(95, IpHelperStructs.IpForwardRow2.IMMORTAL);
        assertEquals(96, IpHelperStructs.IpForwardRow2.AGE);
        assertEquals(100, IpHelperStructs.IpForwardRow2.ORIGIN);
        assertEquals(104, IpHelperStructs.IpForwardRow2.SIZE);
    }

    @Test
    void layoutPadsToTheLargestAlignment() {
        CLayout l = new CLayout();
        assertEquals(0, l.u8());
        assertEquals(8, l.u64());
        assertEquals(16, l.u8());
        assertEquals(24, l.size());
        assertThrows(IllegalArgumentException.class, () -> new CLayout().field(4, 3));
    }

    @Test
    void constants() {
        assertEquals(2, WindowsConstants.AF_INET);
        assertEquals(23, WindowsConstants.AF_INET6);
        assertEquals(0, WindowsConstants.IP_DAD_STATE_INVALID);
        assertEquals(4, WindowsConstants.IP_DAD_STATE_PREFERRED);
        assertEquals(16, WindowsConstants.IP_PREFIX_ORIGIN_UNCHANGED);
        assertEquals(16, WindowsConstants.IP_SUFFIX_ORIGIN_UNCHANGED);
        assertEquals(0xFFFFFFFFL, WindowsConstants.INFINITE_LIFETIME & 0xFFFFFFFFL);
    }

    @Test
    void sitePrefixLengthWorkaround() {
        assertEquals(0, WindowsConstants.sitePrefixLengthToSet(2, 64));
        assertEquals(24, WindowsConstants.sitePrefixLengthToSet(2, 24));
        assertEquals(128, WindowsConstants.sitePrefixLengthToSet(23, 200));
        assertEquals(64, WindowsConstants.sitePrefixLengthToSet(23, 64));
        assertThrows(IllegalArgumentException.class, () -> WindowsConstants.sitePrefixLengthToSet(10, 0));
    }

    @Test
    void win32Errors() {
        assertEquals(259, Win32Errors.ERROR_NO_MORE_ITEMS);
        assertEquals(38, Win32Errors.ERROR_HANDLE_EOF);
        assertEquals(13, Win32Errors.ERROR_INVALID_DATA);
        assertEquals(111, Win32Errors.ERROR_BUFFER_OVERFLOW);
        assertEquals(5010, Win32Errors.ERROR_OBJECT_ALREADY_EXISTS);
        assertEquals(87, Win32Errors.ERROR_INVALID_PARAMETER);
        assertEquals(2, Win32Errors.ERROR_FILE_NOT_FOUND);
        assertEquals(5, Win32Errors.ERROR_ACCESS_DENIED);
        assertEquals("ERROR_NO_MORE_ITEMS", Win32Errors.name(259));
        assertEquals("ERROR_OBJECT_ALREADY_EXISTS", Win32Errors.name(5010));
        assertEquals("Win32 error 4242", Win32Errors.name(4242));
        assertEquals(Optional.of("needs Administrator"), Win32Errors.hint(5));
        assertEquals(Optional.empty(), Win32Errors.hint(259));
    }
}
