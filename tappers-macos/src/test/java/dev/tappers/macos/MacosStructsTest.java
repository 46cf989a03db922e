package dev.tappers.macos;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sizes, offsets and constants against PLATFORMS.md sections 2.1-2.3. */
class MacosStructsTest {

    @Test
    void requestStructs() {
        assertEquals(32, MacosStructs.IFREQ_SIZE);
        assertEquals(16, MacosStructs.IFREQ_UNION);
        assertEquals(16, MacosStructs.IFALIASREQ_ADDR);
        assertEquals(32, MacosStructs.IFALIASREQ_BROADADDR);
        assertEquals(48, MacosStructs.IFALIASREQ_MASK);
        assertEquals(64, MacosStructs.IFALIASREQ_SIZE);
        assertEquals(288, MacosStructs.IN6_IFREQ_SIZE);
        assertEquals(16, MacosStructs.IN6_IFREQ_ADDR);
    }

    @Test
    void in6AliasreqLayout() {
        assertEquals(16, MacosStructs.IN6_ALIASREQ_ADDR);
        assertEquals(44, MacosStructs.IN6_ALIASREQ_DSTADDR);
        assertEquals(72, MacosStructs.IN6_ALIASREQ_PREFIXMASK);
        assertEquals(100, MacosStructs.IN6_ALIASREQ_FLAGS);
        assertEquals(104, MacosStructs.IN6_ALIASREQ_LIFETIME);
        assertEquals(128, MacosStructs.IN6_ALIASREQ_SIZE);
        assertEquals(24, MacosStructs.IN6_ADDRLIFETIME_SIZE);
        assertEquals(16, MacosStructs.IN6_ADDRLIFETIME_VLTIME);
        assertEquals(20, MacosStructs.IN6_ADDRLIFETIME_PLTIME);
    }

    @Test
    void kernelControlStructs() {
        assertEquals(100, MacosStructs.CTL_INFO_SIZE);
        assertEquals(0, MacosStructs.CTL_INFO_ID);
        assertEquals(4, MacosStructs.CTL_INFO_NAME);
        assertEquals(96, MacosStructs.MAX_KCTL_NAME);
        assertEquals(32, MacosStructs.SOCKADDR_CTL_SIZE);
        assertEquals(2, MacosStructs.SOCKADDR_CTL_SYSADDR);
        assertEquals(4, MacosStructs.SOCKADDR_CTL_ID);
        assertEquals(8, MacosStructs.SOCKADDR_CTL_UNIT);
        assertEquals(12, MacosStructs.SOCKADDR_CTL_RESERVED);
    }

    @Test
    void fethStructs() {
        assertEquals(40, MacosStructs.IFDRV_SIZE);
        assertEquals(16, MacosStructs.IFDRV_CMD);
        assertEquals(24, MacosStructs.IFDRV_LEN);
        assertEquals(32, MacosStructs.IFDRV_DATA);
        assertEquals(160, MacosStructs.IF_FAKE_REQUEST_SIZE);
        assertEquals(32, MacosStructs.IF_FAKE_REQUEST_PEER_NAME);
    }

    @Test
    void constants() {
        assertEquals(32, MacosConstants.PF_SYSTEM);
        assertEquals(32, MacosConstants.AF_SYSTEM);
        assertEquals(2, MacosConstants.SOCK_DGRAM);
        assertEquals(2, MacosConstants.SYSPROTO_CONTROL);
        assertEquals(2, MacosConstants.AF_SYS_CONTROL);
        assertEquals("com.apple.net.utun_control", MacosConstants.UTUN_CONTROL_NAME);
        assertEquals(1, MacosConstants.UTUN_OPT_FLAGS);
        assertEquals(2, MacosConstants.UTUN_OPT_IFNAME);
        assertEquals(16, MacosConstants.UTUN_OPT_MAX_PENDING_PACKETS);
        assertEquals("feth", MacosConstants.FAKE_ETHER_NAME);
        assertEquals(1, MacosConstants.IF_FAKE_S_CMD_SET_PEER);
        assertEquals(2, MacosConstants.IF_FAKE_S_CMD_SET_MEDIA);
        assertEquals(3, MacosConstants.IF_FAKE_S_CMD_SET_DEQUEUE_STALL);
        assertEquals(1, MacosConstants.IF_FAKE_G_CMD_GET_PEER);
        assertEquals(27, MacosConstants.AF_NDRV);
        assertEquals(0x20, MacosConstants.IN6_IFF_NODAD);
        assertEquals(0xFFFFFFFFL, MacosConstants.ND6_INFINITE_LIFETIME & 0xFFFFFFFFL);
        // The control name fits ctl_name with its NUL.
        assertEquals(true, MacosConstants.UTUN_CONTROL_NAME.length() < MacosStructs.MAX_KCTL_NAME);
    }

    @Test
    void utunUnitIsOneMoreThanTheInterfaceNumber() {
        assertEquals(1, MacosConstants.utunUnit(0));
        assertEquals(8, MacosConstants.utunUnit(7));
        assertThrows(IllegalArgumentException.class, () -> MacosConstants.utunUnit(-1));
    }
}
