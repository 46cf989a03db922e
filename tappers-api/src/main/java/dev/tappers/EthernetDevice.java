package dev.tappers;

import java.io.IOException;

/** A layer-2 interface with an Ethernet address: a TAP device or an end of a vETH pair. */
public interface EthernetDevice extends NetworkDevice {

    /** The interface's Ethernet address. */
    MacAddress mac() throws IOException;

    /**
     * Changes the interface's Ethernet address.
     *
     * @throws IllegalArgumentException for a multicast (group) address
     */
    void setMac(MacAddress mac) throws IOException;

    /**
     * Opens a raw frame socket bound to this interface: it sees every frame the interface sends and receives, and
     * what it sends leaves through the interface. Needs {@link Feature#FRAME_SOCKET}.
     */
    default FrameSocket openFrameSocket() throws IOException {
        throw new UnsupportedFeatureException(Feature.FRAME_SOCKET, getClass().getName(), null);
    }
}
