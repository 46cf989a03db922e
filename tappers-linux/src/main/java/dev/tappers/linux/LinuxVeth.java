package dev.tappers.linux;

import dev.tappers.InterfaceName;
import dev.tappers.Veth;
import dev.tappers.VethEnd;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicBoolean;

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
    /** The namespace the pair was made or opened from, which {@link VethEnd#namespace()} leaves unnamed. */
    private final long originInode;

    /** One end as this pair's factory found it: its name, index and namespace. */
    record Located(InterfaceName name, int index, HomeNamespace home) {
    }

    LinuxVeth(boolean createdByUs, Located end, Located peer) {
        this.createdByUs = createdByUs;
        this.deletesOnClose = createdByUs;
        this.originInode = end.home().inode();
        this.end = new LinuxVethEnd(end.name(), end.index(), end.home(), this);
        this.peer = new LinuxVethEnd(peer.name(), peer.index(), peer.home(), this);
    }

    long originInode() {
        return originInode;
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
        if (open.compareAndSet(true, false)) {
            finish(deletesOnClose);
        }
    }

    /** Deletes both ends, whoever made them, and closes this pair and its ends. */
    void delete() throws IOException {
        if (!open.compareAndSet(true, false)) {
            throw new ClosedChannelException();
        }
        finish(true);
    }

    /** Deletes the pair when asked, then releases both ends whatever happened; throws the first failure. */
    private void finish(boolean deleting) throws IOException {
        IOException failure = null;
        if (deleting) {
            try {
                deleteLinks("delete veth pair");
            } catch (IOException e) {
                failure = e;
            }
        }
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
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * RTM_DELLINK on the first end, in its namespace; through the peer's namespace if the first end's cannot be
     * reached. A pair already gone (its namespace was deleted, say) counts as deleted.
     */
    private void deleteLinks(String operation) throws IOException {
        try {
            end.deleteLink(operation);
        } catch (ClosedChannelException unreachable) {
            peer.deleteLink(operation);
        }
    }

    @Override
    public String toString() {
        return "LinuxVeth[" + end.name() + " <-> " + peer.name() + (peer.namespace().isPresent() ? " in " + peer.namespace().get() : "")
                + (createdByUs ? ", created" : ", opened") + (open.get() ? "" : ", closed") + "]";
    }
}
