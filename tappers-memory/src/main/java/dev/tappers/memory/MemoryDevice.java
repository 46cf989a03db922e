package dev.tappers.memory;

import dev.tappers.AddressInfo;
import dev.tappers.AddressRequest;
import dev.tappers.DeviceState;
import dev.tappers.InterfaceName;
import dev.tappers.PacketDevice;
import dev.tappers.PacketTooLargeException;
import dev.tappers.spi.Checks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What an in-memory TUN and TAP share: the object a program holds (a descriptor, on a kernel), attached to one
 * {@link MemoryInterface}. Configuration goes to the interface under the network's lock; packets wait in this
 * object's bounded queue until {@link #receive} takes them.
 */
abstract class MemoryDevice implements PacketDevice {
    final MemoryInterface iface;
    private final MemoryNetwork network;
    private final boolean createdByUs;
    private final ReentrantLock queueLock = new ReentrantLock();
    private final Condition arrived = queueLock.newCondition();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final CopyOnWriteArrayList<MemoryPoller> pollers = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;
    private volatile boolean nonBlocking;

    MemoryDevice(MemoryInterface iface, boolean createdByUs, boolean nonBlocking) {
        this.iface = iface;
        this.network = iface.network();
        this.createdByUs = createdByUs;
        this.nonBlocking = nonBlocking;
    }

    final String label() {
        return iface.name().value();
    }

