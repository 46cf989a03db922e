package dev.tappers.linux;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.InterfaceName;
import dev.tappers.NetworkNamespace;
import dev.tappers.NoSuchDeviceException;
import dev.tappers.Tun;
import dev.tappers.Veth;
import dev.tappers.VethEnd;
import dev.tappers.VethOptions;
import dev.tappers.linux.jna.SyscallException;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Linux side of namespaces the TCK cannot see: which thread a configuration step runs on, that nothing
 * leaks (descriptors, threads), that a forgotten namespace object lets its thread go, that named namespaces are
 * iproute2-style bind mounts, the provider-specific refusals, and what moving a device changes beyond the move
 * (a vETH end's namespace, configuration racing a move).
 */
class LinuxNamespaceTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    static {
        TestNamespaceDirectory.use();
    }

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    private static String freshName(String prefix) {
        return prefix + ProcessHandle.current().pid() % 10_000 + "x" + COUNTER.incrementAndGet();
    }

    // ---- where configuration steps run ----------------------------------------------------------------------

    @Test
    void stepInTheCallersOwnNamespace_runsInline() throws Exception {
        HomeNamespace home = HomeNamespace.ofCurrentThread();
        assertTrue(home.isCurrentThreadInside());
        assertSame(Thread.currentThread(), home.call(Thread::currentThread), "no thread hop");
        assertEquals(Optional.empty(), home.owner());
    }

    @Test
    void stepOfANamespacesDevice_runsOnThatNamespacesThread_andInlineOnIt() throws Exception {
        try (LinuxNamespace ns = (LinuxNamespace) LinuxNamespaces.create(null)) {
            Thread nsThread = ns.call(Thread::currentThread);
            HomeNamespace home = ns.call(HomeNamespace::ofCurrentThread);
            assertSame(ns.home(), home, "a device made inside remembers the namespace object");
            assertSame(nsThread, home.call(Thread::currentThread), "from outside, on the namespace's own thread");
            assertSame(nsThread, ns.call(() -> home.call(Thread::currentThread)), "on that thread, inline");
            // A thread started by a task inside the namespace is inside it, and finds the object too.
            HomeNamespace fromChild = ns.call(() -> onNewThread(HomeNamespace::ofCurrentThread));
            assertSame(ns.home(), fromChild);
        }
    }

    @Test
    void stepOfAMainNamespaceDevice_calledFromInsideANamespace_visitsTheMainNamespace() throws Exception {
        HomeNamespace main = HomeNamespace.ofCurrentThread();
        try (NetworkNamespace ns = LinuxNamespaces.create(null)) {
            Thread nsThread = ns.call(Thread::currentThread);
            Thread[] ranOn = new Thread[1];
            long inode = ns.call(() -> main.call(() -> {
                ranOn[0] = Thread.currentThread();
                return NamespaceInodes.ofCurrentThread();
            }));
            assertEquals(main.inode(), inode, "the step ran inside the device's namespace");
            assertNotSame(nsThread, ranOn[0]);
            assertNotSame(Thread.currentThread(), ranOn[0]);
            ranOn[0].join(5_000);
            assertFalse(ranOn[0].isAlive(), "the visiting thread ends with its step");
        }
    }

    @Test
    void stepsThatCrossBackIntoABusyNamespace_doNotDeadlock() throws Exception {
        try (LinuxNamespace a = (LinuxNamespace) LinuxNamespaces.create(null);
             LinuxNamespace b = (LinuxNamespace) LinuxNamespaces.create(null)) {
            // a's thread waits for b's, which runs a step of a device in a: a's thread cannot take it.
            CompletableFuture<Long> result = CompletableFuture.supplyAsync(() -> unchecked(() ->
                    a.call(() -> b.call(() -> a.home().call(NamespaceInodes::ofCurrentThread)))), Runnable::run);
            assertEquals(a.inode(), result.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void deviceMadeInsideAClosedNamespace_saysWhyItCannotBeConfigured() throws Exception {
        LinuxNamespace ns = (LinuxNamespace) LinuxNamespaces.create(null);
        String name = freshName("h5c");
        Tun tun = ns.call(() -> LinuxTestSupport.PROVIDER.createTun(DeviceOptions.named(name)));
        try {
            ns.close();
            // The OS thread outlives the Java thread by a moment, and is still inside then: let it go.
            awaitEqual(0, () -> threadsIn(ns.inode()).isEmpty() ? 0L : 1L, "threads inside the closed namespace");
            // The TUN's descriptor keeps the namespace alive, but no thread of this process is inside any more.
            IOException e = assertThrows(IOException.class, tun::mtu, () -> "threads inside: " + threadsIn(ns.inode()));
            assertTrue(e.getMessage().contains("was closed"), e.getMessage());
        } finally {
            tun.close(); // closing needs no namespace
        }
    }

    // ---- nothing leaks --------------------------------------------------------------------------------------

    @Test
    void namespacesVethsAndFrameSockets_leaveNoDescriptorOrThreadBehind() throws Exception {
        exercise(); // warm up: classes, JNA, lazily opened JDK files
        long fds = openDescriptors();
        int threads = liveThreads();
        for (int i = 0; i < 3; i++) {
            exercise();
        }
        awaitEqual(fds, LinuxNamespaceTest::openDescriptors, "open descriptors (/proc/self/fd)");
        awaitEqual(threads, () -> (long) liveThreads(), "live threads");
        assertEquals(0, namespaceThreads(), "no tappers-netns thread is left");
        awaitEqual(0, LinuxNamespaceTest::threadsInOtherNamespaces,
                "threads of this process outside its own network namespace (a helper thread started inside one?)");
    }

    /** The names of this process's OS threads in the namespace {@code inode}, for failure messages. */
    private static String threadsIn(long inode) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return (Long) Files.getAttribute(t.resolve("ns/net"), "unix:ino") == inode;
                } catch (IOException e) {
                    return false;
                }
            }).map(t -> {
                try {
                    return t.getFileName() + ":" + Files.readString(t.resolve("comm")).trim();
                } catch (IOException e) {
                    return t.getFileName().toString();
                }
            }).collect(java.util.stream.Collectors.joining(", "));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** OS threads of this process whose network namespace is not the main thread's. */
    private static long threadsInOtherNamespaces() throws IOException {
        long process = NamespaceInodes.ofProcess();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return (Long) Files.getAttribute(t.resolve("ns/net"), "unix:ino") != process;
                } catch (IOException e) {
                    return false; // ended while we looked
                }
            }).count();
        }
    }

    private static void exercise() throws Exception {
        String named = freshName("h5leak");
        try (NetworkNamespace anonymous = LinuxNamespaces.create(null);
             NetworkNamespace created = LinuxNamespaces.create(named);
             NetworkNamespace opened = LinuxNamespaces.open(named)) {
            assertEquals(1, (int) anonymous.call(() -> 1));
            assertEquals(opened.call(NamespaceInodes::ofCurrentThread), created.call(NamespaceInodes::ofCurrentThread));
            String one = freshName("h5l");
            String two = freshName("h5m");
            try (Veth veth = anonymous.call(() -> LinuxTestSupport.PROVIDER.createVeth(
                    VethOptions.named(one, two).withPeerNamespace(created)))) {
                veth.peer().up(); // a step run in another namespace, from here
                veth.end().mtu();
                veth.end().openFrameSocket().close();
            }
            try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.named(one))) {
                anonymous.moveInterface(tun.name());
            }
            created.delete();
        }
    }

    private static long openDescriptors() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int liveThreads() {
        return Thread.getAllStackTraces().size();
    }

    private static long namespaceThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("tappers-netns")).count();
    }

    private static void awaitEqual(long expected, Callable<Long> actual, String what) throws Exception {
        long last = -1;
        for (int i = 0; i < 100; i++) {
            last = actual.call();
            if (last == expected) {
                return;
            }
            Thread.sleep(50);
        }
        fail(what + ": " + expected + " before, " + last + " after");
    }

    @Test
    void forgottenNamespaceObject_letsItsThreadEnd() throws Exception {
        long before = namespaceThreads();
        forget();
        for (int i = 0; i < 200 && namespaceThreads() > before; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertEquals(before, namespaceThreads(), "the thread of a namespace object nobody refers to ends by itself");
    }

    /** Makes a namespace and drops it without closing it. */
    private static void forget() throws Exception {
        NetworkNamespace ns = LinuxNamespaces.create(null);
        assertEquals(2, (int) ns.call(() -> 2));
    }

    // ---- named namespaces are iproute2's ----------------------------------------------------------------------

    @Test
    void namedNamespace_isABindMountInTheDirectory_goneAfterDelete() throws Exception {
        String name = freshName("h5named");
        Path file = LinuxNamespaces.directory().resolve(name);
        LinuxNamespace ns = (LinuxNamespace) LinuxNamespaces.create(name);
        try {
            assertEquals(ns.inode(), NamespaceInodes.ofPath(file), file + " is the namespace, as `ip netns` makes it");
            assertNotEquals(NamespaceInodes.ofCurrentThread(), ns.inode());
            assertTrue(Files.readString(Path.of("/proc/self/mountinfo")).contains(file.toString()));
        } finally {
            ns.delete();
        }
        assertFalse(Files.exists(file));
        assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(file.toString()));
        assertThrows(IOException.class, ns::delete, "a deleted namespace is closed");
    }

    @Test
    void closingFromInsideItsOwnTask_endsTheThreadAfterTheTask() throws Exception {
        NetworkNamespace ns = LinuxNamespaces.create(null);
        Thread thread = ns.call(Thread::currentThread);
        assertEquals("done", ns.call(() -> {
            ns.close();
            return "done";
        }));
        thread.join(5_000);
        assertFalse(thread.isAlive());
        assertFalse(ns.isOpen());
    }

    @Test
    void openingAFileThatIsNoNamespace_failsAndLeavesNoThread() throws Exception {
        long before = namespaceThreads();
        String name = freshName("h5file");
        Path file = LinuxNamespaces.directory().resolve(name);
        Files.writeString(file, "not a namespace");
        try {
            IOException e = assertThrows(IOException.class, () -> LinuxNamespaces.open(name));
            assertTrue(e.getMessage().contains("not a network namespace"), e.getMessage());
        } finally {
            Files.delete(file);
        }
        awaitEqual(before, LinuxNamespaceTest::namespaceThreads, "tappers-netns threads");
    }

    // ---- provider-specific refusals -----------------------------------------------------------------------------

    @Test
    void peerNamespaceFromAnotherProvider_isRefusedBeforeAnythingIsMade() {
        NetworkNamespace foreign = foreignNamespace();
        String one = freshName("h5f");
        assertThrows(IllegalArgumentException.class, () -> LinuxVeths.create(
                VethOptions.named(one, freshName("h5g")).withPeerNamespace(foreign)));
        SyscallException e = assertThrows(SyscallException.class, () -> Syscalls.interfaceIndex(one));
        assertEquals(dev.tappers.linux.jna.LinuxConstants.ENODEV, e.errno(), "nothing was made");
    }

    @Test
    void frameSocketOnATun_isRefused() throws Exception {
        try (NetworkNamespace ns = LinuxNamespaces.create(null)) {
            String name = freshName("h5t");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ns.call(() -> {
                try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.named(name))) {
                    return LinuxFrameSockets.open(tun.name());
                }
            }));
            assertTrue(e.getMessage().contains("link-layer header"), e.getMessage());
        }
    }

    @Test
    void vethCreatedWithAClosedPeerNamespace_failsClearly() throws Exception {
        NetworkNamespace ns = LinuxNamespaces.create(null);
        ns.close();
        IOException e = assertThrows(IOException.class, () -> LinuxVeths.create(
                VethOptions.named(freshName("h5p"), freshName("h5q")).withPeerNamespace(ns)));
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    }

    // ---- moving a device with NetworkDevice.moveTo ---------------------------------------------------------------
    // The TCK's DeviceMoveConformanceTest covers the move itself; these are what it cannot see.

    @Test
    void aMovedVethEndNamesItsNewNamespace_andClosingThePairStillDeletesBothEnds() throws Exception {
        try (NetworkNamespace ns = LinuxNamespaces.create(null)) {
            String end = freshName("mve");
            String peer = freshName("mvp");
            Veth veth = LinuxVeths.create(VethOptions.named(end, peer));
            VethEnd moved = veth.peer();
            assertEquals(Optional.empty(), moved.namespace(), "the peer starts in the pair's own namespace");

            moved.moveTo(ns);
            assertEquals(Optional.of(ns), moved.namespace(), "namespace() follows the move");
            assertTrue(existsIn(ns, peer));
            moved.setMtu(1400);
            assertEquals(1400, (int) ns.call(() -> Syscalls.mtu(peer)), "configured inside ns");
            assertTrue(veth.toString().contains("in " + ns), veth.toString());

            veth.close();
            assertFalse(existsIn(ns, peer), "closing the pair deletes the moved end");
            assertFalse(LinuxTestSupport.interfaceNames().contains(end), "and the end left here");
        }
    }

    @Test
    void aVethEndMovedBackNamesNoNamespace() throws Exception {
        try (NetworkNamespace ns = LinuxNamespaces.create(null);
             Veth veth = LinuxVeths.create(VethOptions.named(freshName("mbe"), freshName("mbp")).withPeerNamespace(ns))) {
            assertEquals(Optional.of(ns), veth.peer().namespace());
            NetworkNamespace origin = LinuxNamespaces.create(null);
            try {
                // Not the pair's namespace: a fresh one, so the end is named there.
                veth.peer().moveTo(origin);
                assertEquals(Optional.of(origin), veth.peer().namespace());
            } finally {
                veth.peer().moveTo(ns);
                origin.close();
            }
            assertEquals(Optional.of(ns), veth.peer().namespace());
        }
    }

    @Test
    void aNamespaceOfAnotherProviderIsRefusedBeforeAnythingMoves() throws Exception {
        String name = freshName("mvf");
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.named(name))) {
            NetworkNamespace foreign = foreignNamespace();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tun.moveTo(foreign));
            assertTrue(e.getMessage().contains("move " + name), e.getMessage());
            assertTrue(LinuxTestSupport.interfaceNames().contains(name));
        }
    }

    @Test
    void movingIntoAClosedNamespaceSaysWhichAndWhy() throws Exception {
        NetworkNamespace ns = LinuxNamespaces.create(null);
        ns.close();
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.named(freshName("mvc")))) {
            ClosedChannelException e = assertThrows(ClosedChannelException.class, () -> tun.moveTo(ns));
            assertTrue(e.getMessage().startsWith("move into network namespace net:["), e.getMessage());
            assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
            assertTrue(LinuxTestSupport.interfaceNames().contains(tun.name().value()));
        }
    }

    /**
     * Two readers configure the device while it moves back and forth: one from an ordinary thread, one from a task
     * on the thread of a namespace the device keeps leaving and entering (a step sent there while that thread is
     * busy must not wait for it). Each read sees the device's own MTU (kept across moves) and addresses (none), or
     * finds the device gone from where it looked, mid-move; never the decoy's, which holds the moving device's
     * first index in the other namespace; and nothing hangs. A smoke test: the window in which a step could pair
     * one namespace with the other's index is far too short to hit on purpose.
     */
    @Test
    void configurationRacingMovesSeesTheDeviceOrNoDevice_andNeverWaitsForABusyNamespace() throws Exception {
        try (NetworkNamespace a = LinuxNamespaces.create(null);
             NetworkNamespace b = LinuxNamespaces.create(null);
             Tun tun = a.call(() -> LinuxTestSupport.PROVIDER.createTun(DeviceOptions.named(freshName("mvr"))));
             Tun decoy = b.call(() -> LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults()))) {
            decoy.setMtu(1280);
            decoy.addAddress(AddressRequest.parse("198.51.100.99/24"));
            tun.setMtu(1420);
            AtomicBoolean moving = new AtomicBoolean(true);
            AtomicInteger reads = new AtomicInteger();
            Callable<Void> read = () -> {
                for (int i = 0; i < 100_000 && moving.get(); i++) {
                    try {
                        assertEquals(1420, tun.mtu());
                        assertEquals(List.of(), tun.addresses());
                        reads.incrementAndGet();
                    } catch (NoSuchDeviceException midMove) {
                        // Looked where the device had just left.
                    }
                }
                return null;
            };
            CompletableFuture<Void> outside = CompletableFuture.runAsync(() -> {
                try {
                    read.call();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            CompletableFuture<Void> inside = CompletableFuture.runAsync(() -> {
                try {
                    a.call(read);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            try {
                for (int i = 0; i < 20; i++) {
                    tun.moveTo(i % 2 == 0 ? b : a);
                }
            } finally {
                moving.set(false);
            }
            outside.get(30, TimeUnit.SECONDS);
            inside.get(30, TimeUnit.SECONDS);
            assertTrue(reads.get() > 0, "no read got through");
            assertEquals(1420, tun.mtu());
            assertTrue(existsIn(a, tun.name().value()), "20 moves end where they began");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** A namespace object of some other provider: the Linux one must refuse it before any system call. */
    private static NetworkNamespace foreignNamespace() {
        return new NetworkNamespace() {
            @Override
            public Optional<String> name() {
                return Optional.empty();
            }

            @Override
            public <T> T call(Callable<T> task) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void moveInterface(InterfaceName name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void delete() {
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
    }

    private static boolean existsIn(NetworkNamespace ns, String name) throws Exception {
        return ns.call(() -> LinuxTestSupport.interfaceNames().contains(name));
    }



    private static <T> T onNewThread(Callable<T> body) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "h5-child");
        t.start();
        try {
            return result.get(10, TimeUnit.SECONDS);
        } finally {
            t.join(5_000);
        }
    }

    private static <T> T unchecked(Callable<T> body) {
        try {
            return body.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
