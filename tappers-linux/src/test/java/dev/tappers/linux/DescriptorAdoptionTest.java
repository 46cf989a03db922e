package dev.tappers.linux;

import dev.tappers.Tap;
import dev.tappers.TappersException;
import dev.tappers.Tun;
import dev.tappers.DeviceOptions;
import dev.tappers.linux.jna.DescriptorCalls;
import dev.tappers.linux.jna.ForeignDescriptors;
import dev.tappers.linux.jna.ForeignDescriptors.Foreign;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.tappers.linux.jna.LinuxConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linux details of adopting and passing descriptors that the TCK cannot express: descriptors with a packet
 * header, /dev/net/tun attached to nothing, what the messages say, a sender that passes no descriptor, the
 * sender's retry and its errors, and interruption.
 */
class DescriptorAdoptionTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private Path scratch;

    @BeforeEach
    void prepare() throws IOException {
        HermeticNetwork.require();
        scratch = Files.createTempDirectory("tappers-h7");
    }

    @AfterEach
    void release() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        try (Stream<Path> tree = Files.walk(scratch)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    private static String name(String kind) {
        return "h7" + kind + ProcessHandle.current().pid() % 1000 + "x" + NEXT.incrementAndGet();
    }

    // ---- adopting ------------------------------------------------------------------------------------------

    @Test
    void aTunWithPacketInformationIsRefusedAndLeftOpen() throws IOException {
        Foreign withPi = track(ForeignDescriptors.tunTap(name("t"), IFF_TUN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> track(Tun.adopt(withPi.descriptor(), true)));
        assertTrue(e.getMessage().startsWith("adopt TUN descriptor " + withPi.descriptor() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("IFF_NO_PI") && e.getMessage().contains(withPi.interfaceName()), e.getMessage());
        assertTrue(DescriptorCalls.isOpen(withPi.descriptor()), "a refused owned descriptor was closed");
    }

    @Test
    void aTapWithVirtioHeadersIsRefused() throws IOException {
        Foreign vnet = track(ForeignDescriptors.tunTap(name("a"), (short) (IFF_TAP | IFF_NO_PI | dev.tappers.linux.jna.LinuxConstants.IFF_VNET_HDR)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> track(Tap.adopt(vnet.descriptor(), false)));
        assertTrue(e.getMessage().contains("IFF_VNET_HDR"), e.getMessage());
    }

    @Test
    void tunControlAttachedToNothingIsRefusedSayingSo() throws IOException {
        Foreign bare = track(ForeignDescriptors.unattachedTunControl());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> track(Tun.adopt(bare.descriptor(), true)));
        assertTrue(e.getMessage().contains("/dev/net/tun but attached to no interface"), e.getMessage());
        assertTrue(e.getMessage().contains("EBADFD"), e.getMessage());
    }

    @Test
    void aPipeIsRefusedSayingWhatItIs() throws IOException {
        Foreign pipe = track(ForeignDescriptors.pipe());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> track(Tap.adopt(pipe.descriptor(), true)));
        assertTrue(e.getMessage().contains("descriptor " + pipe.descriptor() + " (pipe:["), e.getMessage());
        assertTrue(e.getMessage().contains("is not a TUN/TAP device") && e.getMessage().contains("ENOTTY"), e.getMessage());
    }

    @Test
    void aNumberThatIsNotOpenIsRefused() {
        int unused = 1_000_000; // above any open-files limit, so never open
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> track(Tun.adopt(unused, true)));
        assertTrue(e.getMessage().contains("is not open in this process") && e.getMessage().contains("EBADF"), e.getMessage());
    }

    @Test
    void adoptionMakesTheFileNonblockingSoCloseWakesABlockedReceive() throws Exception {
        Foreign foreign = track(ForeignDescriptors.tun(name("t")));
        assertEquals(0, DescriptorCalls.statusFlags(foreign.descriptor()) & O_NONBLOCK, "the foreign TUN starts blocking");
        Tun tun = track(Tun.adopt(foreign.descriptor(), false));
        assertFalse(tun.isNonBlocking(), "an adopted device starts in blocking mode");
        // The flag is on the open file, which the caller's descriptor shares (documented).
        assertTrue((DescriptorCalls.statusFlags(foreign.descriptor()) & O_NONBLOCK) != 0);
        CompletableFuture<Throwable> receiver = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                tun.receive(ByteBuffer.allocateDirect(tun.maxPacketSize()));
                receiver.complete(null);
            } catch (Throwable e) {
                receiver.complete(e);
            }
        }, "h7-blocked-receive");
        t.setDaemon(true);
        t.start();
        Thread.sleep(200);
        assertFalse(receiver.isDone(), "receive returned without a packet: " + receiver.getNow(null));
        tun.close();
        assertInstanceOf(AsynchronousCloseException.class, receiver.get(WAIT.toMillis(), TimeUnit.MILLISECONDS),
                "a receive blocked on an adopted device when it closed");
        assertTrue(DescriptorCalls.isOpen(foreign.descriptor()), "closing a device adopted without ownership closed the original");
    }

    // ---- receiving -----------------------------------------------------------------------------------------

    @Test
    void aSenderThatPassesNoDescriptorIsRefused() throws Exception {
        Path socket = scratch.resolve("plain.sock");
        CompletableFuture<Tun> receiving = CompletableFuture.supplyAsync(() -> receive(socket));
        try (SocketChannel client = connect(socket)) {
            client.write(ByteBuffer.wrap("tun0".getBytes(StandardCharsets.UTF_8)));
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> receiving.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        Throwable cause = e.getCause().getCause();
        assertInstanceOf(IOException.class, cause);
        assertTrue(cause.getMessage().contains("passed 0 descriptors with the message \"tun0\"; exactly one is expected"),
                cause.getMessage());
        assertFalse(Files.exists(socket), "the socket file was left behind");
    }

    @Test
    void aTapPassesThroughReceiveTap() throws Exception {
        Path socket = scratch.resolve("tap.sock");
        CompletableFuture<Tap> receiving = CompletableFuture.supplyAsync(() -> {
            try {
                return DescriptorAdoption.receiveTap(socket, WAIT);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Tap sender = track(Tap.create());
        awaitFile(socket);
        sender.sendDescriptor(socket);
        Tap received = track(receiving.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(sender.name(), received.name());
        assertEquals(sender.index(), received.index());
        assertEquals(sender.mac(), received.mac(), "both objects configure the same interface");
    }

    @Test
    void anInterruptEndsTheWaitPromptly() throws Exception {
        Path socket = scratch.resolve("interrupted.sock");
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                DescriptorAdoption.receiveTun(socket, Duration.ofMinutes(5));
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        }, "h7-interrupted-receive");
        t.setDaemon(true);
        t.start();
        awaitFile(socket);
        t.interrupt();
        Throwable e = outcome.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertInstanceOf(InterruptedIOException.class, e, "receive after an interrupt");
        assertFalse(Files.exists(socket), "the socket file was left behind");
    }

    // ---- sending -------------------------------------------------------------------------------------------

    @Test
    void sendingToAStaleSocketFileSaysNothingListens() throws Exception {
        Path stale = scratch.resolve("stale.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(stale)); // closing leaves the file: a stale socket
        }
        Tun tun = track(Tun.create());
        long start = System.nanoTime();
        TappersException e = assertThrows(TappersException.class, () -> tun.sendDescriptor(stale));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("ECONNREFUSED", e.errnoName());
        assertTrue(e.getMessage().contains("nothing listens on that socket"), e.getMessage());
        assertTrue(tookMillis >= DescriptorAdoption.REFUSED_RETRY_MILLIS - 50 && tookMillis < 10_000,
                "a refused connection is retried for about " + DescriptorAdoption.REFUSED_RETRY_MILLIS + " ms, took " + tookMillis);
    }

    @Test
    void sendingToAMissingSocketNamesThePathAndTheFix() throws Exception {
        Tun tun = track(Tun.create(DeviceOptions.defaults()));
        Path missing = scratch.resolve("missing.sock");
        TappersException e = assertThrows(TappersException.class, () -> tun.sendDescriptor(missing));
        assertEquals("ENOENT", e.errnoName());
        assertTrue(e.getMessage().startsWith("send descriptor to " + missing + " [connect(AF_UNIX)] on " + tun.name()),
                e.getMessage());
        assertTrue(e.getMessage().contains("start the receiver"), e.getMessage());
    }

    @Test
    void sendingRefusesATooLongPathAndAClosedDevice() throws Exception {
        Tun tun = Tun.create();
        Path longPath = scratch.resolve("s".repeat(120));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tun.sendDescriptor(longPath));
        assertTrue(e.getMessage().startsWith("send descriptor of " + tun.name()), e.getMessage());
        tun.close();
        assertThrows(ClosedChannelException.class, () -> tun.sendDescriptor(scratch.resolve("x.sock")));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static Tun receive(Path socket) {
        try {
            return DescriptorAdoption.receiveTun(socket, WAIT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Connects to the receiver's socket once it listens (it binds a moment before). */
    private static SocketChannel connect(Path socket) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return SocketChannel.open(UnixDomainSocketAddress.of(socket));
            } catch (ConnectException | java.nio.file.NoSuchFileException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
            } catch (java.net.SocketException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
            }
            Thread.sleep(10);
        }
    }

    private static void awaitFile(Path socket) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(socket)) {
            assertTrue(System.nanoTime() - deadline < 0, "no socket at " + socket);
            Thread.sleep(10);
        }
    }
}