    final void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }

    // ---- configuration -------------------------------------------------------------------------------------

    @Override
    public final InterfaceName name() {
        return iface.name();
    }

    @Override
    public final int index() throws IOException {
        ensureOpen();
        return iface.index();
    }

    @Override
    public final DeviceState state() throws IOException {
        ensureOpen();
        return iface.state;
    }

    @Override
    public final void setState(DeviceState state) throws IOException {
        Objects.requireNonNull(state, "state");
        synchronized (network.lock) {
            ensureOpen();
            iface.state = state;
        }
    }

    @Override
    public final int mtu() throws IOException {
        synchronized (network.lock) {
            ensureOpen();
            return iface.mtu;
        }
    }

    @Override
    public void setMtu(int mtu) throws IOException {
        synchronized (network.lock) {
            ensureOpen();
            Checks.mtuInRange(label(), mtu);
            Checks.mtuKeepsIpv6(label(), mtu, iface.addresses);
            iface.mtu = mtu;
        }
    }

    @Override
    public final List<AddressInfo> addresses() throws IOException {
        synchronized (network.lock) {
            ensureOpen();
            return List.copyOf(iface.addresses);
        }
    }

    @Override
    public final void addAddress(AddressRequest request) throws IOException {
        Objects.requireNonNull(request, "address request");
        synchronized (network.lock) {
            ensureOpen();
            Checks.ipv6FitsMtu(label(), request, iface.mtu);
            for (AddressInfo a : iface.addresses) {
                if (a.matches(request)) {
                    throw Errors.exists("add address " + request, label(), request + " is already on the interface");
                }
            }
            iface.addresses.add(new AddressInfo(request.address(), request.prefixLength(), request.broadcast(),
                    request.destination()));
        }
    }

    @Override
    public final void removeAddress(InetAddress address, int prefixLength) throws IOException {
        Objects.requireNonNull(address, "address");
        synchronized (network.lock) {
            ensureOpen();
            Optional<AddressInfo> found = iface.addresses.stream()
                    .filter(a -> a.address().equals(address) && a.prefixLength() == prefixLength).findFirst();
            if (found.isEmpty()) {
                throw Errors.noAddress("remove address", label(), address.getHostAddress() + "/" + prefixLength);
            }
            iface.addresses.remove(found.get());
        }
    }

    @Override
    public final boolean isCreatedByUs() {
        return createdByUs;
    }

    @Override
    public final boolean isPersistent() throws IOException {
        synchronized (network.lock) {
            ensureOpen();
            return iface.persistent;
        }
    }

    @Override
    public final void setPersistent(boolean persistent) throws IOException {
        synchronized (network.lock) {
            ensureOpen();
            iface.persistent = persistent;
        }
    }

    @Override
    public final void delete() throws IOException {
        synchronized (network.lock) {
            ensureOpen();
            network.remove(iface);
        }
        close();
    }

    @Override
    public final boolean isOpen() {
        return open;
    }

    /**
     * Detaches from the interface (removing it unless it is persistent) and wakes a thread waiting in
     * {@link #receive}, which then throws {@link AsynchronousCloseException}.
     */
    @Override
    public final void close() {
        synchronized (network.lock) {
            if (!open) {
                return;
            }
            open = false;
            network.detach(iface, this);
        }
        queueLock.lock();
        try {
            queue.clear();
            arrived.signalAll();
        } finally {
            queueLock.unlock();
        }
        for (MemoryPoller poller : pollers) {
            poller.closed(this);
        }
        pollers.clear();
    }

    // ---- packets -------------------------------------------------------------------------------------------

    @Override
    public final void setNonBlocking(boolean nonBlocking) throws IOException {
        ensureOpen();
        this.nonBlocking = nonBlocking;
    }

    @Override
    public final boolean isNonBlocking() {
        return nonBlocking;
    }

    /**
     * Blocking mode waits until a packet arrives or the device is closed. An interrupt ends the wait with an
     * {@link InterruptedIOException}, the thread's interrupt status kept and the device left open.
     */
    @Override
    public final int receive(ByteBuffer dst) throws IOException {
        Checks.receiveBuffer(label(), dst);
        return takeOne(dst, !nonBlocking);
    }

    @Override
    public final int receiveBatch(ByteBuffer[] dsts) throws IOException {
        Checks.batch(label(), "receive", dsts);
        for (ByteBuffer dst : dsts) {
            Checks.receiveBuffer(label(), dst);
        }
        if (dsts.length == 0) {
            ensureOpen();
            return 0;
        }
        return take(dsts, !nonBlocking);
    }

    /** A receive that never waits, whatever the mode: for the poller, once the device is readable. */
    final int receiveNow(ByteBuffer dst) throws IOException {
        return takeOne(dst, false);
    }

    /** One packet into {@code dst}: its length, or 0 when none came. */
    private int takeOne(ByteBuffer dst, boolean wait) throws IOException {
        int before = dst.position();
        return take(new ByteBuffer[] {dst}, wait) == 0 ? 0 : dst.position() - before;
    }

    /** True when a receive would find a packet now. */
    final boolean hasPacket() {
        queueLock.lock();
        try {
            return !queue.isEmpty();
        } finally {
            queueLock.unlock();
        }
    }

    /**
     * Moves waiting packets into {@code dsts}, one each, in order, and returns how many; waits for the first when
     * {@code wait}. A packet too large for its buffer stays queued and ends the batch, and is reported only when it
     * is the first.
     */
    private int take(ByteBuffer[] dsts, boolean wait) throws IOException {
        boolean waited = false;
        queueLock.lock();
        try {
            for (;;) {
                if (!open) {
                    throw waited ? new AsynchronousCloseException() : new ClosedChannelException();
                }
                if (!queue.isEmpty()) {
                    int n = 0;
                    while (n < dsts.length && !queue.isEmpty()) {
                        byte[] next = queue.peek();
                        if (next.length > dsts[n].remaining()) {
                            if (n == 0) {
                                throw new PacketTooLargeException(label(), next.length, dsts[n].remaining());
                            }
                            break;
                        }
                        queue.poll();
                        dsts[n++].put(next);
                    }
                    return n;
                }
                if (!wait) {
                    return 0;
                }
                waited = true;
                try {
                    arrived.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("receive on " + label() + " was interrupted");
                }
            }
        } finally {
            queueLock.unlock();
        }
    }

    /**
     * Never returns 0: like a kernel, the network takes every packet and drops what it cannot carry (interface
     * down, far side full), counting it on the {@link HostPort}.
     */
    @Override
    public final int send(ByteBuffer src) throws IOException {
        checkSend(src);
        ensureOpen();
        return transmit(src);
    }

    /** Checks every packet before sending any; then sends them all (the network never pushes back). */
    @Override
    public final int sendBatch(ByteBuffer[] srcs) throws IOException {
        Checks.batch(label(), "send", srcs);
        for (ByteBuffer src : srcs) {
            checkSend(src);
        }
        ensureOpen();
        for (ByteBuffer src : srcs) {
            transmit(src);
        }
        return srcs.length;
    }

    @Override
    public final CompletableFuture<Integer> receiveAsync(ByteBuffer dst) {
        return network.sharedPoller().receive(this, dst);
    }

    @Override
    public final CompletableFuture<Integer> sendAsync(ByteBuffer src) {
        return network.sharedPoller().send(this, src);
    }

    /** The argument checks of a send, before anything moves. */
    final void checkSend(ByteBuffer src) {
        Checks.packetToSend(label(), src, maxPacketSize());
        checkOutgoing(src);
    }

    private int transmit(ByteBuffer src) {
        byte[] packet = new byte[src.remaining()];
        src.get(packet);
        iface.transmit(packet);
        return packet.length;
    }

    /** The kind's own rule for an outgoing packet (TUN: IP only; TAP: a whole Ethernet header). */
    abstract void checkOutgoing(ByteBuffer src);

    /** A packet for this object's receive queue; false when it is full or the object closed. */
    boolean enqueue(byte[] packet) {
        queueLock.lock();
        try {
            if (!open || queue.size() >= HostPort.QUEUE_LIMIT) {
                return false;
            }
            queue.add(packet);
            arrived.signal();
        } finally {
            queueLock.unlock();
        }
        for (MemoryPoller poller : pollers) {
            poller.readable(this);
        }
        return true;
    }

    /** A poller that watches this device, to be told when a packet arrives and when the device closes. */
    final void addPoller(MemoryPoller poller) {
        pollers.addIfAbsent(poller);
    }

    final void removePoller(MemoryPoller poller) {
        pollers.remove(poller);
    }

    final MemoryNetwork network() {
        return network;
    }

    @Override
    public String toString() {
        return "in-memory " + iface.kind() + " " + label() + (open ? "" : " (closed)");
    }
}
