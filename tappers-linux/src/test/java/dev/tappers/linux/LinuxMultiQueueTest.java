package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.InterfaceKind;
import dev.tappers.MultiQueue;
import dev.tappers.TappersException;
import dev.tappers.Tun;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the TCK cannot say about Linux multi-queue devices: the kernel's own limit, IFF_MULTI_QUEUE in the
 * device's flags, all-or-nothing creation (no interface and no descriptor left when queue k fails), and a
 * persistent multi-queue device that can be opened and deleted later.
 */
class LinuxMultiQueueTest {
    /** MAX_TAP_QUEUES in drivers/net/tun.c, written out here so a wrong constant in the provider shows. */
    private static final int KERNEL_MAX_QUEUES = 256;
    /** <linux/if_tun.h> */
    private static final int IFF_MULTI_QUEUE = 0x0100;
    /** <asm-generic/errno-base.h>: what tun_attach answers once every queue is taken. */
    private static final int E2BIG = 7;
    private static final int EMFILE = 24;

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    @Test
    void moreQueuesThanTheKernelAllowsAreRejectedBeforeAnySystemCall() throws IOException {
        long fds = openDescriptors();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultiQueues.createTun(DeviceOptions.defaults(), KERNEL_MAX_QUEUES + 1));
        assertTrue(e.getMessage().contains("257") && e.getMessage().contains("256"), e.getMessage());
        assertEquals(fds, openDescriptors(), "descriptors after a refused request");
    }

    @Test
    void theKernelsLimitIsExactlyTheOneChecked() throws IOException {
        try (MultiQueue<Tun> mq = MultiQueues.createTun(DeviceOptions.defaults(), KERNEL_MAX_QUEUES)) {
            assertEquals(KERNEL_MAX_QUEUES, mq.queues().size());
            Tun first = mq.queues().get(0);
            TappersException e = assertThrows(TappersException.class,
                    () -> TunTapFactory.attachQueue(TunTapFactory.Kind.TUN, first.name(), false, KERNEL_MAX_QUEUES),
                    "the kernel should refuse queue " + (KERNEL_MAX_QUEUES + 1));
            assertEquals(E2BIG, e.errno(), e.getMessage());
        }
    }

    @Test
    void theDeviceIsMultiQueueForTheKernel() throws IOException {
        try (MultiQueue<Tun> mq = MultiQueues.createTun(DeviceOptions.defaults(), 2)) {
            String name = mq.queues().get(0).name().value();
            long tunFlags = SysfsLinkView.number(name, "tun_flags").orElseThrow(() ->
                    new AssertionError("no private sysfs: " + dev.tappers.linux.jna.PrivateSysfs.whyNot()));
            assertTrue((tunFlags & IFF_MULTI_QUEUE) != 0, "tun_flags 0x" + Long.toHexString(tunFlags) + " of " + name);
            long listed = LinuxInterfaces.list().stream().filter(i -> i.name().value().equals(name)).count();
            assertEquals(1, listed, "the interface list shows the multi-queue device once");
            assertEquals(InterfaceKind.TUN, LinuxInterfaces.list().stream().filter(i -> i.name().value().equals(name))
                    .findFirst().orElseThrow().kind());
        }
    }

    @Test
    void aFailingQueueLeavesNoInterfaceAndNoDescriptor() throws IOException {
        String name = "h6mqfail" + ProcessHandle.current().pid() % 10_000;
        MultiQueues.createTun(DeviceOptions.defaults(), 2).close(); // first use loads and caches what it needs
        long fds = openDescriptors();
        TappersException refusal = LinuxErrors.device("attach queue 2", name, EMFILE, null);
        MultiQueues.QueueAttacher failsAtTwo = (kind, n, nonBlocking, queue) -> {
            if (queue == 2) {
                throw refusal;
            }
            return TunTapFactory.attachQueue(kind, n, nonBlocking, queue);
        };
        TappersException e = assertThrows(TappersException.class, () -> MultiQueues.create(TunTapFactory.Kind.TUN,
                Tun.class, DeviceOptions.named(name).withPersistent(true), 4, failsAtTwo));
        assertSame(refusal, e, "the failure of queue 2 is the one reported");
        assertFalse(exists(name), name + " is left behind after queue 2 failed");
        assertEquals(fds, openDescriptors(), "descriptors left open after queue 2 failed");
    }

    @Test
    void aPersistentMultiQueueDeviceOutlivesItsQueuesAndCanBeDeleted() throws IOException {
        String name = "h6mqkeep" + ProcessHandle.current().pid() % 10_000;
        MultiQueue<Tun> mq = MultiQueues.createTun(DeviceOptions.named(name).withPersistent(true), 2);
        try {
            assertTrue(mq.queues().get(1).isPersistent(), "a queue of a persistent device says it is not persistent");
        } finally {
            mq.close();
        }
        assertTrue(exists(name), "the persistent multi-queue " + name + " went with its queues");
        Tun again = LinuxTestSupport.PROVIDER.openTun(dev.tappers.InterfaceName.of(name));
        assertTrue(again.isPersistent(), "reopened as one queue, the device says it is not persistent");
        again.delete();
        assertFalse(exists(name), name + " exists after delete()");
    }

    private static boolean exists(String name) throws IOException {
        return LinuxInterfaces.list().stream().anyMatch(i -> i.name().value().equals(name));
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
