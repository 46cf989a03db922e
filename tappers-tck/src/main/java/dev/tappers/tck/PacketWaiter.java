package dev.tappers.tck;

import dev.tappers.PacketDevice;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Receives from a device until a wanted packet turns up, within a time and packet budget. The kernel emits
 * packets of its own on a new interface (IPv6 router solicitations, MLD reports, neighbour discovery), so a test
 * waits for <em>its</em> packet and passes over the rest.
 *
 * <p>Receiving runs on a helper thread and the test thread waits a bounded time: if the packet never comes
 * the device is closed, which wakes the helper, and the test fails listing what did arrive. A test never hangs,
 * whether the device is blocking or not.
 */
final class PacketWaiter {
    /** The most packets looked at before giving up, whatever the time. */
    static final int MAX_PACKETS = 1000;

    /** Looks at one received packet: a result ends the wait; empty means "not this one, keep going". */
    @FunctionalInterface
    interface Handler<T> {
        Optional<T> handle(byte[] packet) throws IOException;
    }

    private PacketWaiter() {
    }

    /**
     * Receives into {@code buffer} (from its position, which each round restores) until {@code handler} gives a
     * result. Checks on every packet that {@code receive} advanced the position by exactly the length it returned.
     *
     * @param describe turns a packet into a line for the failure message
     */
    static <T> T await(PacketDevice device, ByteBuffer buffer, Duration timeout, Handler<T> handler,
                       Function<byte[], String> describe) throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tappers-tck-receive " + device.name());
            t.setDaemon(true);
            return t;
        });
        try {
            Future<T> result = helper.submit(() -> {
                int start = buffer.position();
                for (int i = 0; i < MAX_PACKETS && System.nanoTime() - deadline < 0; i++) {
                    buffer.limit(buffer.capacity()).position(start);
                    int n = device.receive(buffer);
                    if (n == 0) {
                        // Nonblocking and nothing there yet.
                        NetworkInterfaceOracle.sleep(5);
                        continue;
                    }
                    assertEquals(start + n, buffer.position(), "receive returned " + n
                            + " but moved the buffer position from " + start + " to " + buffer.position());
                    byte[] packet = new byte[n];
                    buffer.duplicate().position(start).get(packet);
                    seen.add(describe.apply(packet));
                    Optional<T> r = handler.handle(packet);
                    if (r.isPresent()) {
                        return r.get();
                    }
                }
                throw new AssertionError("the wanted packet did not arrive on " + device.name() + " within "
                        + MAX_PACKETS + " packets and " + timeout.toMillis() + " ms; received: " + seen);
            });
            try {
                return result.get(timeout.toNanos() + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                device.close(); // wakes the helper blocked in receive
                try {
                    result.get(2, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException ignored) {
                    // the failure below says what matters
                }
                fail("the wanted packet did not arrive on " + device.name() + " within " + timeout.toMillis()
                        + " ms (the device was closed to end the wait); received: " + seen);
                throw new AssertionError("unreachable");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception) {
                    throw (Exception) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw e;
            }
        } finally {
            helper.shutdownNow();
        }
    }
}
