package dev.tappers.linux.netlink;

import org.junit.jupiter.api.Test;

import static dev.tappers.linux.netlink.NetlinkConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every value against shared/docs/PLATFORMS.md section 1.3 (compiled against the Linux UAPI headers). */
class NetlinkConstantsTest {

    @Test
    void framing_matches_linux_netlink_h() {
        assertEquals(4, NLMSG_ALIGNTO);
        assertEquals(4, NLA_ALIGNTO);
        assertEquals(4, RTA_ALIGNTO);
        assertEquals(16, NLMSG_HDRLEN);
        assertEquals(20, NLMSGERR_SIZE);
        assertEquals(4, NLA_HDRLEN);
        assertEquals(0x8000, NLA_F_NESTED);
        assertEquals(0x4000, NLA_F_NET_BYTEORDER);
        assertEquals(0x3FFF, NLA_TYPE_MASK);
    }

    @Test
    void message_flags_match_linux_netlink_h() {
        assertEquals(0x1, NLM_F_REQUEST);
        assertEquals(0x2, NLM_F_MULTI);
        assertEquals(0x4, NLM_F_ACK);
        assertEquals(0x8, NLM_F_ECHO);
        assertEquals(0x10, NLM_F_DUMP_INTR);
        assertEquals(0x100, NLM_F_ROOT);
        assertEquals(0x200, NLM_F_MATCH);
        assertEquals(0x300, NLM_F_DUMP);
        assertEquals(0x100, NLM_F_REPLACE);
        assertEquals(0x200, NLM_F_EXCL);
        assertEquals(0x400, NLM_F_CREATE);
        assertEquals(0x800, NLM_F_APPEND);
        // The two combinations PLATFORMS.md spells out.
        assertEquals(0x605, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
        assertEquals(0x301, NLM_F_REQUEST | NLM_F_DUMP);
    }

    @Test
    void control_and_rtnetlink_message_types() {
        assertEquals(1, NLMSG_NOOP);
        assertEquals(2, NLMSG_ERROR);
        assertEquals(3, NLMSG_DONE);
        assertEquals(4, NLMSG_OVERRUN);
        assertEquals(16, RTM_NEWLINK);
        assertEquals(17, RTM_DELLINK);
        assertEquals(18, RTM_GETLINK);
        assertEquals(19, RTM_SETLINK);
        assertEquals(20, RTM_NEWADDR);
        assertEquals(21, RTM_DELADDR);
        assertEquals(22, RTM_GETADDR);
        assertEquals(24, RTM_NEWROUTE);
        assertEquals(25, RTM_DELROUTE);
        assertEquals(26, RTM_GETROUTE);
        assertEquals("RTM_NEWADDR", messageTypeName(RTM_NEWADDR));
        assertEquals("type 99", messageTypeName(99));
    }

    @Test
    void struct_sizes() {
        assertEquals(16, IfInfoMsg.SIZE);
        assertEquals(8, IfAddrMsg.SIZE);
        assertEquals(12, RtMsg.SIZE);
    }

    @Test
    void families_and_interface_flags() {
        assertEquals(0, AF_UNSPEC);
        assertEquals(2, AF_INET);
        assertEquals(10, AF_INET6);
        assertEquals(0x1, IFF_UP);
    }

    @Test
    void link_attributes_match_if_link_h_and_veth_h() {
        assertEquals(1, IFLA_ADDRESS);
        assertEquals(2, IFLA_BROADCAST);
        assertEquals(3, IFLA_IFNAME);
        assertEquals(4, IFLA_MTU);
        assertEquals(5, IFLA_LINK);
        assertEquals(18, IFLA_LINKINFO);
        assertEquals(19, IFLA_NET_NS_PID);
        assertEquals(28, IFLA_NET_NS_FD);
        assertEquals(37, IFLA_LINK_NETNSID);
        assertEquals(1, IFLA_INFO_KIND);
        assertEquals(2, IFLA_INFO_DATA);
        assertEquals(1, VETH_INFO_PEER);
    }

    @Test
    void address_attributes_and_flags_match_if_addr_h() {
        assertEquals(1, IFA_ADDRESS);
        assertEquals(2, IFA_LOCAL);
        assertEquals(3, IFA_LABEL);
        assertEquals(4, IFA_BROADCAST);
        assertEquals(5, IFA_ANYCAST);
        assertEquals(6, IFA_CACHEINFO);
        assertEquals(7, IFA_MULTICAST);
        assertEquals(8, IFA_FLAGS);
        assertEquals(0x01, IFA_F_SECONDARY);
        assertEquals(0x02, IFA_F_NODAD);
        assertEquals(0x80, IFA_F_PERMANENT);
        assertEquals(0x200, IFA_F_NOPREFIXROUTE);
    }

    @Test
    void route_values_match_rtnetlink_h() {
        assertEquals(0, RT_TABLE_UNSPEC);
        assertEquals(254, RT_TABLE_MAIN);
        assertEquals(255, RT_TABLE_LOCAL);
        assertEquals(3, RTPROT_BOOT);
        assertEquals(4, RTPROT_STATIC);
        assertEquals(0, RT_SCOPE_UNIVERSE);
        assertEquals(253, RT_SCOPE_LINK);
        assertEquals(254, RT_SCOPE_HOST);
        assertEquals(255, RT_SCOPE_NOWHERE);
        assertEquals(1, RTN_UNICAST);
        assertEquals(2, RTN_LOCAL);
        assertEquals(1, RTA_DST);
        assertEquals(2, RTA_SRC);
        assertEquals(3, RTA_IIF);
        assertEquals(4, RTA_OIF);
        assertEquals(5, RTA_GATEWAY);
        assertEquals(6, RTA_PRIORITY);
        assertEquals(7, RTA_PREFSRC);
        assertEquals(8, RTA_METRICS);
        assertEquals(15, RTA_TABLE);
    }

    @Test
    void align_rounds_up_to_four() {
        assertEquals(0, align(0));
        assertEquals(4, align(1));
        assertEquals(8, align(5));
        assertEquals(12, align(10));
        assertEquals(20, align(20));
    }
}
