package dev.tappers.linux;

import dev.tappers.InterfaceName;
import dev.tappers.TappersException;
import dev.tappers.Veth;
import dev.tappers.VethEnd;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.netlink.LinkOps;
import dev.tappers.linux.netlink.NetlinkErrorException;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * A vETH pair: two {@link LinuxVethEnd}s. A pair this library created is deleted on close (RTM_DELLINK on one
 * end removes both); a pair opened by name is left as it was.
 */
final class LinuxVeth implements Veth {
    private final boolean createdByUs;
    private final LinuxVethEnd end;
    private final LinuxVethEnd peer;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private volatile boolean deletesOnClose;

    /** One end as this pair's factory found it: its name, index and namespace. */
    record Located(InterfaceName name, int index, HomeNamespace home, LinuxNamespace namespace) {
    }

    LinuxVeth(boolean createdByUs, Located end, Located peer) {
        this.createdByUs = createdByUs;
        this.deletesOnClose = createdByUs;
        this.end = new LinuxVethEnd(end.name(), end.index(), end.home(), this, end.namespace());
        this.peer = new LinuxVethEnd(peer.name(), peer.index(), peer.home(), this, peer.namespace());
    }

    @Override
    public VethEnd end() {
        return end;
    }

    @Override
    public VethEnd peer() {
        return peer;
    }

    @Override
    public boolean isCreatedByUs() {
        return createdByUs;
    }

    boolean deletesOnClose() {
        return deletesOnClose;
    }

    void setDeletesOnClose(boolean deletes) {
        this.deletesOnClose = deletes;
    }

    @Override
    public void close() throws IOException {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        IOException failure = null;
        if (deletesOnClose) {
            try {
                deleteLinks("delete veth pair");
            } catch (IOException e) {
                failure = e;
            }
        }
        failure = releaseEnds(failure);
        if (failure != null) {
            throw failure;
        }
    }

    /** Deletes both ends, whoever made them, and closes this pair and its ends. */
    void delete() throws IOException {
        if (!open.compareAndSet(true, false)) {
            throw new ClosedChannelException();
        }
        IOException failure = null;
        try {
            deleteLinks("delete veth pair");
        } catch (IOException e) {
            failure = e;
        }
        failure = releaseEnds(failure);
        if (failure != null) {
            throw failure;
        }
    }

    private IOException releaseEnds(IOException failure) {
        for (LinuxVethEnd e : new LinuxVethEnd[] {end, peer}) {
            try {
                e.release();
            } catch (IOException x) {
                if (failure == null) {
                    failure = x;
                } else {
                    failure.addSuppressed(x);
                }
            }
        }
        return failure;
    }

    /**
     * RTM_DELLINK on the first end, in its namespace; through the peer's namespace if the first end's cannot be
     * reached. A pair already gone (its namespace was deleted, say) counts as deleted.
     */
    private void deleteLinks(String operation) throws IOException {
        try {
            deleteLink(operation, end);
        } catch (ClosedChannelException unreachable) {
            deleteLink(operation, peer);
        }
    }

    private static void deleteLink(String operation, LinuxVethEnd which) throws IOException {
        try {
            which.home().call(() -> {
                try (NetlinkSocket netlink = NetlinkSocket.open()) {
                    LinkOps.delete(netlink, which.rawIndex());
                }
                return null;
            });
        } catch (NetlinkErrorException e) {
            if (e.errno() != ENODEV) {
                throw failure(operation + " [netlink]", which, e.errno(), e);
            }
        } catch (SyscallException e) {
            throw failure(operation + " [" + e.syscall() + "]", which, e.errno(), e);
        }
    }

    private static TappersException failure(String operation, LinuxVethEnd which, int errno, Exception cause) {
        TappersException t = LinuxErrors.device(operation, which.name().value(), errno, null);
        t.initCause(cause);
        return t;
    }

    @Override
    public String toString() {
        return "LinuxVeth[" + end.name() + " <-> " + peer.name() + (peer.namespace().isPresent() ? " in " + peer.namespace().get() : "")
                + (createdByUs ? ", created" : ", opened") + (open.get() ? "" : ", closed") + "]";
    }
}
