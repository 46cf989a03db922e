package dev.tappers.linux.netlink;

/**
 * The rtnetlink numbers this package uses, each once, under the UAPI header that defines it.
 *
 * <p>The values were printed by a C program compiled against the Linux UAPI headers (shared/docs/PLATFORMS.md,
 * section 1.3) and are the same on every architecture: netlink numbers are plain enums and defines, and every
 * struct here holds only fixed-width fields. The struct sizes live with their layouts ({@link IfInfoMsg},
 * {@link IfAddrMsg}, {@link RtMsg}). {@code NetlinkConstantsTest} pins every value.
 *
 * <p>Byte order: netlink headers and integer attributes are in host order ({@code ByteOrder.nativeOrder()});
 * addresses inside attributes are in network order, exactly as {@code InetAddress.getAddress()} gives them.
 */
public final class NetlinkConstants {
    private NetlinkConstants() {
    }

    // <linux/socket.h> (the address families that appear in ifaddrmsg, rtmsg and ifinfomsg)
    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;

    // <linux/if.h>
    public static final int IFF_UP = 0x1;

    // <linux/netlink.h>: framing
    /** NLMSG_ALIGNTO: every message starts on a 4-byte boundary. */
    public static final int NLMSG_ALIGNTO = 4;
    /** NLMSG_HDRLEN = sizeof(struct nlmsghdr): u32 len, u16 type, u16 flags, u32 seq, u32 pid. */
    public static final int NLMSG_HDRLEN = 16;
    /** sizeof(struct nlmsgerr): int error, then the request's nlmsghdr. */
    public static final int NLMSGERR_SIZE = 20;
    /** NLA_ALIGNTO: every attribute starts on a 4-byte boundary. */
    public static final int NLA_ALIGNTO = 4;
    /** NLA_HDRLEN = sizeof(struct nlattr): u16 len (header + payload, without padding), u16 type. */
    public static final int NLA_HDRLEN = 4;
    public static final int NLA_F_NESTED = 0x8000;
    public static final int NLA_F_NET_BYTEORDER = 0x4000;
    /** NLA_TYPE_MASK: the attribute type without the two flag bits above. */
    public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xFFFF;

    // <linux/netlink.h>: nlmsg_flags
    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_MULTI = 0x2;
    public static final int NLM_F_ACK = 0x4;
    public static final int NLM_F_ECHO = 0x8;
    /** Set on dump parts when the table changed while it was being dumped: the result may be inconsistent. */
    public static final int NLM_F_DUMP_INTR = 0x10;
    public static final int NLM_F_ROOT = 0x100;
    public static final int NLM_F_MATCH = 0x200;
    public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int NLM_F_APPEND = 0x800;

    // <linux/netlink.h>: control message types
    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;

    // <linux/rtnetlink.h>: message types
    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_SETLINK = 19;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;
    public static final int RTM_NEWROUTE = 24;
    public static final int RTM_DELROUTE = 25;
    public static final int RTM_GETROUTE = 26;

    // <linux/rtnetlink.h>: rtattr framing (the same rules as nlattr)
    /** RTA_ALIGNTO. */
    public static final int RTA_ALIGNTO = 4;

    // <linux/rtnetlink.h>: rtmsg fields
    /** enum rt_class_t. Tables above 255 do not fit rtm_table and travel in RTA_TABLE. */
    public static final int RT_TABLE_UNSPEC = 0;
    public static final int RT_TABLE_MAIN = 254;
    public static final int RT_TABLE_LOCAL = 255;
    /** rtm_protocol: who made a route. KERNEL: the kernel, for an address's prefix; BOOT: `ip route`'s default. */
    public static final int RTPROT_KERNEL = 2;
    public static final int RTPROT_BOOT = 3;
    /** The protocol this library marks its routes with: installed by an administrator. */
    public static final int RTPROT_STATIC = 4;
    /** enum rt_scope_t. */
    public static final int RT_SCOPE_UNIVERSE = 0;
    public static final int RT_SCOPE_LINK = 253;
    public static final int RT_SCOPE_HOST = 254;
    /** In a delete request: match a route of any scope. */
    public static final int RT_SCOPE_NOWHERE = 255;
    /** enum: RTN_UNSPEC 0, RTN_UNICAST 1, RTN_LOCAL 2... */
    public static final int RTN_UNICAST = 1;
    public static final int RTN_LOCAL = 2;

