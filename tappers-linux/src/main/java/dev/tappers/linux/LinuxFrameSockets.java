package dev.tappers.linux;

import dev.tappers.FrameSocket;
import dev.tappers.InterfaceName;
import dev.tappers.TappersException;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.jna.PacketIo;
import dev.tappers.linux.jna.PacketSockets;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.linux.netlink.LinkInfo;
import dev.tappers.linux.netlink.LinkOps;
import dev.tappers.linux.netlink.NetlinkErrorException;

import java.io.IOException;
import java.util.Objects;

import static dev.tappers.linux.jna.LinuxConstants.*;

/** Opens {@link LinuxFrameSocket}s: by name in the caller's namespace, or on a known interface in its own. */
final class LinuxFrameSockets {
    private LinuxFrameSockets() {
    }

    /** Opens a frame socket on the interface {@code name} of the calling thread's namespace. */
    static FrameSocket open(InterfaceName name) throws IOException {
        Objects.requireNonNull(name, "interface name");
        String operation = "open frame socket";
        LinkInfo link;
        try (NetlinkSocket netlink = NetlinkSocket.open()) {
            link = LinkOps.get(netlink, name);
        } catch (SyscallException e) {
            throw failure(operation + " [" + e.syscall() + "]", name, e.errno(), e);
        } catch (NetlinkErrorException e) {
            throw failure(operation + " [netlink]", name, e.errno(), e);
        }
        if (link.deviceType() == ARPHRD_NONE) {
            throw new IllegalArgumentException(operation + " on " + name + ": the interface has no link-layer header "
                    + "(a TUN device?); frame sockets carry Ethernet frames, so they need a layer-2 interface");
        }
        try {
            return openOn(name, link.index());
        } catch (SyscallException e) {
            throw failure(operation + " [" + e.syscall() + "]", name, e.errno(), e);
        }
    }

    /**
     * Opens a frame socket bound to {@code ifindex}, in the calling thread's namespace; for callers that run it
     * where the interface lives and map the errors themselves.
     */
    static LinuxFrameSocket openOn(InterfaceName name, int ifindex) throws SyscallException {
        int fd = PacketSockets.openBound(ifindex);
        int wakeFd;
        try {
            wakeFd = PacketIo.newWakeFd();
        } catch (SyscallException e) {
            Syscalls.closeQuietly(fd);
            throw e;
        }
        return new LinuxFrameSocket(name, fd, wakeFd);
    }

    private static TappersException failure(String operation, InterfaceName name, int errno, Exception cause) {
        TappersException t = LinuxErrors.device(operation, name.value(), errno, errno == ENODEV
                ? "no interface by that name in this network namespace" : errno == EPERM
                ? "packet sockets need CAP_NET_RAW (run as root, or grant the capability)" : null);
        t.initCause(cause);
        return t;
    }
}
