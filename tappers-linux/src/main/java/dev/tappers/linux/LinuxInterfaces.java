package dev.tappers.linux;

import dev.tappers.DeviceState;
import dev.tappers.InterfaceInfo;
import dev.tappers.InterfaceKind;
import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;
import dev.tappers.TappersException;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.netlink.LinkInfo;
import dev.tappers.linux.netlink.LinkOps;
import dev.tappers.linux.netlink.NetlinkErrorException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.tappers.linux.jna.LinuxConstants.ARPHRD_ETHER;
import static dev.tappers.linux.jna.LinuxConstants.ARPHRD_LOOPBACK;
import static dev.tappers.linux.jna.LinuxConstants.ARPHRD_NONE;

/**
 * The interfaces of the calling thread's network namespace, from one RTM_GETLINK dump (all its parts).
 *
 * <p>The kind comes from IFLA_INFO_KIND and the link type: the tun driver calls both its kinds "tun", so the
 * type tells them apart (ARPHRD_NONE for a TUN, ARPHRD_ETHER for a TAP). The MAC is reported for Ethernet-type
 * links only: lo, for one, has a six-byte address of zeros that is no MAC.
 */
final class LinuxInterfaces {
    private static final String TUN_KIND = "tun";
    private static final String VETH_KIND = "veth";

    private LinuxInterfaces() {
    }

    static List<InterfaceInfo> list() throws IOException {
        List<LinkInfo> links;
        try (NetlinkSocket netlink = NetlinkSocket.open()) {
            links = LinkOps.list(netlink);
        } catch (SyscallException e) {
            throw withCause(LinuxErrors.device("list interfaces [" + e.syscall() + "]", null, e.errno(), null), e);
        } catch (NetlinkErrorException e) {
            throw withCause(LinuxErrors.device("list interfaces [netlink]", null, e.errno(), null), e);
        }
        List<InterfaceInfo> out = new ArrayList<>(links.size());
        for (LinkInfo link : links) {
            toInfo(link).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * One link as the API describes it; empty for a name {@link InterfaceName} cannot hold (Linux allows control
     * characters that the API refuses everywhere), which is left out rather than failing the whole list.
     */
    static Optional<InterfaceInfo> toInfo(LinkInfo link) {
        if (InterfaceName.problemWith(link.name()) != null) {
            return Optional.empty();
        }
        Optional<MacAddress> mac = link.deviceType() == ARPHRD_ETHER ? link.mac() : Optional.empty();
        return Optional.of(new InterfaceInfo(InterfaceName.of(link.name()), link.index(), kindOf(link),
                link.isUp() ? DeviceState.UP : DeviceState.DOWN, link.mtu(), mac));
    }

    private static TappersException withCause(TappersException e, Exception cause) {
        e.initCause(cause);
        return e;
    }

    static InterfaceKind kindOf(LinkInfo link) {
        String kind = link.kind().orElse("");
        if (link.deviceType() == ARPHRD_LOOPBACK) {
            return InterfaceKind.LOOPBACK;
        }
        if (kind.equals(TUN_KIND) && link.deviceType() == ARPHRD_NONE) {
            return InterfaceKind.TUN;
        }
        if (kind.equals(TUN_KIND) && link.deviceType() == ARPHRD_ETHER) {
            return InterfaceKind.TAP;
        }
        if (kind.equals(VETH_KIND)) {
            return InterfaceKind.VETH;
        }
        return InterfaceKind.OTHER;
    }
}
