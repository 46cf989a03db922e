package dev.tappers.linux;

import dev.tappers.FrameSocket;
import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;
import dev.tappers.NetworkNamespace;
import dev.tappers.VethEnd;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.linux.netlink.LinkOps;

import java.io.IOException;
import java.util.Objects;
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
    private final LinuxNamespace namespace;

    /**
     * @param namespace the namespace this end lives in when it is not the one the pair was made from, else null
     */
    LinuxVethEnd(InterfaceName name, int index, HomeNamespace home, LinuxVeth pair, LinuxNamespace namespace) {
        super(name, index, home);
        this.pair = pair;
        this.namespace = namespace;
    }

    @Override
    public Optional<NetworkNamespace> namespace() {
        return Optional.ofNullable(namespace);
    }

    @Override
    public MacAddress mac() throws IOException {
        return configure("get MAC address", () -> MacAddress.of(Syscalls.hardwareAddress(name().value())));
    }

    @Override
    public void setMac(MacAddress mac) throws IOException {
        Objects.requireNonNull(mac, "mac");
        if (mac.isMulticast()) {
            throw new IllegalArgumentException("set MAC address on " + name() + ": " + mac
                    + " is a group (multicast) address; an interface needs a unicast one");
        }
        configure("set MAC address " + mac, () -> {
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
        return "LinuxVethEnd[" + name() + ", index " + rawIndex() + (namespace != null ? ", in " + namespace : "")
                + (isOpen() ? "" : ", closed") + "]";
    }
}
