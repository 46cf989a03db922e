package dev.tappers.tck;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

/**
 * One interface as an {@link InterfaceOracle} sees it. State, MTU, hardware address and addresses are read
 * afresh on each call, so one view can be asked again after a change.
 */
public interface InterfaceView {

    String name();

    /** The index, as the system reported it when this view was made. */
    int index();

    /** Up and running, as {@link java.net.NetworkInterface#isUp()} means it. */
    boolean isUp();

    int mtu();

    /** The link-layer address, if the interface has one. */
    Optional<byte[]> hardwareAddress();

    boolean isLoopback();

    boolean isPointToPoint();

    /** True for an alias such as {@code eth0:1} that is not an interface of its own. */
    boolean isVirtual();

    /** The addresses as {@code address/prefix} text ({@link #text}), IPv6 link-local ones left out. */
    Set<String> addresses();

    /** The IPv4 broadcast address of {@code address} on this interface, if the view reports one. */
    Optional<InetAddress> broadcast(InetAddress address);

    /** One spelling for an address and prefix, whatever scope or form the address came with. */
    static String text(InetAddress address, int prefix) {
        return NetworkInterfaceOracle.text(address, prefix);
    }
}