    // <linux/rtnetlink.h>: enum rtattr_type_t
    public static final int RTA_DST = 1;
    public static final int RTA_SRC = 2;
    public static final int RTA_IIF = 3;
    public static final int RTA_OIF = 4;
    public static final int RTA_GATEWAY = 5;
    public static final int RTA_PRIORITY = 6;
    public static final int RTA_PREFSRC = 7;
    public static final int RTA_METRICS = 8;
    public static final int RTA_TABLE = 15;

    // <linux/if_link.h>: IFLA_* (link attributes)
    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_BROADCAST = 2;
    public static final int IFLA_IFNAME = 3;
    public static final int IFLA_MTU = 4;
    public static final int IFLA_LINK = 5;
    public static final int IFLA_LINKINFO = 18;
    public static final int IFLA_NET_NS_PID = 19;
    public static final int IFLA_NET_NS_FD = 28;
    /** s32: the id, in the reader's namespace, of the namespace of the link's other end (a vETH peer elsewhere). */
    public static final int IFLA_LINK_NETNSID = 37;

    // <linux/if_link.h>: IFLA_INFO_* (inside IFLA_LINKINFO)
    public static final int IFLA_INFO_KIND = 1;
    public static final int IFLA_INFO_DATA = 2;

    // <linux/veth.h>
    /** Inside IFLA_INFO_DATA of kind "veth": a struct ifinfomsg followed by the peer's IFLA_* attributes. */
    public static final int VETH_INFO_PEER = 1;

    // <linux/if_addr.h>: IFA_* (address attributes)
    public static final int IFA_ADDRESS = 1;
    public static final int IFA_LOCAL = 2;
    public static final int IFA_LABEL = 3;
    public static final int IFA_BROADCAST = 4;
    public static final int IFA_ANYCAST = 5;
    public static final int IFA_CACHEINFO = 6;
    public static final int IFA_MULTICAST = 7;
    /** u32 flags; supersedes the 8-bit ifa_flags, which cannot hold IFA_F_NOPREFIXROUTE and later bits. */
    public static final int IFA_FLAGS = 8;

    // <linux/if_addr.h>: address flags
    public static final int IFA_F_SECONDARY = 0x01;
    /** No duplicate address detection: the address is usable at once instead of "tentative" for ~1 s. */
    public static final int IFA_F_NODAD = 0x02;
    public static final int IFA_F_PERMANENT = 0x80;
    public static final int IFA_F_NOPREFIXROUTE = 0x200;

    /** The name of an rtnetlink or control message type, for messages: "RTM_NEWADDR", or "type 99". */
    public static String messageTypeName(int type) {
        switch (type) {
            case NLMSG_NOOP: return "NLMSG_NOOP";
            case NLMSG_ERROR: return "NLMSG_ERROR";
            case NLMSG_DONE: return "NLMSG_DONE";
            case NLMSG_OVERRUN: return "NLMSG_OVERRUN";
            case RTM_NEWLINK: return "RTM_NEWLINK";
            case RTM_DELLINK: return "RTM_DELLINK";
            case RTM_GETLINK: return "RTM_GETLINK";
            case RTM_SETLINK: return "RTM_SETLINK";
            case RTM_NEWADDR: return "RTM_NEWADDR";
            case RTM_DELADDR: return "RTM_DELADDR";
            case RTM_GETADDR: return "RTM_GETADDR";
            case RTM_NEWROUTE: return "RTM_NEWROUTE";
            case RTM_DELROUTE: return "RTM_DELROUTE";
            case RTM_GETROUTE: return "RTM_GETROUTE";
            default: return "type " + type;
        }
    }

    /** NLMSG_ALIGN / RTA_ALIGN / NLA_ALIGN: rounds a length up to the next multiple of 4. */
    static int align(int length) {
        return (length + NLMSG_ALIGNTO - 1) & ~(NLMSG_ALIGNTO - 1);
    }
}
