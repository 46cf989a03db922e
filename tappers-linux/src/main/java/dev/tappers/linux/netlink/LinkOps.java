package dev.tappers.linux.netlink;

import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.tappers.linux.netlink.AddressOps.checkIfindex;
import static dev.tappers.linux.netlink.NetlinkConstants.IFF_UP;
import static dev.tappers.linux.netlink.NetlinkConstants.IFLA_ADDRESS;
import static dev.tappers.linux.netlink.NetlinkConstants.IFLA_IFNAME;
import static dev.tappers.linux.netlink.NetlinkConstants.IFLA_INFO_DATA;
import static dev.tappers.linux.netlink.NetlinkConstants.IFLA_INFO_KIND;
import static dev.tappers.linux.netlink.NetlinkConstants.IFLA_LINK;
import static dev.tappers.linux.netlink.NetlinkConstants.IFLA_LINKINFO;
import static dev.tappers.linux.netlink.NetlinkConstants.IFLA_LINK_NETNSID;
import static dev.tappers.linux.netlink.NetlinkConstants.IFLA_MTU;
import static dev.tappers.linux.netlink.NetlinkConstants.IFLA_NET_NS_FD;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_ACK;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_CREATE;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_DUMP;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_EXCL;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_REQUEST;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_DELLINK;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_GETLINK;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_NEWLINK;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_SETLINK;
import static dev.tappers.linux.netlink.NetlinkConstants.VETH_INFO_PEER;

/**
 * Links over rtnetlink: state, MTU, name, MAC, network namespace, deletion, veth pairs, and reading one link or
 * all of them. Changes go out as RTM_SETLINK with REQUEST|ACK naming the link by index; errors come back as
 * {@link NetlinkErrorException} (ENODEV 19 for a missing link, EEXIST 17 for a taken name, EBUSY 16 when renaming
 * a link that is up).
 */
public final class LinkOps {
    private static final String VETH_KIND = "veth";

    private LinkOps() {
    }

    /** Sets or clears IFF_UP, leaving every other flag alone (ifi_change = IFF_UP). */
    public static void setUp(NetlinkTransport transport, int ifindex, boolean up) throws IOException {
        Rtnetlink.request(transport, encodeSetUp(ifindex, up));
    }

    public static void setMtu(NetlinkTransport transport, int ifindex, int mtu) throws IOException {
        Rtnetlink.request(transport, encodeSetMtu(ifindex, mtu));
    }

    /** Renames a link; the kernel refuses (EBUSY) while the link is up. */
    public static void rename(NetlinkTransport transport, int ifindex, InterfaceName name) throws IOException {
        Rtnetlink.request(transport, encodeRename(ifindex, name));
    }

    /** Sets the Ethernet address (TAP, veth). */
    public static void setMac(NetlinkTransport transport, int ifindex, MacAddress mac) throws IOException {
        Rtnetlink.request(transport, encodeSetMac(ifindex, mac));
    }

    /**
     * Moves a link into the network namespace that {@code namespaceFd} (an open fd of {@code /proc/PID/ns/net}
     * or {@code /run/netns/NAME}) refers to. Its index may change there.
     */
    public static void moveToNamespace(NetlinkTransport transport, int ifindex, int namespaceFd) throws IOException {
        Rtnetlink.request(transport, encodeMoveToNamespace(ifindex, namespaceFd));
    }

    /** Deletes a link; deleting either end of a veth pair deletes both. */
    public static void delete(NetlinkTransport transport, int ifindex) throws IOException {
        Rtnetlink.request(transport, encodeDelete(ifindex));
    }

    /** Creates a veth pair; fails with EEXIST (17) when a name is taken. */
    public static void createVeth(NetlinkTransport transport, VethRequest request) throws IOException {
        Rtnetlink.request(transport, encodeCreateVeth(request));
    }

    /** Every link of the namespace the transport was opened in (the whole multi-part dump). */
    public static List<LinkInfo> list(NetlinkTransport transport) throws IOException {
        List<LinkInfo> links = new ArrayList<>();
        for (NetlinkMessage m : Rtnetlink.dump(transport, encodeDump())) {
            parse(m).ifPresent(links::add);
        }
        return Collections.unmodifiableList(links);
    }

