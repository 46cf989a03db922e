package dev.tappers.linux;

import dev.tappers.InterfaceName;
import dev.tappers.Tun;
import dev.tappers.spi.Checks;

import java.nio.ByteBuffer;

/** A Linux TUN device (IFF_TUN | IFF_NO_PI): bare IP packets, as on every other OS. */
final class LinuxTun extends LinuxPacketDevice implements Tun {
    LinuxTun(InterfaceName name, int index, HomeNamespace home, boolean createdByUs, int fd, int wakeFd,
             boolean nonBlocking) {
        this(name, index, home, createdByUs, fd, wakeFd, nonBlocking, null);
    }

    /** @param vnet the framing of a TUN created with offload ({@code IFF_VNET_HDR}), or null */
    LinuxTun(InterfaceName name, int index, HomeNamespace home, boolean createdByUs, int fd, int wakeFd,
             boolean nonBlocking, VnetPath vnet) {
        super(name, index, home, createdByUs, fd, wakeFd, MAX_PACKET_SIZE, nonBlocking, vnet);
    }

    @Override
    void checkOutgoing(ByteBuffer src) {
        // Without packet information the kernel takes the protocol from the version nibble and refuses the rest.
        Checks.ipVersion(name().value(), src);
    }
}
