package dev.tappers.linux.jna;

/**
 * Linux ABI numbers used by this provider, each once, with the header it comes from. The values for x86_64 and
 * the other "generic _IOC" architectures (arm, arm64, riscv, s390) were printed by a C program compiled against
 * the Linux UAPI headers (see shared/docs/PLATFORMS.md, section 1); {@code LinuxConstantsTest} pins them.
 */
public final class LinuxConstants {
    private LinuxConstants() {
    }

    // <asm-generic/fcntl.h>
    public static final int O_RDWR = 0x2;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CLOEXEC = 0x80000;

    // <asm-generic/errno-base.h>, <asm-generic/errno.h>
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int ENXIO = 6;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int EADDRNOTAVAIL = 99;

    // <linux/if_tun.h>: TUNSETIFF flags
    public static final short IFF_TUN = 0x0001;
    public static final short IFF_TAP = 0x0002;
    public static final short IFF_NO_PI = 0x1000;
    public static final short IFF_TUN_EXCL = (short) 0x8000;
    public static final short IFF_PERSIST = 0x0800;
    /** Each packet is preceded by a struct virtio_net_hdr (offload: see dev.tappers.linux.offload). */
    public static final short IFF_VNET_HDR = 0x4000;

    // <linux/if_tun.h>: _IOW('T', n, int) / _IOR('T', n, unsigned int) with the generic _IOC layout
    public static final long TUNSETIFF = 0x400454CAL;
    public static final long TUNSETPERSIST = 0x400454CBL;
    public static final long TUNGETIFF = 0x800454D2L;
    /** _IO('T', 227), Linux 5.2+: a new descriptor of the device's network namespace. */
    public static final long TUNGETDEVNETNS = 0x000054E3L;

    // <linux/sockios.h>: fixed numbers, no size encoded, the same on every architecture
    public static final long SIOCGIFNAME = 0x8910;
    public static final long SIOCGIFFLAGS = 0x8913;
    public static final long SIOCSIFFLAGS = 0x8914;
    public static final long SIOCGIFMTU = 0x8921;
    public static final long SIOCSIFMTU = 0x8922;
    public static final long SIOCSIFHWADDR = 0x8924;
    public static final long SIOCGIFHWADDR = 0x8927;
    public static final long SIOCGIFINDEX = 0x8933;

    // <linux/if.h>
    public static final int IFNAMSIZ = 16;
    /** IFF_UP lives in {@link dev.tappers.linux.netlink.NetlinkConstants}, with the other link flags netlink uses. */
    public static final int IFF_UP = dev.tappers.linux.netlink.NetlinkConstants.IFF_UP;

    /** sizeof(struct ifreq) on LP64 (<linux/if.h>): a 16-byte name and a 24-byte union. */
    public static final int IFREQ_SIZE = 40;
    /** Offset of the union (ifr_flags, ifr_mtu, ifr_ifindex, ifr_hwaddr) in struct ifreq. */
    public static final int IFREQ_UNION_OFFSET = 16;

    // <linux/if_arp.h>
    public static final short ARPHRD_ETHER = 1;

    // <bits/socket.h>, <linux/netlink.h>
    public static final int AF_INET = dev.tappers.linux.netlink.NetlinkConstants.AF_INET;
    public static final int AF_NETLINK = 16;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = O_CLOEXEC;
    public static final int NETLINK_ROUTE = 0;
    /** sizeof(struct sockaddr_nl): u16 family, u16 pad, u32 pid, u32 groups. */
    public static final int SOCKADDR_NL_SIZE = 12;
    public static final int SOL_SOCKET = 1;
    public static final int SO_RCVTIMEO = 20;
    public static final int MSG_TRUNC = 0x20;

    // <sys/eventfd.h>
    public static final int EFD_NONBLOCK = O_NONBLOCK;
    public static final int EFD_CLOEXEC = O_CLOEXEC;

    // <linux/eventpoll.h>
    public static final int EPOLL_CLOEXEC = O_CLOEXEC;
    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLL_CTL_DEL = 2;
    public static final int EPOLL_CTL_MOD = 3;
    public static final int EPOLLIN = 0x001;
    public static final int EPOLLOUT = 0x004;
    public static final int EPOLLERR = 0x008;
    public static final int EPOLLHUP = 0x010;
    /** Report once, then disable the entry until EPOLL_CTL_MOD re-arms it. */
    public static final int EPOLLONESHOT = 1 << 30;
    /**
     * sizeof(struct epoll_event): {@code __u32 events; __u64 data}. The header declares it {@code EPOLL_PACKED}
     * (packed) on x86_64 only, so there it is 12 bytes with data at offset 4; elsewhere 16, with data at 8.
     */
    public static final int EPOLL_EVENT_SIZE_X86_64 = 12;
    public static final int EPOLL_EVENT_SIZE_OTHER = 16;

