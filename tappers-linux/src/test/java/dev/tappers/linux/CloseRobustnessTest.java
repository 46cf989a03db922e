package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.Tun;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Close releases the descriptor even when the closing thread was interrupted, or when a thread lingers. */
class CloseRobustnessTest {


    @Test
    void anInterruptedCloserStillWakesTheReaderAndRemovesTheDevice() throws Exception {
        HermeticNetwork.require();
        Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults());
        String name = tun.name().value();
        CompletableFuture<Throwable> reader = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                tun.receive(ByteBuffer.allocateDirect(tun.maxPacketSize()));
                reader.complete(null);
            } catch (Throwable e) {
                reader.complete(e);
            }
        }, "blocked-reader");
        t.start();
        Thread.sleep(200); // let it block in receive
        Thread.currentThread().interrupt(); // e.g. a close in a finally after an interrupt was restored
        try {
            tun.close();
            assertTrue(Thread.interrupted(), "close keeps the caller's interrupt (and this clears it)");
        } finally {
            Thread.interrupted();
        }
        assertInstanceOf(AsynchronousCloseException.class, reader.get(10, TimeUnit.SECONDS));
        assertFalse(LinuxTestSupport.interfaceNames().contains(name), "the descriptor was released, so the device is gone");
    }

    @Test
    void aReleaseLeftByCloseRunsWhenTheLastThreadLeaves() throws Exception {
        DescriptorGuard guard = new DescriptorGuard();
        AtomicInteger released = new AtomicInteger();
        guard.enter();
        guard.enter();
        assertTrue(guard.markClosed());
        assertFalse(guard.awaitDrained(10), "two threads are still inside");
        guard.whenDrained(released::incrementAndGet);
        guard.exit();
        assertEquals(0, released.get(), "one thread is still inside");
        guard.exit();
        assertEquals(1, released.get(), "the last thread out released it");
        guard.whenDrained(released::incrementAndGet);
        assertEquals(2, released.get(), "with nobody inside it runs at once");
    }
}
