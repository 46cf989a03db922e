package dev.tappers.linux.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * Configuration system calls with plain Java types in and out: the rest of the provider never sees JNA.
 *
 * <p>Interface ioctls go through a datagram socket opened for the call and closed after it. A socket acts in
 * the network namespace of the thread that opened it, so a cached process-wide socket would configure the wrong
 * namespace for a thread that has since moved.
 */
public final class Syscalls {
    private Syscalls() {
    }

    /**
     * Opens {@code /dev/net/tun} close-on-exec and nonblocking (blocking waits happen in poll, so close can wake
     * them), never through a symlink and only if it is the TUN/TAP character device ({@link TunControlDevice}).
     */
    public static int openTunControl() throws SyscallException {
        return TunControlDevice.open();
    }

    /**
     * TUNSETIFF: attaches {@code fd} to the interface {@code name} (a template such as {@code tun%d} lets the
     * kernel pick), creating it if needed. Returns the name the kernel used.
     */
    public static String tunSetIff(int fd, String name, short flags) throws SyscallException {
        try (Memory ifr = ifreq(name)) {
            ifr.setShort(IFREQ_UNION_OFFSET, flags);
            ioctl(fd, TUNSETIFF, ifr, "ioctl(TUNSETIFF)");
            return nameOf(ifr);
        }
    }

    /** TUNGETIFF: the TUN flags of the interface {@code fd} is attached to (IFF_TUN/IFF_TAP/IFF_PERSIST...). */
    public static short tunFlags(int fd) throws SyscallException {
        try (Memory ifr = ifreq("")) {
            ioctl(fd, TUNGETIFF, ifr, "ioctl(TUNGETIFF)");
            return ifr.getShort(IFREQ_UNION_OFFSET);
        }
    }

    /** TUNSETPERSIST: whether the interface outlives its last descriptor. */
    public static void tunSetPersist(int fd, boolean persist) throws SyscallException {
        try {
            LibC.Ioctl.INSTANCE.ioctl(fd, new NativeLong(TUNSETPERSIST), new Pointer(persist ? 1 : 0));
        } catch (LastErrorException e) {
            throw new SyscallException("ioctl(TUNSETPERSIST)", e.getErrorCode());
        }
    }

    /**
     * TUNSETOFFLOAD: the offloads ({@code TUN_F_*} bits) the reader of a {@code IFF_VNET_HDR} device accepts.
     * EINVAL when the kernel does not know a bit (USO before Linux 6.2).
     */
    public static void tunSetOffload(int fd, int mask) throws SyscallException {
        try {
            LibC.Ioctl.INSTANCE.ioctl(fd, new NativeLong(dev.tappers.linux.offload.TunOffloadAbi.TUNSETOFFLOAD),
                    new Pointer(mask & 0xFFFF_FFFFL));
        } catch (LastErrorException e) {
            throw new SyscallException("ioctl(TUNSETOFFLOAD)", e.getErrorCode());
        }
    }

    /**
     * TUNSETVNETLE: the virtio-net header in little-endian order, as on little-endian hosts by default. Needed on
     * big-endian hosts only; a kernel without it (before 4.1, or without CONFIG_TUN_VNET_CROSS_LE) answers EINVAL,
     * and then offload cannot be used there.
     */
    public static void tunSetVnetLittleEndian(int fd) throws SyscallException {
        try (Memory one = new Memory(4)) {
            one.setInt(0, 1);
            ioctl(fd, dev.tappers.linux.offload.TunOffloadAbi.TUNSETVNETLE, one, "ioctl(TUNSETVNETLE)");
        }
    }

    /** SIOCGIFINDEX. */
    public static int interfaceIndex(String name) throws SyscallException {
        return getInt(name, SIOCGIFINDEX, "ioctl(SIOCGIFINDEX)");
    }

    /** SIOCGIFNAME: the name the kernel has now for the interface with this index. */
    public static String interfaceName(int index) throws SyscallException {
        int sock = configSocket();
        try (Memory ifr = ifreq("")) {
            ifr.setInt(IFREQ_UNION_OFFSET, index);
            ioctl(sock, SIOCGIFNAME, ifr, "ioctl(SIOCGIFNAME)");
            return nameOf(ifr);
        } finally {
            closeQuietly(sock);
        }
    }