    // <asm-generic/poll.h>
    public static final short POLLIN = 0x1;
    public static final short POLLOUT = 0x4;
    public static final short POLLERR = 0x8;
    public static final short POLLHUP = 0x10;
    public static final short POLLNVAL = 0x20;
    /** sizeof(struct pollfd): int fd, short events, short revents. */
    public static final int POLLFD_SIZE = 8;
    /** sizeof(struct iovec) on LP64: void *base, size_t len. */
    public static final int IOVEC_SIZE = 16;

    // ---- routes, multi-queue, ownership, link settings and enumeration (issue 3) ----------------------------

    // <asm-generic/errno-base.h>, <asm-generic/errno.h>: what route and queue requests answer
    /** RTM_DELROUTE of a route that does not exist. */
    public static final int ESRCH = 3;
    /** A route through an interface that is down. */
    public static final int ENETDOWN = 100;
    /** A route whose gateway no route of the interface reaches. */
    public static final int ENETUNREACH = 101;

    // <linux/if_tun.h>: _IOW('T', 204 / 206 / 217, int) with the generic _IOC layout (PLATFORMS.md, section 1.1)
    /** Takes the uid itself as the argument, not a pointer to it. */
    public static final long TUNSETOWNER = 0x400454CCL;
    /** Takes the gid itself as the argument, not a pointer to it. */
    public static final long TUNSETGROUP = 0x400454CEL;
    /** Takes a struct ifreq whose ifr_flags hold IFF_ATTACH_QUEUE or IFF_DETACH_QUEUE. */
    public static final long TUNSETQUEUE = 0x400454D9L;

    // <linux/if_tun.h>: TUNSETIFF / TUNSETQUEUE flags (PLATFORMS.md, section 1.1)
    public static final short IFF_MULTI_QUEUE = 0x0100;
    public static final short IFF_ATTACH_QUEUE = 0x0200;
    public static final short IFF_DETACH_QUEUE = 0x0400;
    /**
     * MAX_TAP_QUEUES in drivers/net/tun.c: the queues a multi-queue device is allocated with, and so the most
     * descriptors that can attach to it (one more gives E2BIG). Not in a UAPI header: the kernel source is the only
     * place it is written.
     */
    public static final int MAX_TAP_QUEUES = 256;

    // <linux/sockios.h>: fixed numbers, no size encoded (SIOCGIFTXQLEN is missing from PLATFORMS.md 1.2; it is
    // 0x8942 in the header, the number before SIOCSIFTXQLEN); both use ifr_qlen, an int at the union's offset
    public static final long SIOCGIFTXQLEN = 0x8942;
    public static final long SIOCSIFTXQLEN = 0x8943;

    // <linux/if.h>: enum net_device_flags, in ifr_flags (PLATFORMS.md, section 0, for NOARP and MULTICAST)
    public static final int IFF_NOARP = 0x80;
    public static final int IFF_PROMISC = 0x100;
    public static final int IFF_MULTICAST = 0x1000;

    // <linux/if_arp.h>: ifi_type of the links that interface enumeration tells apart
    /** lo. */
    public static final int ARPHRD_LOOPBACK = 772;
    /** A TUN: no link-layer header. */
    public static final int ARPHRD_NONE = 0xFFFE;

    // ---- network namespaces and packet sockets (vETH, frame sockets, namespaces) ----------------------------
    // Values printed by a C program compiled against the installed glibc and Linux UAPI headers (x86_64);
    // NamespaceConstantsTest pins them.

    // <linux/sched.h>: unshare(2)/setns(2) flag for the network namespace
    public static final int CLONE_NEWNET = 0x40000000;
    // <linux/mount.h> (<sys/mount.h>): mount(2) flag for a bind mount
    public static final long MS_BIND = 4096;
    // <sys/mount.h>: umount2(2) flag, lazy unmount (detach now, release when no longer busy)
    public static final int MNT_DETACH = 2;
    // <asm-generic/errno-base.h>, <asm-generic/errno.h>
    /** What RTM_NEWLINK answers for a link kind the kernel has no driver for. */
    public static final int EOPNOTSUPP = 95;

    // <bits/socket.h>: packet sockets
    public static final int AF_PACKET = 17;
    // <bits/socket_type.h>: SOCK_NONBLOCK is O_NONBLOCK
    public static final int SOCK_NONBLOCK = O_NONBLOCK;
    // <linux/if_ether.h>: every protocol; goes into sockaddr_ll in network byte order
    public static final int ETH_P_ALL = 0x0003;
    /** sizeof(struct sockaddr_ll) (<linux/if_packet.h>): u16 family, be16 protocol, i32 ifindex, u16 hatype, u8 pkttype, u8 halen, u8 addr[8]. */
    public static final int SOCKADDR_LL_SIZE = 20;
    public static final int SOCKADDR_LL_PROTOCOL_OFFSET = 2;
    public static final int SOCKADDR_LL_IFINDEX_OFFSET = 4;
}
