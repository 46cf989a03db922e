package dev.tappers.memory;

import dev.tappers.AddressInfo;
import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.DeviceState;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.Tap;
import dev.tappers.Tun;
import dev.tappers.spi.Checks;
import dev.tappers.spi.TappersProvider;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A deliberately broken in-memory provider, to prove the TCK can fail: its TUNs are the in-memory provider's,
 * wrapped with one planted {@link Fault}. Only {@link BrokenMemoryProviderTckTest} runs the TCK against it.
 */
final class FaultyMemoryProvider implements TappersProvider {

    /** What goes wrong. */
    enum Fault {
        /** Every tenth packet the device sends, and every tenth it would receive, is lost without a word. */
        DROPS_EVERY_TENTH_PACKET,
        /** {@code setMtu} changes only the object's own copy, which {@code mtu()} reports: the network keeps the old MTU. */
        MTU_ONLY_IN_THE_OBJECT,
        /** {@code close()} wakes a thread blocked in {@code receive} only {@value #LATE_WAKE_SECONDS} seconds later. */
        WAKES_RECEIVE_LATE_ON_CLOSE
    }

    /** Beyond the TCK's 5-second bound, and short enough that the woken thread is gone soon after the test. */
    static final int LATE_WAKE_SECONDS = 8;

    private final MemoryTappersProvider real;
    private final Fault fault;

    FaultyMemoryProvider(MemoryNetwork network, Fault fault) {
        this.real = network.provider();
        this.fault = fault;
    }

    @Override
    public String name() {
        return real.name();
    }

    /** The real provider's, less batch and event-driven I/O, which the wrapped TUN does not pass through. */
    @Override
    public Set<Feature> features() {
        Set<Feature> f = java.util.EnumSet.copyOf(real.features());
        f.remove(Feature.BATCH_IO);
        f.remove(Feature.ASYNC_IO);
        return java.util.Collections.unmodifiableSet(f);
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.empty();
    }

    @Override
    public Tun createTun(DeviceOptions options) throws IOException {
        return new FaultyTun(real.createTun(options), fault);
    }

    @Override
    public Tun openTun(InterfaceName name) throws IOException {
        return new FaultyTun(real.openTun(name), fault);
    }

    @Override
    public Tap createTap(DeviceOptions options) throws IOException {
        return real.createTap(options);
    }

    @Override
    public Tap openTap(InterfaceName name) throws IOException {
        return real.openTap(name);
    }

    /** A real in-memory TUN with the fault planted in it. */
    private static final class FaultyTun implements Tun {
        private final Tun real;
        private final Fault fault;
        private int sent;
        private int received;
        private volatile int mtu;
        private volatile boolean nonBlocking;
        private volatile long closedAt;

        FaultyTun(Tun real, Fault fault) throws IOException {
            this.real = real;
            this.fault = fault;
            this.mtu = real.mtu();
            this.nonBlocking = real.isNonBlocking();
            if (fault == Fault.WAKES_RECEIVE_LATE_ON_CLOSE) {
                real.setNonBlocking(true); // the wrapper polls, and so notices a close only when it looks
            }
        }

        @Override
        public int receive(ByteBuffer dst) throws IOException {
            if (fault == Fault.WAKES_RECEIVE_LATE_ON_CLOSE) {
                return receiveWakingLate(dst);
            }
            for (;;) {
                int n = real.receive(dst);
                if (fault == Fault.DROPS_EVERY_TENTH_PACKET && n > 0 && ++received % 10 == 0) {
                    dst.position(dst.position() - n); // lost
                    continue;
                }
                return n;
            }
        }

        private int receiveWakingLate(ByteBuffer dst) throws IOException {
            boolean waited = false;
            for (;;) {
                int n;
                try {
                    n = real.receive(dst);
                } catch (ClosedChannelException e) {
                    if (!waited) {
                        throw e;
                    }
                    long late = closedAt + TimeUnit.SECONDS.toNanos(LATE_WAKE_SECONDS);
                    while (System.nanoTime() - late < 0) {
                        sleep(50);
                    }
                    throw new AsynchronousCloseException();
                }
                if (n > 0 || nonBlocking) {
                    return n;
                }
                waited = true;
                sleep(1);
            }
        }

        private static void sleep(long millis) throws IOException {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
        }

        @Override
        public int send(ByteBuffer src) throws IOException {
            if (fault == Fault.DROPS_EVERY_TENTH_PACKET && real.isOpen() && ++sent % 10 == 0) {
                Checks.packetToSend(real.name().value(), src, maxPacketSize());
                Checks.ipVersion(real.name().value(), src);
                int n = src.remaining();
                src.position(src.limit()); // "sent"
                return n;
            }
            return real.send(src);
        }

        @Override
        public int mtu() throws IOException {
            return fault == Fault.MTU_ONLY_IN_THE_OBJECT ? checkedOpen(mtu) : real.mtu();
        }

        @Override
        public void setMtu(int mtu) throws IOException {
            if (fault != Fault.MTU_ONLY_IN_THE_OBJECT) {
                real.setMtu(mtu);
                return;
            }
            Checks.mtuInRange(real.name().value(), mtu);
            Checks.mtuKeepsIpv6(real.name().value(), mtu, real.addresses());
            this.mtu = mtu;
        }

        private int checkedOpen(int value) throws ClosedChannelException {
            if (!real.isOpen()) {
                throw new ClosedChannelException();
            }
            return value;
        }

        @Override
        public void setNonBlocking(boolean nonBlocking) throws IOException {
            if (fault == Fault.WAKES_RECEIVE_LATE_ON_CLOSE) {
                checkedOpen(0);
            } else {
                real.setNonBlocking(nonBlocking);
            }
            this.nonBlocking = nonBlocking;
        }

        @Override
        public boolean isNonBlocking() {
            return nonBlocking;
        }

        @Override
        public void close() throws IOException {
            closedAt = System.nanoTime();
            real.close();
        }

        @Override
        public void delete() throws IOException {
            closedAt = System.nanoTime();
            real.delete();
        }

        // ---- the rest as the real device does it --------------------------------------------------------------

        @Override
        public InterfaceName name() {
            return real.name();
        }

        @Override
        public int index() throws IOException {
            return real.index();
        }

        @Override
        public DeviceState state() throws IOException {
            return real.state();
        }

        @Override
        public void setState(DeviceState state) throws IOException {
            real.setState(state);
        }

        @Override
        public List<AddressInfo> addresses() throws IOException {
            return real.addresses();
        }

        @Override
        public void addAddress(AddressRequest request) throws IOException {
            real.addAddress(request);
        }

        @Override
        public void removeAddress(InetAddress address, int prefixLength) throws IOException {
            real.removeAddress(address, prefixLength);
        }

        @Override
        public boolean isCreatedByUs() {
            return real.isCreatedByUs();
        }

        @Override
        public boolean isPersistent() throws IOException {
            return real.isPersistent();
        }

        @Override
        public void setPersistent(boolean persistent) throws IOException {
            real.setPersistent(persistent);
        }

        @Override
        public boolean isOpen() {
            return real.isOpen();
        }

        @Override
        public int maxPacketSize() {
            return real.maxPacketSize();
        }
    }
}
