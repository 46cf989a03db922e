package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * What adopting a descriptor opened elsewhere needs: which interface it is attached to (TUNGETIFF), its file
 * status flags (O_NONBLOCK) and a duplicate of it. Plain Java types in and out.
 */
public final class DescriptorCalls {
    private DescriptorCalls() {
    }

    // <asm-generic/fcntl.h>, <linux/fcntl.h>
    public static final int F_GETFD = 1;
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    /** F_LINUX_SPECIFIC_BASE (1024) + 6: a dup that sets close-on-exec on the copy, which plain dup(2) clears. */
    public static final int F_DUPFD_CLOEXEC = 1030;

    // <asm-generic/errno-base.h>, <asm-generic/errno.h>: what TUNGETIFF answers for a descriptor that is no TUN
    public static final int EBADF = 9;
    public static final int ENOTTY = 25;
    /** /dev/net/tun opened but never attached to an interface (no TUNSETIFF). */
    public static final int EBADFD = 77;


    /** fcntl is variadic, which direct mapping does not support; it is only on setup paths. */
    interface Fcntl extends Library {
        Fcntl INSTANCE = Native.load("c", Fcntl.class);

        int fcntl(int fd, int cmd, Object... arg) throws LastErrorException;
    }

    /**
     * The interface a TUN/TAP descriptor is attached to, as TUNGETIFF reports it.
     *
     * @param name  the interface name
     * @param flags the TUN flags: IFF_TUN or IFF_TAP, IFF_NO_PI, IFF_VNET_HDR, IFF_PERSIST...
     */
    public record TunAttachment(String name, short flags) {
        public boolean has(short flag) {
            return (flags & flag) != 0;
        }
    }

    /** TUNGETIFF: the name and TUN flags of the interface {@code fd} is attached to. */
    public static TunAttachment tunAttachment(int fd) throws SyscallException {
        try (Memory ifr = new Memory(IFREQ_SIZE)) {
            ifr.clear();
            while (true) {
                try {
                    LibC.Ioctl.INSTANCE.ioctl(fd, new NativeLong(TUNGETIFF), ifr);
                    break;
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != EINTR) {
                        throw new SyscallException("ioctl(TUNGETIFF)", e.getErrorCode());
                    }
                }
            }
            byte[] raw = ifr.getByteArray(0, IFNAMSIZ);
            int length = 0;
            while (length < raw.length && raw[length] != 0) {
                length++;
            }
            return new TunAttachment(new String(raw, 0, length, StandardCharsets.UTF_8), ifr.getShort(IFREQ_UNION_OFFSET));
        }
    }

    /**
     * A close-on-exec descriptor of the network namespace the interface behind {@code fd} lives in, or -1 when
     * the kernel will not say: older than 5.2 (EINVAL/ENOTTY), or the caller lacks CAP_NET_ADMIN there (EPERM).
     */
    public static int deviceNamespace(int fd) {
        try {
            return LibC.Ioctl.INSTANCE.ioctl(fd, new NativeLong(LinuxConstants.TUNGETDEVNETNS), Pointer.NULL);
        } catch (LastErrorException e) {
            return -1;
        }
    }

    /** fcntl(F_GETFD): whether {@code fd} is an open descriptor of this process. */
    public static boolean isOpen(int fd) {
        try {
            Fcntl.INSTANCE.fcntl(fd, F_GETFD);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    /** fcntl(F_GETFL): the file status flags (O_NONBLOCK...), which belong to the open file and so to every dup. */
    public static int statusFlags(int fd) throws SyscallException {
        try {
            return Fcntl.INSTANCE.fcntl(fd, F_GETFL);
        } catch (LastErrorException e) {
            throw new SyscallException("fcntl(F_GETFL)", e.getErrorCode());
        }
    }

    /** fcntl(F_SETFL). */
    public static void setStatusFlags(int fd, int flags) throws SyscallException {
        try {
            Fcntl.INSTANCE.fcntl(fd, F_SETFL, flags);
        } catch (LastErrorException e) {
            throw new SyscallException("fcntl(F_SETFL)", e.getErrorCode());
        }
    }

    /** fcntl(F_DUPFD_CLOEXEC): a second descriptor for the same open file, close-on-exec. */
    public static int duplicate(int fd) throws SyscallException {
        try {
            return Fcntl.INSTANCE.fcntl(fd, F_DUPFD_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new SyscallException("fcntl(F_DUPFD_CLOEXEC)", e.getErrorCode());
        }
    }
}
