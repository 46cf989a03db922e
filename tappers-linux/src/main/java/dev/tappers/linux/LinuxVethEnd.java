package dev.tappers.linux;

import dev.tappers.FrameSocket;
import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;
import dev.tappers.NetworkNamespace;
import dev.tappers.VethEnd;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.netlink.LinkOps;

import java.io.IOException;
import java.util.Optional;

/**
 * One end of a {@link LinuxVeth}: configured like any interface (state, MTU, addresses come from
 * {@link LinuxInterface}), in its own namespace whichever thread calls. Closing an end releases only this handle;
 * the pair's lifetime is {@link LinuxVeth}'s.
 */
final class LinuxVethEnd extends LinuxInterface implements VethEnd {
    /** How long close waits for configuration calls still running on this handle. */
    private static final long CLOSE_WAIT_MILLIS = 15_000;

    private final LinuxVeth pair;

    LinuxVethEnd(InterfaceName name, int index, HomeNamespace home, LinuxVeth pair) {
        super(name, index, home);
        this.pair = pair;
    }

    /** The namespace object this end lives through, unless it is where the pair was made; it follows a move. */
    @Override
    public Optional<NetworkNamespace> namespace() {
        HomeNamespace home = home();
        return home.inode() == pair.originInode() ? Optional.empty() : home.owner().map(NetworkNamespace.class::cast);
    }

    @Override
    public MacAddress mac() throws IOException {
        return ethernetMac();
    }

    @Override
    public void setMac(MacAddress mac) throws IOException {
        setEthernetMac(mac, () -> {
            try (NetlinkSocket netlink = NetlinkSocket.open()) {
                LinkOps.setMac(netlink, rawIndex(), mac);
            }
            return null;
        });
    }

    /** The socket is opened inside this end's namespace, where the index means this interface. */
    @Override
    public FrameSocket openFrameSocket() throws IOException {
        return configure("open frame socket", () -> LinuxFrameSockets.openOn(name(), rawIndex()));
    }

    @Override
    public boolean isCreatedByUs() {
        return pair.isCreatedByUs();
    }

    /** A vETH pair has no kernel persistence flag: "persistent" means closing the pair leaves it in place. */
    @Override
    public boolean isPersistent() throws IOException {
        requireOpen();
        return !pair.deletesOnClose();
    }

    /** Decides whether closing the {@link dev.tappers.Veth} deletes the pair. */
    @Override
    public void setPersistent(boolean persistent) throws IOException {
        requireOpen();
        pair.setDeletesOnClose(!persistent);
    }

    /** Deletes both ends, whoever made them, and closes the pair. */
    @Override
    public void delete() throws IOException {
        requireOpen();
        pair.delete();
    }

    /** Releases this handle only. */
    @Override
    public void close() throws IOException {
        release();
    }

    /** Marks the handle closed and waits, bounded, for configuration calls still inside to leave. */
    void release() throws IOException {
        if (guard.markClosed() && !guard.awaitDrained(CLOSE_WAIT_MILLIS)) {
            throw new IOException("close " + name() + ": configuration calls still running after "
                    + CLOSE_WAIT_MILLIS + " ms");
        }
    }

    @Override
    public String toString() {
        return "LinuxVethEnd[" + name() + ", index " + rawIndex() + namespace().map(ns -> ", in " + ns).orElse("")
                + (isOpen() ? "" : ", closed") + "]";
    }
}