    /** One link by index; {@link NetlinkErrorException} with ENODEV (19) when there is none. */
    public static LinkInfo get(NetlinkTransport transport, int ifindex) throws IOException {
        LinkInfo link = single(Rtnetlink.request(transport, encodeGet(ifindex)), "ifindex " + ifindex);
        if (link.index() != ifindex) {
            // Only a corrupt reply can do this; taking it would configure or report some other interface.
            throw new MalformedNetlinkException("RTM_GETLINK for ifindex " + ifindex + " was answered with ifindex "
                    + link.index() + " (" + link.name() + ")");
        }
        return link;
    }

    /** One link by name; {@link NetlinkErrorException} with ENODEV (19) when there is none. */
    public static LinkInfo get(NetlinkTransport transport, InterfaceName name) throws IOException {
        return single(Rtnetlink.request(transport, encodeGet(name)), "name " + name);
    }

    private static LinkInfo single(List<NetlinkMessage> replies, String what) throws IOException {
        for (NetlinkMessage m : replies) {
            Optional<LinkInfo> link = parse(m);
            if (link.isPresent()) {
                return link.get();
            }
        }
        throw new IOException("RTM_GETLINK for " + what + " was acknowledged without an RTM_NEWLINK reply");
    }

    // ---- encoders ----

    private static NetlinkMessageWriter setLink(int ifindex, String operation) {
        checkIfindex(ifindex, operation);
        return NetlinkMessageWriter.create(RTM_SETLINK, NLM_F_REQUEST | NLM_F_ACK).ifinfomsg(IfInfoMsg.forIndex(ifindex));
    }

    /** RTM_SETLINK, REQUEST|ACK, ifinfomsg{index, ifi_flags = IFF_UP or 0, ifi_change = IFF_UP}. */
    static ByteBuffer encodeSetUp(int ifindex, boolean up) {
        checkIfindex(ifindex, up ? "set link up" : "set link down");
        return NetlinkMessageWriter.create(RTM_SETLINK, NLM_F_REQUEST | NLM_F_ACK)
                .ifinfomsg(new IfInfoMsg(NetlinkConstants.AF_UNSPEC, 0, ifindex, up ? IFF_UP : 0, IFF_UP))
                .finish();
    }

    static ByteBuffer encodeSetMtu(int ifindex, int mtu) {
        if (mtu <= 0) {
            throw new IllegalArgumentException("set mtu: mtu " + mtu + " is not positive");
        }
        return setLink(ifindex, "set mtu").u32(IFLA_MTU, mtu).finish();
    }

    static ByteBuffer encodeRename(int ifindex, InterfaceName name) {
        Objects.requireNonNull(name, "new interface name");
        return setLink(ifindex, "rename link").string(IFLA_IFNAME, name.value()).finish();
    }

    static ByteBuffer encodeSetMac(int ifindex, MacAddress mac) {
        Objects.requireNonNull(mac, "mac address");
        return setLink(ifindex, "set mac address").bytes(IFLA_ADDRESS, mac.toBytes()).finish();
    }

    static ByteBuffer encodeMoveToNamespace(int ifindex, int namespaceFd) {
        if (namespaceFd < 0) {
            throw new IllegalArgumentException("move link to namespace: namespace fd " + namespaceFd + " is negative");
        }
        return setLink(ifindex, "move link to namespace").u32(IFLA_NET_NS_FD, namespaceFd).finish();
    }

    /** RTM_DELLINK, REQUEST|ACK, ifinfomsg{index}. */
    static ByteBuffer encodeDelete(int ifindex) {
        checkIfindex(ifindex, "delete link");
        return NetlinkMessageWriter.create(RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK)
                .ifinfomsg(IfInfoMsg.forIndex(ifindex))
                .finish();
    }

