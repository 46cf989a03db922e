package dev.tappers.linux.jna;

import dev.tappers.OsFamily;
import dev.tappers.posix.Errno;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins the numbers of {@link UnixSockets} and {@link DescriptorCalls} to what a C program printed on x86_64
 * (gcc, glibc 2.36 headers, Linux UAPI headers): {@code printf("%d", SCM_RIGHTS)}, {@code sizeof(struct msghdr)},
 * {@code offsetof(struct msghdr, msg_control)}, {@code CMSG_SPACE(sizeof(int))} and so on.
 */
class UnixSocketsConstantsTest {
    @Test
    void socketNumbersMatchTheHeaders() {
        assertEquals(1, UnixSockets.AF_UNIX);
        assertEquals(1, UnixSockets.SOCK_STREAM);
        assertEquals(0x800, UnixSockets.SOCK_NONBLOCK);
        assertEquals(1, UnixSockets.SCM_RIGHTS);
        assertEquals(1, LinuxConstants.SOL_SOCKET);
        assertEquals(0x8, UnixSockets.MSG_CTRUNC);
        assertEquals(0x4000, UnixSockets.MSG_NOSIGNAL);
        assertEquals(0x40000000, UnixSockets.MSG_CMSG_CLOEXEC);
        assertEquals(21, UnixSockets.SO_SNDTIMEO);
        assertEquals(16, UnixSockets.TIMEVAL_SIZE);
        assertEquals(98, UnixSockets.EADDRINUSE);
        assertEquals(111, UnixSockets.ECONNREFUSED);
    }

    @Test
    void structureLayoutsMatchLp64() {
        assertEquals(110, UnixSockets.SOCKADDR_UN_SIZE);
        assertEquals(2, UnixSockets.SUN_PATH_OFFSET);
        assertEquals(108, UnixSockets.SUN_PATH_SIZE);
        assertEquals(56, UnixSockets.MSGHDR_SIZE);
        assertEquals(16, UnixSockets.MSGHDR_IOV);
        assertEquals(24, UnixSockets.MSGHDR_IOVLEN);
        assertEquals(32, UnixSockets.MSGHDR_CONTROL);
        assertEquals(40, UnixSockets.MSGHDR_CONTROLLEN);
        assertEquals(48, UnixSockets.MSGHDR_FLAGS);
        assertEquals(16, UnixSockets.CMSGHDR_SIZE);
        assertEquals(8, UnixSockets.CMSG_LEVEL);
        assertEquals(12, UnixSockets.CMSG_TYPE);
        assertEquals(20, UnixSockets.cmsgLen(Integer.BYTES), "CMSG_LEN(sizeof(int))");
        assertEquals(24, UnixSockets.cmsgSpace(Integer.BYTES), "CMSG_SPACE(sizeof(int))");
        assertEquals(24, UnixSockets.cmsgSpace(2 * Integer.BYTES), "CMSG_SPACE(2 * sizeof(int))");
        assertEquals(32, UnixSockets.cmsgSpace(3 * Integer.BYTES), "CMSG_SPACE(3 * sizeof(int))");
    }

    @Test
    void descriptorNumbersMatchTheHeaders() {
        assertEquals(1, DescriptorCalls.F_GETFD);
        assertEquals(3, DescriptorCalls.F_GETFL);
        assertEquals(4, DescriptorCalls.F_SETFL);
        assertEquals(1030, DescriptorCalls.F_DUPFD_CLOEXEC);
        assertEquals(9, DescriptorCalls.EBADF);
        assertEquals(25, DescriptorCalls.ENOTTY);
        assertEquals(77, DescriptorCalls.EBADFD);
        assertEquals(0x4000, dev.tappers.linux.jna.LinuxConstants.IFF_VNET_HDR);
    }

    @Test
    void errnoValuesAgreeWithTheSharedTable() {
        assertEquals(Errno.number(OsFamily.LINUX, "EBADF"), DescriptorCalls.EBADF);
        assertEquals(Errno.number(OsFamily.LINUX, "ENOTTY"), DescriptorCalls.ENOTTY);
        assertEquals(Errno.number(OsFamily.LINUX, "EBADFD"), DescriptorCalls.EBADFD);
    }
}
