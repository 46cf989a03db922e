package dev.tappers;

import java.io.IOException;

/** A layer-2 interface with an Ethernet address: a TAP device or an end of a vETH pair. */
public interface EthernetDevice extends NetworkDevice {

    /**
     * The interface's Ethernet address.
     *
     * @return the MAC address
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    MacAddress mac() throws IOException;

    /**
     * Changes the interface's Ethernet address.
     *
     * @param mac the new address, unicast
     * @throws IllegalArgumentException for a multicast (group) address
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    void setMac(MacAddress mac) throws IOException;

    /**
     * Opens a raw frame socket bound to this interface: it sees every frame the interface sends and receives, and
     * what it sends leaves through the interface. Needs {@link Feature#FRAME_SOCKET}.
     *
     * @return the socket, open
     * @throws UnsupportedFeatureException unless the provider has {@link Feature#FRAME_SOCKET}
     * @throws IOException when the OS refuses; a {@link TappersException} names the operation, the interface
     *                     and the errno
     */
    default FrameSocket openFrameSocket() throws IOException {
        throw new UnsupportedFeatureException(Feature.FRAME_SOCKET, getClass().getName(), null);
    }
}
