package dev.tappers.tck;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.DeviceState;
import dev.tappers.Feature;
import dev.tappers.InterfaceName;
import dev.tappers.NetworkNamespace;
import dev.tappers.Tun;
import dev.tappers.Veth;
import dev.tappers.VethOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import static dev.tappers.tck.NetworkInterfaceOracle.eventually;
import static dev.tappers.tck.NetworkInterfaceOracle.exists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conformance of network namespaces: tasks run on the namespace's own thread inside it; named namespaces can be
 * opened by name and deleted; an interface moved in leaves the caller's namespace and appears in the new one;
 * devices made inside stay configurable from outside; deleting a namespace removes its interfaces. The oracle is
 * the JDK's {@link java.net.NetworkInterface} (and {@code /proc/thread-self/net/dev}) asked from a thread inside each
 * namespace.
 *
 * <pre>{@code
 * class LinuxNamespaceConformanceTest extends NamespaceConformanceTest {
 *     protected TappersProvider provider() { return new LinuxTappersProvider(); }
 * }
 * }</pre>
 */
@RequiresFeature(Feature.NAMESPACES)
public abstract class NamespaceConformanceTest extends NamespaceTestBase {

    protected NamespaceConformanceTest() {
    }

    @Test
    void anonymousNamespace_runsEveryTaskOnItsOwnThreadInsideAFreshNamespace() throws Exception {
        NetworkNamespace ns = anonymousNamespace();
        assertTrue(ns.isOpen());
        assertEquals(Optional.empty(), ns.name());

        Thread first = ns.call(Thread::currentThread);
        Thread second = ns.call(Thread::currentThread);
        assertSame(first, second, "every task runs on the namespace's one thread");
        assertNotSame(Thread.currentThread(), first);

        assertNotEquals(threadNamespace(), ns.call(NamespaceTestBase::threadNamespace),
                "the task runs in another network namespace than the caller's");
        assertEquals(Set.of("lo"), ns.call(NetworkInterfaceOracle::procNetDevNames),
                "a fresh namespace holds only the loopback interface");
    }

    @Test
    void call_returnsTheResult_andRethrowsWhatTheTaskThrewAsItIs() throws Exception {
        NetworkNamespace ns = anonymousNamespace();
        assertEquals(42, ns.call(() -> 42));

        IOException checked = new IOException("checked, from inside");
        assertSame(checked, assertThrows(IOException.class, () -> ns.call(() -> {
            throw checked;
        })));
        IllegalStateException unchecked = new IllegalStateException("unchecked, from inside");
        assertSame(unchecked, assertThrows(IllegalStateException.class, () -> ns.call(() -> {
            throw unchecked;
        })));
        AssertionError error = new AssertionError("an error, from inside");
        assertSame(error, assertThrows(AssertionError.class, () -> ns.call(() -> {
            throw error;
        })));

        assertEquals("still serving", ns.call(() -> "still serving"), "a task that threw does not stop the thread");
        assertEquals(7, ns.call(() -> ns.call(() -> 7)), "a task may call into its own namespace");
    }

    @Test
    void closedNamespace_refusesTasks_andClosingTwiceIsHarmless() throws Exception {
        NetworkNamespace ns = provider().createNamespace(null);
        Thread thread = ns.call(Thread::currentThread);
        ns.close();
        assertFalse(ns.isOpen());
        assertThrows(IOException.class, () -> ns.call(() -> 1));
        ns.close();
        thread.join(5_000);
        assertFalse(thread.isAlive(), "close ends the namespace's thread");
    }

    @Test
    @RequiresFeature(Feature.TUN)
    void namedNamespace_canBeOpenedByName_andIsGoneAfterDelete() throws Exception {
        String name = freshNamespaceName();
        NetworkNamespace created = track(provider().createNamespace(name));
        assertEquals(Optional.of(name), created.name());

        NetworkNamespace opened = track(provider().openNamespace(name));
        assertEquals(Optional.of(name), opened.name());
        assertEquals(created.call(NamespaceTestBase::threadNamespace), opened.call(NamespaceTestBase::threadNamespace),
                "opening by name gives the same namespace");
        assertNotEquals(threadNamespace(), opened.call(NamespaceTestBase::threadNamespace));

        String tunName = freshName("tkns");
        Tun tun = track(created.call(() -> provider().createTun(DeviceOptions.named(tunName))));
        assertTrue(existsIn(opened, tunName), "a device made in one handle is seen through the other");
        assertFalse(exists(tunName), "and not in the caller's namespace");
        tun.close();

        opened.close();
        assertTrue(created.isOpen(), "closing one handle leaves the other");
        created.delete();
        assertFalse(created.isOpen(), "delete closes the object");
        assertThrows(IOException.class, () -> provider().openNamespace(name), "the name is gone after delete");
    }

    @Test
    @RequiresFeature({Feature.TUN, Feature.IPV4_ADDRESSES, Feature.SET_STATE, Feature.SET_MTU})
    void deviceMadeInsideANamespace_isConfiguredThereFromAnyThread() throws Exception {
        NetworkNamespace ns = anonymousNamespace();
        String name = freshName("tkns");
        Tun tun = track(ns.call(() -> provider().createTun(DeviceOptions.named(name))));
        assertFalse(exists(name), "the device is made inside the namespace, not in the caller's");

        // Configured from this thread, which is outside the device's namespace.
        tun.setMtu(1400);
        tun.addAddress(AddressRequest.parse("198.51.100.10/24"));
        tun.up();
        assertEquals(DeviceState.UP, tun.state());
        assertEquals(1400, tun.mtu());

        Seen seen = awaitSeen(ns, name, Seen::up, "up and running");
        assertEquals(1400, seen.mtu());
        assertTrue(seen.addresses().contains("198.51.100.10/24"), "the address was added in the device's namespace");
        assertFalse(NetworkInterfaceOracle.addresses(name).contains("198.51.100.10/24"));

        tun.close();
        eventuallyGoneFrom(ns, name, "closing the device removes it from its namespace");
    }

