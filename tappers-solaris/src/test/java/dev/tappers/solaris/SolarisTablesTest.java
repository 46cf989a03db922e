package dev.tappers.solaris;

import dev.tappers.posix.IoctlEncoding;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every Solaris/illumos value against PLATFORMS.md section 7. */
class SolarisTablesTest {

    @Test
    void lifreqRequests() {
        assertEquals(0xC0786981L, SolarisIoctls.SIOCSLIFNAME);
        assertEquals(0xC0786975L, SolarisIoctls.SIOCGLIFFLAGS);
        assertEquals(0x80786974L, SolarisIoctls.SIOCSLIFFLAGS);
        assertEquals(0x80786970L, SolarisIoctls.SIOCSLIFADDR);
        assertEquals(0x80786972L, SolarisIoctls.SIOCSLIFDSTADDR);
        assertEquals(0x8078697EL, SolarisIoctls.SIOCSLIFNETMASK);
        assertEquals(0x80786989L, SolarisIoctls.SIOCSLIFSUBNET);
        assertEquals(0x80786979L, SolarisIoctls.SIOCSLIFMTU);
        assertEquals(0xC0786983L, SolarisIoctls.SIOCGLIFMUXID);
        assertEquals(0x80786984L, SolarisIoctls.SIOCSLIFMUXID);
        assertEquals(0xC0786985L, SolarisIoctls.SIOCGLIFINDEX);
        assertEquals(0xC078696FL, SolarisIoctls.SIOCLIFADDIF);
    }

    @Test
    void ifreqRequests() {
        assertEquals(0x80206910L, SolarisIoctls.SIOCSIFFLAGS);
        assertEquals(0xC0206911L, SolarisIoctls.SIOCGIFFLAGS);
        assertEquals(0x80206915L, SolarisIoctls.SIOCSIFMTU);
        assertEquals(0xC0206916L, SolarisIoctls.SIOCGIFMTU);
        assertEquals(0xC020695AL, SolarisIoctls.SIOCGIFINDEX);
        assertEquals(0x80206959L, SolarisIoctls.SIOCSIFMUXID);
        assertEquals(0xC0206958L, SolarisIoctls.SIOCGIFMUXID);
        assertEquals(0x80047336L, SolarisIoctls.IF_UNITSEL);
    }

    @Test
    void requestsAsTheIntsGolangPrints() {
        // golang/sys zerrors_solaris_amd64.go: SIOCSLIFNAME = -0x3f87967f, SIOCGLIFINDEX = -0x3f87967b.
        assertEquals(-0x3f87967f, IoctlEncoding.asCInt(SolarisIoctls.SIOCSLIFNAME));
        assertEquals(-0x3f87967b, IoctlEncoding.asCInt(SolarisIoctls.SIOCGLIFINDEX));
        assertEquals(-0x3f879691, IoctlEncoding.asCInt(SolarisIoctls.SIOCLIFADDIF));
    }

    @Test
    void streams() {
        assertEquals(0x5302, SolarisStreams.I_PUSH);
        assertEquals(0x5303, SolarisStreams.I_POP);
        assertEquals(0x5308, SolarisStreams.I_STR);
        assertEquals(0x530C, SolarisStreams.I_LINK);
        assertEquals(0x530D, SolarisStreams.I_UNLINK);
        assertEquals(0x5316, SolarisStreams.I_PLINK);
        assertEquals(0x5317, SolarisStreams.I_PUNLINK);
        assertEquals(0x00540001, SolarisStreams.TUNNEWPPA);
        assertEquals(0x00540002, SolarisStreams.TUNSETPPA);
    }

    @Test
    void structs() {
        assertEquals(376, SolarisStructs.LIFREQ_SIZE);
        assertEquals(0x178, SolarisStructs.LIFREQ_SIZE);
        assertEquals(32, SolarisStructs.LIFNAMSIZ);
        assertEquals(32, SolarisStructs.LIFREQ_PPA);
        assertEquals(40, SolarisStructs.LIFREQ_UNION);
        assertEquals(44, SolarisStructs.LIFREQ_ARP_MUXID);
        assertEquals(32, SolarisStructs.IFREQ_SIZE);
        assertEquals(0, SolarisStructs.STRIOCTL_CMD);
        assertEquals(4, SolarisStructs.STRIOCTL_TIMOUT);
        assertEquals(8, SolarisStructs.STRIOCTL_LEN);
        assertEquals(16, SolarisStructs.STRIOCTL_DP);
        assertEquals(24, SolarisStructs.STRIOCTL_SIZE);
    }
}
