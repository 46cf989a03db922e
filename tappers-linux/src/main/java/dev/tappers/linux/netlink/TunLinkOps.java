package dev.tappers.linux.netlink;

import java.io.IOException;
import java.util.Optional;

import static dev.tappers.linux.netlink.NetlinkConstants.IFLA_INFO_DATA;
import static dev.tappers.linux.netlink.NetlinkConstants.IFLA_INFO_KIND;
import static dev.tappers.linux.netlink.NetlinkConstants.IFLA_LINKINFO;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_NEWLINK;

/**
 * What rtnetlink tells about a TUN/TAP device that TUNGETIFF cannot: whether its packets carry the 4-byte
 * packet information header. TUNGETIFF reports IFF_NOFILTER ("no socket filter attached") in the same bit as
 * IFF_NO_PI (both 0x1000 in {@code <linux/if_tun.h>}), so on a descriptor without a filter it reads as "no packet
 * information" whatever the truth. The link's IFLA_INFO_DATA, which {@code tun_fill_info} has filled since
 * Linux 4.15, says it plainly; reading it needs no privilege.
 */
public final class TunLinkOps {
    /** IFLA_INFO_KIND of a TUN or TAP link. */
    static final String TUN_KIND = "tun";

    // <linux/if_link.h>: enum { IFLA_TUN_UNSPEC, IFLA_TUN_OWNER, IFLA_TUN_GROUP, IFLA_TUN_TYPE, IFLA_TUN_PI, ... }
    /** u8: 1 when packets carry packet information (IFF_NO_PI was not set). */
    public static final int IFLA_TUN_PI = 4;

    private TunLinkOps() {
    }

    /**
     * Whether the TUN/TAP link {@code ifindex} carries packet information; empty when the kernel does not say
     * (before Linux 4.15, or a link that is no TUN/TAP).
     */
    public static Optional<Boolean> packetInformation(NetlinkTransport transport, int ifindex) throws IOException {
        for (NetlinkMessage m : Rtnetlink.request(transport, LinkOps.encodeGet(ifindex))) {
            if (m.type() == RTM_NEWLINK) {
                return packetInformation(m);
            }
        }
        return Optional.empty();
    }

    /** Reads IFLA_LINKINFO{IFLA_INFO_KIND "tun", IFLA_INFO_DATA{IFLA_TUN_PI u8}} from an RTM_NEWLINK. */
    static Optional<Boolean> packetInformation(NetlinkMessage m) throws MalformedNetlinkException {
        NetlinkAttributes attrs = m.attributes(IfInfoMsg.SIZE);
        Optional<NetlinkAttribute> linkInfo = attrs.find(IFLA_LINKINFO);
        if (linkInfo.isEmpty()) {
            return Optional.empty();
        }
        NetlinkAttributes info = linkInfo.get().nested();
        if (!info.find(IFLA_INFO_KIND).map(NetlinkAttribute::string).map(TUN_KIND::equals).orElse(false)) {
            return Optional.empty();
        }
        Optional<NetlinkAttribute> data = info.find(IFLA_INFO_DATA);
        if (data.isEmpty()) {
            return Optional.empty();
        }
        Optional<NetlinkAttribute> pi = data.get().nested().find(IFLA_TUN_PI);
        return pi.isPresent() ? Optional.of(pi.get().u8() != 0) : Optional.empty();
    }
}