    /**
     * The device is made persistent and its handle closed before the move: moving takes its addresses away, and
     * NetworkInterface lists only interfaces with an address, so it is opened again inside to get one.
     */
    @Test
    @RequiresFeature({Feature.TUN, Feature.PERSISTENCE, Feature.OPEN_EXISTING, Feature.IPV4_ADDRESSES, Feature.SET_STATE})
    void movedInterface_leavesTheCallersNamespace_andAppearsInTheNewOne() throws Exception {
        NetworkNamespace ns = anonymousNamespace();
        String name = freshName("tknm");
        Tun here = provider().createTun(DeviceOptions.named(name).withPersistent(true));
        try {
            here.addAddress(AddressRequest.parse("198.51.100.20/24"));
            here.up();
            assertTrue(NetworkInterfaceOracle.find(name).isPresent(), "NetworkInterface sees " + name + " here first");
        } finally {
            here.close(); // persistent: the interface stays
        }
        assertTrue(exists(name));
        assertFalse(existsIn(ns, name));
        try {
            ns.moveInterface(InterfaceName.of(name));

            eventually(() -> NetworkInterfaceOracle.find(name).isEmpty() && !exists(name),
                    () -> name + " is still in the caller's namespace after the move");
            assertTrue(ns.call(NetworkInterfaceOracle::procNetDevNames).contains(name), name + " is in the new namespace");
            Tun there = track(ns.call(() -> provider().openTun(InterfaceName.of(name))));
            there.addAddress(AddressRequest.parse("198.51.100.21/24"));
            there.up();
            Seen seen = awaitSeen(ns, name, Seen::up, "up and running");
            assertEquals(Set.of("198.51.100.21/24"), seen.addresses(), "the addresses did not move with it");
            there.delete();
        } finally {
            // Wherever it is now, remove it.
            if (exists(name)) {
                provider().openTun(InterfaceName.of(name)).delete();
            }
        }
        eventuallyGoneFrom(ns, name, "delete removes the moved device");
    }

    @Test
    @RequiresFeature(Feature.TUN)
    void movingIntoADeletedNamespace_failsAndLeavesTheInterfaceWhereItWas() throws Exception {
        NetworkNamespace named = provider().createNamespace(freshNamespaceName());
        named.delete();
        NetworkNamespace closed = provider().createNamespace(null);
        closed.close();
        String name = freshName("tknd");
        track(provider().createTun(DeviceOptions.named(name)));

        for (NetworkNamespace gone : new NetworkNamespace[] {named, closed}) {
            IOException e = assertThrows(IOException.class, () -> gone.moveInterface(InterfaceName.of(name)));
            assertTrue(exists(name), name + " must stay in the caller's namespace: " + e);
        }
    }

    @Test
    @RequiresFeature(Feature.VETH)
    void deletingANamespace_removesItsInterfaces() throws Exception {
        String name = freshNamespaceName();
        NetworkNamespace ns = track(provider().createNamespace(name));
        String here = freshName("tknh");
        String there = freshName("tknt");
        // The end left here witnesses the namespace's end: a vETH pair dies with either end.
        Veth veth = track(provider().createVeth(VethOptions.named(here, there).withPeerNamespace(ns)));
        assertTrue(exists(here));
        assertTrue(existsIn(ns, there));

        ns.delete();

        eventually(() -> !exists(here), () -> "deleting the namespace did not remove " + there
                + " from it (its peer " + here + " is still here)");
        assertThrows(IOException.class, () -> provider().openNamespace(name));
        veth.close(); // the pair is gone already: closing must still succeed
    }

    @Test
    void badNamespaceNames_areRefusedBeforeAnythingIsMade() {
        for (String bad : new String[] {"", ".", "..", "a/b", "/abs", "nul\0byte", "x".repeat(256)}) {
            assertThrows(IllegalArgumentException.class, () -> provider().createNamespace(bad), "create \"" + bad + "\"");
            assertThrows(IllegalArgumentException.class, () -> provider().openNamespace(bad), "open \"" + bad + "\"");
        }
        assertThrows(NullPointerException.class, () -> provider().openNamespace(null));
    }

    @Test
    void openingAMissingNamespace_fails() {
        assertThrows(IOException.class, () -> provider().openNamespace(freshNamespaceName()));
    }

    @Test
    void creatingANameThatExists_failsAndLeavesTheFirst() throws Exception {
        String name = freshNamespaceName();
        NetworkNamespace first = track(provider().createNamespace(name));
        String inside = first.call(NamespaceTestBase::threadNamespace);
        assertThrows(IOException.class, () -> provider().createNamespace(name));
        try (NetworkNamespace again = provider().openNamespace(name)) {
            assertEquals(inside, again.call(NamespaceTestBase::threadNamespace), "the first namespace keeps the name");
        }
        first.delete();
    }
}