    /** SIOCGIFFLAGS: the interface flags (IFF_UP, IFF_RUNNING...), not the TUN flags. */
    public static int interfaceFlags(String name) throws SyscallException {
        return getShort(name, SIOCGIFFLAGS, "ioctl(SIOCGIFFLAGS)") & 0xFFFF;
    }

    /** Sets or clears {@code mask} in the interface flags, leaving the other flags as the kernel has them. */
    public static void changeInterfaceFlags(String name, int mask, boolean set) throws SyscallException {
        int sock = configSocket();
        try (Memory ifr = ifreq(name)) {
            ioctl(sock, SIOCGIFFLAGS, ifr, "ioctl(SIOCGIFFLAGS)");
            int flags = ifr.getShort(IFREQ_UNION_OFFSET) & 0xFFFF;
            int wanted = set ? flags | mask : flags & ~mask;
            if (wanted != flags) {
                ifr.setShort(IFREQ_UNION_OFFSET, (short) wanted);
                ioctl(sock, SIOCSIFFLAGS, ifr, "ioctl(SIOCSIFFLAGS)");
            }
        } finally {
            closeQuietly(sock);
        }
    }

    /** SIOCGIFMTU. */
    public static int mtu(String name) throws SyscallException {
        return getInt(name, SIOCGIFMTU, "ioctl(SIOCGIFMTU)");
    }

    /** SIOCSIFMTU. */
    public static void setMtu(String name, int mtu) throws SyscallException {
        setInt(name, SIOCSIFMTU, mtu, "ioctl(SIOCSIFMTU)");
    }

    /** SIOCGIFHWADDR: the six bytes of an Ethernet address (sa_data of the sockaddr in the union). */
    public static byte[] hardwareAddress(String name) throws SyscallException {
        int sock = configSocket();
        try (Memory ifr = ifreq(name)) {
            ioctl(sock, SIOCGIFHWADDR, ifr, "ioctl(SIOCGIFHWADDR)");
            return ifr.getByteArray(IFREQ_UNION_OFFSET + 2, 6);
        } finally {
            closeQuietly(sock);
        }
    }

    /** SIOCSIFHWADDR with sa_family ARPHRD_ETHER. */
    public static void setHardwareAddress(String name, byte[] mac) throws SyscallException {
        int sock = configSocket();
        try (Memory ifr = ifreq(name)) {
            ifr.setShort(IFREQ_UNION_OFFSET, ARPHRD_ETHER);
            ifr.write(IFREQ_UNION_OFFSET + 2, mac, 0, mac.length);
            ioctl(sock, SIOCSIFHWADDR, ifr, "ioctl(SIOCSIFHWADDR)");
        } finally {
            closeQuietly(sock);
        }
    }

    /** The C library's message for an errno, such as "Operation not permitted". */
    public static String strerror(int errno) {
        Pointer p = LibC.strerror(errno);
        return p == null ? "" : p.getString(0);
    }

    /** close(2), retrying nothing: Linux releases the descriptor even when close reports EINTR. */
    public static void close(int fd) throws SyscallException {
        try {
            LibC.close(fd);
        } catch (LastErrorException e) {
            throw new SyscallException("close", e.getErrorCode());
        }
    }

    /** close(2) for cleanup paths, where a failure has nothing left to report to. */
    public static void closeQuietly(int fd) {
        try {
            LibC.close(fd);
        } catch (LastErrorException ignored) {
            // Nothing useful to do: the descriptor is released either way on Linux.
        }
    }

    private static int getInt(String name, long request, String what) throws SyscallException {
        int sock = configSocket();
        try (Memory ifr = ifreq(name)) {
            ioctl(sock, request, ifr, what);
            return ifr.getInt(IFREQ_UNION_OFFSET);
        } finally {
            closeQuietly(sock);
        }
    }

