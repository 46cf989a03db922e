package dev.tappers.examples;

import dev.tappers.DeviceOptions;
import dev.tappers.InterfaceName;
import dev.tappers.LinkFlag;
import dev.tappers.Tappers;
import dev.tappers.Tun;

/** A persistent TUN outlives close; reopened by name, it is changed (flags, queue length, name) and deleted. */
public class PersistenceExample {
    public static void main(String[] args) throws Exception {
        NamespaceCheck.exitUnlessPrivate(); // the examples' guard: never change the host's own network
        try (Tun tun = Tun.create(DeviceOptions.named("tappers-keep").withPersistent(true))) {
            System.out.println("created " + tun.name() + ", persistent: " + tun.isPersistent());
        }
        System.out.println("after close: " + Tappers.findInterface("tappers-keep")
                .map(i -> i.kind() + " " + i.name() + " is still there, index " + i.index()).orElse("gone"));

        try (Tun tun = Tun.open("tappers-keep")) { // opened, not created: closing it leaves the device in place
            System.out.println("reopened " + tun.name() + ": flags " + tun.flags() + ", tx queue " + tun.txQueueLength());
            tun.setFlag(LinkFlag.PROMISCUOUS, true);
            tun.setFlag(LinkFlag.MULTICAST, false);
            tun.setTxQueueLength(100);
            tun.rename(InterfaceName.of("tappers-moved")); // while down, as Linux before 6.2 wants
            System.out.println("now " + tun.name() + ": flags " + tun.flags() + ", tx queue " + tun.txQueueLength());
            tun.delete(); // removes it, persistent or not, and closes this object
        }
        System.out.println("after delete: " + (Tappers.findInterface("tappers-moved").isPresent() ? "still there" : "gone"));
    }
}
