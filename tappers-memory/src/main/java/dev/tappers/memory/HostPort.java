package dev.tappers.memory;

import dev.tappers.InterfaceName;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The far side of one in-memory TUN or TAP: where a kernel would have its network stack. What is
 * {@linkplain #inject injected} here arrives at the device's {@code receive}; what the program sends on the device
 * comes out here ({@link #poll}, {@link #take}, or a {@linkplain #onSent listener}) unless the device is
 * {@linkplain MemoryNetwork#connect connected} to another device or {@linkplain MemorySwitch#attach attached} to
 * a switch, which then take its packets instead.
 *
 * <pre>{@code
 * MemoryNetwork net = new MemoryNetwork();
 * try (Tun tun = net.provider().createTun(DeviceOptions.defaults())) {
 *     tun.up();
 *     HostPort host = net.hostPort(tun.name());
 *     host.inject(ipPacket);                      // the program reads it with tun.receive(...)
 *     tun.send(reply);
 *     byte[] seen = host.take(Duration.ofSeconds(1)).orElseThrow();  // what the program sent
 * }
 * }</pre>
 *
 * <p>Like a kernel, the interface carries nothing while it is down or while no device object is attached:
 * packets are then dropped and counted ({@link #dropped()}). Queues are bounded ({@value #QUEUE_LIMIT} packets);
 * beyond that, packets are dropped too, as a full transmit queue drops them.
 */
public final class HostPort {
    /** The most packets waiting in either direction, like a kernel's default transmit queue (500 on Linux tun). */
    public static final int QUEUE_LIMIT = 500;

    private final MemoryInterface iface;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition sent = lock.newCondition();
    private final ArrayDeque<byte[]> outbox = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile Consumer<byte[]> listener;

    HostPort(MemoryInterface iface) {
        this.iface = iface;
    }

    /** The interface's name. */
    public InterfaceName name() {
        return iface.name();
    }

    /**
     * Hands a packet (TUN: an IP packet; TAP: an Ethernet frame) to the device, as if the network sent it: the
     * bytes from {@code packet}'s position to its limit, after which the position is at the limit.
     *
     * @return true when the device will receive it; false when it was dropped (interface down, no device object
     *         attached, or its queue full)
     */
    public boolean inject(ByteBuffer packet) {
        Objects.requireNonNull(packet, "packet");
        byte[] copy = new byte[packet.remaining()];
        packet.get(copy);
        return inject(copy);
    }

    /** {@link #inject(ByteBuffer)} for a byte array, which is copied. */
    public boolean inject(byte[] packet) {
        Objects.requireNonNull(packet, "packet");
        if (packet.length == 0) {
            throw new IllegalArgumentException("inject on " + name() + ": the packet is empty");
        }
        boolean taken = iface.deliver(packet.clone());
        if (!taken) {
            dropped.incrementAndGet();
        }
        return taken;
    }

    /** The oldest packet the device sent that nobody has taken yet, if any. */
    public Optional<byte[]> poll() {
        lock.lock();
        try {
            return Optional.ofNullable(outbox.poll());
        } finally {
            lock.unlock();
        }
    }

    /** {@link #poll()}, waiting up to {@code timeout} for a packet. */
    public Optional<byte[]> take(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (outbox.isEmpty() && left > 0) {
                left = sent.awaitNanos(left);
            }
            return Optional.ofNullable(outbox.poll());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands every packet the device sends to {@code listener}, on the sending thread, instead of queueing it for
     * {@link #poll}; {@code null} queues them again. The listener may inject answers.
     */
    public void onSent(Consumer<byte[]> listener) {
        this.listener = listener;
    }

    /** Packets dropped on their way in or out of this port. */
    public long dropped() {
        return dropped.get();
    }

    /** A packet the device sent, with nobody else to take it. */
    void accept(byte[] packet) {
        Consumer<byte[]> l = listener;
        if (l != null) {
            l.accept(packet);
            return;
        }
        lock.lock();
        try {
            if (outbox.size() >= QUEUE_LIMIT) {
                dropped.incrementAndGet();
                return;
            }
            outbox.add(packet);
            sent.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void countDrop() {
        dropped.incrementAndGet();
    }

    /** Empties the outbox: the interface is gone. */
    void clear() {
        lock.lock();
        try {
            outbox.clear();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "host port of in-memory " + iface.kind() + " " + name();
    }
}