    /**
     * RTM_NEWLINK, REQUEST|ACK|CREATE|EXCL, a zeroed ifinfomsg, [IFLA_IFNAME] [IFLA_MTU] [IFLA_ADDRESS], then
     * IFLA_LINKINFO{IFLA_INFO_KIND "veth", IFLA_INFO_DATA{VETH_INFO_PEER{ifinfomsg, [IFLA_IFNAME] [IFLA_MTU]
     * [IFLA_ADDRESS] [IFLA_NET_NS_FD]}}}. VETH_INFO_PEER's payload starts with a whole ifinfomsg (drivers/net/veth.c
     * reads it so), which is why it is not marked NLA_F_NESTED.
     */
    static ByteBuffer encodeCreateVeth(VethRequest request) {
        Objects.requireNonNull(request, "veth request");
        NetlinkMessageWriter w = NetlinkMessageWriter.create(RTM_NEWLINK,
                        NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL)
                .ifinfomsg(IfInfoMsg.forIndex(0));
        request.name().ifPresent(n -> w.string(IFLA_IFNAME, n.value()));
        request.mtu().ifPresent(mtu -> w.u32(IFLA_MTU, mtu));
        request.mac().ifPresent(mac -> w.bytes(IFLA_ADDRESS, mac.toBytes()));
        int linkInfo = w.beginNested(IFLA_LINKINFO);
        w.string(IFLA_INFO_KIND, VETH_KIND);
        int data = w.beginNested(IFLA_INFO_DATA);
        int peer = w.beginStructured(VETH_INFO_PEER);
        w.ifinfomsg(IfInfoMsg.forIndex(0));
        request.peerName().ifPresent(n -> w.string(IFLA_IFNAME, n.value()));
        request.mtu().ifPresent(mtu -> w.u32(IFLA_MTU, mtu));
        request.peerMac().ifPresent(mac -> w.bytes(IFLA_ADDRESS, mac.toBytes()));
        request.peerNamespaceFd().ifPresent(fd -> w.u32(IFLA_NET_NS_FD, fd));
        w.end(peer);
        w.end(data);
        w.end(linkInfo);
        return w.finish();
    }

    /** RTM_GETLINK, REQUEST|DUMP, a zeroed ifinfomsg. */
    static ByteBuffer encodeDump() {
        return NetlinkMessageWriter.create(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP).ifinfomsg(IfInfoMsg.forIndex(0)).finish();
    }

    /** RTM_GETLINK, REQUEST|ACK, ifinfomsg{index}. */
    static ByteBuffer encodeGet(int ifindex) {
        checkIfindex(ifindex, "get link");
        return NetlinkMessageWriter.create(RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK).ifinfomsg(IfInfoMsg.forIndex(ifindex)).finish();
    }

    /** RTM_GETLINK, REQUEST|ACK, ifinfomsg{index 0}, IFLA_IFNAME: the kernel looks the name up. */
    static ByteBuffer encodeGet(InterfaceName name) {
        Objects.requireNonNull(name, "interface name");
        return NetlinkMessageWriter.create(RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK)
                .ifinfomsg(IfInfoMsg.forIndex(0))
                .string(IFLA_IFNAME, name.value())
                .finish();
    }

    // ---- parser ----

    /** Reads one RTM_NEWLINK; other message types give empty. */
    static Optional<LinkInfo> parse(NetlinkMessage m) throws MalformedNetlinkException {
        if (m.type() != RTM_NEWLINK) {
            return Optional.empty();
        }
        IfInfoMsg h = IfInfoMsg.readFrom(m);
        NetlinkAttributes attrs = m.attributes(IfInfoMsg.SIZE);
        String name = attrs.find(IFLA_IFNAME).map(NetlinkAttribute::string).orElseThrow(() ->
                new MalformedNetlinkException("RTM_NEWLINK for ifindex " + h.index() + " has no IFLA_IFNAME"));
        NetlinkAttribute mtu = attrs.find(IFLA_MTU).orElse(null);
        NetlinkAttribute link = attrs.find(IFLA_LINK).orElse(null);
        Optional<MacAddress> mac = attrs.find(IFLA_ADDRESS)
                .filter(a -> a.length() == MacAddress.LENGTH)
                .map(a -> MacAddress.of(a.bytes()));
        Optional<String> kind = Optional.empty();
        NetlinkAttribute linkInfo = attrs.find(IFLA_LINKINFO).orElse(null);
        if (linkInfo != null) {
            kind = linkInfo.nested().find(IFLA_INFO_KIND).map(NetlinkAttribute::string);
        }
        NetlinkAttribute netnsId = attrs.find(IFLA_LINK_NETNSID).orElse(null);
        return Optional.of(new LinkInfo(h.index(), name, h.flags(), mtu != null ? mtu.u32() : 0, h.deviceType(),
                link != null ? link.u32() : 0, mac, kind,
                netnsId != null ? OptionalInt.of(netnsId.u32()) : OptionalInt.empty())); // an s32: the same 4 bytes
    }
}