    /** An ifreq request that writes an int of the union (ifr_mtu, ifr_qlen). */
    private static void setInt(String name, long request, int value, String what) throws SyscallException {
        int sock = configSocket();
        try (Memory ifr = ifreq(name)) {
            ifr.setInt(IFREQ_UNION_OFFSET, value);
            ioctl(sock, request, ifr, what);
        } finally {
            closeQuietly(sock);
        }
    }

    private static short getShort(String name, long request, String what) throws SyscallException {
        int sock = configSocket();
        try (Memory ifr = ifreq(name)) {
            ioctl(sock, request, ifr, what);
            return ifr.getShort(IFREQ_UNION_OFFSET);
        } finally {
            closeQuietly(sock);
        }
    }

    private static int configSocket() throws SyscallException {
        try {
            return LibC.socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new SyscallException("socket(AF_INET, SOCK_DGRAM)", e.getErrorCode());
        }
    }

    private static void ioctl(int fd, long request, Memory ifr, String what) throws SyscallException {
        while (true) {
            try {
                LibC.Ioctl.INSTANCE.ioctl(fd, new NativeLong(request), ifr);
                return;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw new SyscallException(what, e.getErrorCode());
                }
            }
        }
    }

    /** A zeroed struct ifreq holding {@code name}; callers check the name's length before this. */
    private static Memory ifreq(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= IFNAMSIZ) {
            throw new IllegalArgumentException("interface name \"" + name + "\" does not fit IFNAMSIZ " + IFNAMSIZ);
        }
        Memory ifr = new Memory(IFREQ_SIZE);
        ifr.clear();
        ifr.write(0, bytes, 0, bytes.length);
        return ifr;
    }

    private static String nameOf(Memory ifr) {
        byte[] raw = ifr.getByteArray(0, IFNAMSIZ);
        int len = 0;
        while (len < raw.length && raw[len] != 0) {
            len++;
        }
        return new String(raw, 0, len, StandardCharsets.UTF_8);
    }

    // ---- multi-queue, ownership and link settings (issue 3) -------------------------------------------------

    /** TUNSETQUEUE: {@code flags} is IFF_ATTACH_QUEUE or IFF_DETACH_QUEUE, for the queue {@code fd} is. */
    public static void tunSetQueue(int fd, short flags) throws SyscallException {
        try (Memory ifr = ifreq("")) {
            ifr.setShort(IFREQ_UNION_OFFSET, flags);
            ioctl(fd, TUNSETQUEUE, ifr, "ioctl(TUNSETQUEUE)");
        }
    }

    /** TUNSETOWNER: only {@code uid} (or a holder of CAP_NET_ADMIN) may attach to the device from now on. */
    public static void tunSetOwner(int fd, int uid) throws SyscallException {
        ioctlWithValue(fd, TUNSETOWNER, Integer.toUnsignedLong(uid), "ioctl(TUNSETOWNER)");
    }

    /** TUNSETGROUP: only members of {@code gid} (or holders of CAP_NET_ADMIN) may attach from now on. */
    public static void tunSetGroup(int fd, int gid) throws SyscallException {
        ioctlWithValue(fd, TUNSETGROUP, Integer.toUnsignedLong(gid), "ioctl(TUNSETGROUP)");
    }

    /** SIOCGIFTXQLEN: the transmit queue length in packets (ifr_qlen). */
    public static int txQueueLength(String name) throws SyscallException {
        return getInt(name, SIOCGIFTXQLEN, "ioctl(SIOCGIFTXQLEN)");
    }

    /** SIOCSIFTXQLEN. */
    public static void setTxQueueLength(String name, int packets) throws SyscallException {
        setInt(name, SIOCSIFTXQLEN, packets, "ioctl(SIOCSIFTXQLEN)");
    }

    /** An ioctl whose argument is a number passed in the pointer's place (tun.c reads {@code arg} itself). */
    private static void ioctlWithValue(int fd, long request, long value, String what) throws SyscallException {
        while (true) {
            try {
                LibC.Ioctl.INSTANCE.ioctl(fd, new NativeLong(request), new Pointer(value));
                return;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw new SyscallException(what, e.getErrorCode());
                }
            }
        }
    }
}
