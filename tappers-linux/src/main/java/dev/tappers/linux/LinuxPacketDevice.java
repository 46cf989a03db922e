package dev.tappers.linux;

import dev.tappers.InterfaceName;
import dev.tappers.PacketDevice;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.spi.Checks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import dev.tappers.Feature;
import dev.tappers.Offload;
import dev.tappers.UnsupportedFeatureException;

import static dev.tappers.linux.jna.LinuxConstants.*;

/**
 * A TUN or TAP device on one {@code /dev/net/tun} descriptor: the packet path, persistence and close; the
 * interface configuration comes from {@link LinuxInterface}.
 * The packet path itself is a {@link PacketChannel}.
 */
abstract class LinuxPacketDevice extends LinuxInterface implements PacketDevice {
    private final boolean createdByUs;
    private final PacketChannel channel;

    LinuxPacketDevice(InterfaceName name, int index, HomeNamespace home, boolean createdByUs, int fd, int wakeFd,
                      int maxPacket, boolean nonBlocking, VnetPath vnet) {
        super(name, index, home);
        this.createdByUs = createdByUs;
        this.channel = new PacketChannel(fd, wakeFd, maxPacket, nonBlocking, guard, () -> name().value(), vnet);
    }

    /** Checks a packet about to be sent, beyond its size (a TUN wants IP). */
    abstract void checkOutgoing(ByteBuffer src);

    @Override
    public boolean isCreatedByUs() {
        return createdByUs;
    }

    @Override
    public int maxPacketSize() {
        return channel.maxPacketSize();
    }

    // ---- persistence ---------------------------------------------------------------------------------------

    @Override
    public boolean isPersistent() throws IOException {
        return configure("get persistence", () -> (Syscalls.tunFlags(channel.descriptor()) & IFF_PERSIST) != 0);
    }

    @Override
    public void setPersistent(boolean persistent) throws IOException {
        configure("set persistent " + persistent, () -> {
            Syscalls.tunSetPersist(channel.descriptor(), persistent);
            return null;
        });
    }

    /** The device's descriptor, for features that hand it on (descriptor passing); valid only while open. */
    final int descriptor() {
        return channel.descriptor();
    }

    /**
     * Removes the interface even while another descriptor holds it (a passed or adopted copy, another queue, another
     * process): clearing persistence and closing would only drop our reference.
     */
    @Override
    public void delete() throws IOException {
        setPersistent(false);
        deleteLink("delete");
        close();
    }

    // ---- packet path ---------------------------------------------------------------------------------------

    @Override
    public void setNonBlocking(boolean nonBlocking) throws IOException {
        channel.setNonBlocking(nonBlocking);
    }

    @Override
    public boolean isNonBlocking() {
        return channel.isNonBlocking();
    }

    @Override
    public int receive(ByteBuffer dst) throws IOException {
        return channel.receive(dst);
    }

    @Override
    public int send(ByteBuffer src) throws IOException {
        checkPacket(src);
        return channel.send(src);
    }

    /** Everything {@link #send} checks before the system call: size, and (TUN) the IP version. */
    final void checkPacket(ByteBuffer src) {
        Checks.packetToSend(name().value(), src, channel.maxPacketSize());
        checkOutgoing(src);
    }

    @Override
    public int receiveBatch(ByteBuffer[] dsts) throws IOException {
        return channel.receiveBatch(dsts);
    }

    @Override
    public int sendBatch(ByteBuffer[] srcs) throws IOException {
        Checks.batch(name().value(), "send", srcs);
        for (ByteBuffer src : srcs) {
            checkPacket(src);
        }
        return channel.sendBatch(srcs);
    }

    @Override
    public CompletableFuture<Integer> receiveAsync(ByteBuffer dst) {
        try {
            return LinuxPoller.shared().receive(this, dst);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Integer> sendAsync(ByteBuffer src) {
        try {
            return LinuxPoller.shared().send(this, src);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Set<Offload> offloads() {
        VnetPath vnet = channel.vnet();
        return vnet == null ? Set.of() : vnet.granted();
    }

    /**
     * TUNSETOFFLOAD with the subset asked for (each offload must have been asked for at creation, when the device
     * got its virtio-net header); the kernel's answer decides what is in force.
     */
    @Override
    public Set<Offload> setOffloads(Set<Offload> offloads) throws IOException {
        java.util.Objects.requireNonNull(offloads, "set offloads: offloads");
        VnetPath vnet = channel.vnet();
        if (vnet == null) {
            throw new UnsupportedFeatureException(Feature.OFFLOAD, getClass().getName(), "set offloads on " + name()
                    + ": the device was created without offload (DeviceOptions.withOffload), so it has no "
                    + "virtio-net header to carry them");
        }
        return configure("set offloads " + offloads, () -> {
            Set<Offload> granted = OffloadNegotiation.negotiate(channel.descriptor(), offloads);
            vnet.granted(granted);
            return granted;
        });
    }

    /** The packet path, for the poller. */
    final PacketChannel channel() {
        return channel;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name() + ", index " + rawIndex() + (createdByUs ? ", created" : ", opened")
                + (isOpen() ? "" : ", closed") + "]";
    }

    // ---- owner and group (issue 3) --------------------------------------------------------------------------

    /**
     * TUNSETOWNER on this descriptor. A negative uid is refused before the call: -1 is the kernel's "no owner",
     * which TUNSETOWNER refuses too.
     */
    @Override
    public void setOwner(int uid) throws IOException {
        if (uid < 0) {
            throw new IllegalArgumentException("set owner on " + name() + ": uid " + uid + " is negative");
        }
        configure("set owner " + uid, () -> {
            Syscalls.tunSetOwner(channel.descriptor(), uid);
            return null;
        });
    }

    /** TUNSETGROUP on this descriptor. */
    @Override
    public void setGroup(int gid) throws IOException {
        if (gid < 0) {
            throw new IllegalArgumentException("set group on " + name() + ": gid " + gid + " is negative");
        }
        configure("set group " + gid, () -> {
            Syscalls.tunSetGroup(channel.descriptor(), gid);
            return null;
        });
    }

    // ---- descriptor passing (issue 3) ---------------------------------------------------------------------

    /** Sends this device's descriptor over the Unix socket at {@code socketPath}; see {@link DescriptorAdoption}. */
    @Override
    public void sendDescriptor(java.nio.file.Path socketPath) throws IOException {
        DescriptorAdoption.send(this, socketPath);
    }
}
