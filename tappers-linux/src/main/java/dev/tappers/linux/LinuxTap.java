package dev.tappers.linux;

import dev.tappers.InterfaceName;
import dev.tappers.MacAddress;
import dev.tappers.Tap;
import dev.tappers.linux.jna.Syscalls;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A Linux TAP device (IFF_TAP | IFF_NO_PI): bare Ethernet frames. */
final class LinuxTap extends LinuxPacketDevice implements Tap {
    /** Destination, source, EtherType. */
    private static final int ETHERNET_HEADER = 14;

    LinuxTap(InterfaceName name, int index, HomeNamespace home, boolean createdByUs, int fd, int wakeFd,
             boolean nonBlocking) {
        super(name, index, home, createdByUs, fd, wakeFd, MAX_FRAME_SIZE, nonBlocking, null);
    }

    @Override
    void checkOutgoing(ByteBuffer src) {
        if (src.remaining() < ETHERNET_HEADER) {
            throw new IllegalArgumentException("send on " + name() + ": a frame of " + src.remaining()
                    + " bytes is shorter than the " + ETHERNET_HEADER + "-byte Ethernet header");
        }
    }

    @Override
    public MacAddress mac() throws IOException {
        return ethernetMac();
    }

    @Override
    public void setMac(MacAddress mac) throws IOException {
        setEthernetMac(mac, () -> {
            Syscalls.setHardwareAddress(kernelName(), mac.toBytes());
            return null;
        });
    }
}
