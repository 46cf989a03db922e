package dev.tappers.linux;

import dev.tappers.DeviceOptions;
import dev.tappers.InterfaceName;
import dev.tappers.Tun;
import dev.tappers.linux.jna.NetlinkSocket;
import dev.tappers.linux.jna.Syscalls;
import dev.tappers.linux.netlink.LinkOps;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Someone else renames our interface and another interface takes the old name: configuration must still reach
 * ours (the index decides, not a stale name), and the object reports the new name.
 */
class OutsideRenameTest {

    /** By name, straight through the ioctl: what the kernel says the interface called {@code name} has now. */
    private static int mtuOf(String name) throws Exception {
        return Syscalls.mtu(name);
    }

    @Test
    void configurationFollowsTheIndexAfterAnOutsideRename() throws Exception {
        HermeticNetwork.require();
        try (Tun ours = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.named("rn-old"))) {
            try (NetlinkSocket netlink = NetlinkSocket.open()) { // "someone else": straight rtnetlink, not our API
                LinkOps.rename(netlink, ours.index(), InterfaceName.of("rn-new"));
            }
            try (Tun squatter = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.named("rn-old"))) {
                int squatterMtu = squatter.mtu();
                ours.setMtu(1400);
                assertEquals("rn-new", ours.name().value(), "the object follows the rename");
                assertEquals(1400, ours.mtu());
                assertEquals(1400, mtuOf("rn-new"));
                assertEquals(squatterMtu, mtuOf("rn-old"), "the interface that took the old name is untouched");
            }
        }
    }
}
