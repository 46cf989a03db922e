package dev.tappers;

/**
 * What a provider can do. A provider lists its features; asking one for a feature it lacks throws
 * {@link UnsupportedFeatureException}, never a silent no-op. The TCK names the feature each test needs and
 * reports a missing one as skipped, with the reason.
 */
public enum Feature {
    /** Layer-3 devices: bare IP packets. */
    TUN("TUN devices"),
    /** Layer-2 devices: bare Ethernet frames. */
    TAP("TAP devices"),
    /** Opening a device that already exists, by name, without destroying it on close. */
    OPEN_EXISTING("opening an existing device by name"),
    /** Choosing the name of a new device. */
    CHOOSE_NAME("choosing the name of a new device"),
    /** Setting the administrative state up or down. */
    SET_STATE("setting the state up or down"),
    /** Reading the MTU. */
    GET_MTU("reading the MTU"),
    /** Changing the MTU. */
    SET_MTU("changing the MTU"),
    /** Adding, removing and listing IPv4 addresses. */
    IPV4_ADDRESSES("IPv4 addresses"),
    /** Adding, removing and listing IPv6 addresses. */
    IPV6_ADDRESSES("IPv6 addresses"),
    /** Point-to-point destination (peer) addresses. */
    DESTINATION_ADDRESS("point-to-point destination addresses"),
    /** Reading a layer-2 device's MAC address. */
    GET_MAC("reading the MAC address"),
    /** Changing a layer-2 device's MAC address. */
    SET_MAC("changing the MAC address"),
    /** Nonblocking send and receive. */
    NONBLOCKING("nonblocking send and receive"),
    /** Virtual Ethernet pairs. */
    VETH("virtual Ethernet pairs"),
    /** Routes through a device. */
    ROUTES("routes through a device"),
    /** Several queues on one device. */
    MULTI_QUEUE("multi-queue devices"),
    /** Checksum and segmentation offload. */
    OFFLOAD("offload"),
    /** Network namespaces. */
    NAMESPACES("network namespaces"),
    /** Devices that outlive the process. */
    PERSISTENCE("persistent devices"),
    /** Raw Ethernet frame I/O on any layer-2 interface (AF_PACKET on Linux). */
    FRAME_SOCKET("raw frame sockets on layer-2 interfaces"),
    /** Renaming an interface. */
    RENAME("renaming an interface"),
    /** Setting the owning user and group of a TUN/TAP device. */
    OWNERSHIP("device owner and group"),
    /** Promiscuous, multicast and ARP flags. */
    LINK_FLAGS("promiscuous, multicast and ARP flags"),
    /** The transmit queue length. */
    TX_QUEUE_LENGTH("transmit queue length"),
    /** An interface metric (Windows, the BSDs); Linux has none. */
    INTERFACE_METRIC("interface metric"),
    /** Listing the system's interfaces. */
    INTERFACE_LIST("listing interfaces"),
    /** Wrapping a TUN/TAP descriptor opened elsewhere. */
    ADOPT_DESCRIPTOR("adopting a descriptor created elsewhere"),
    /** Passing a device descriptor to another process over a Unix socket. */
    DESCRIPTOR_PASSING("passing descriptors over Unix sockets"),
    /**
     * A {@link Poller}: readiness callbacks for many devices on one thread, and {@code receiveAsync}/{@code
     * sendAsync} futures that complete on it.
     */
    ASYNC_IO("readiness callbacks, a shared poller and CompletableFuture send/receive"),
    /** {@code receiveBatch}/{@code sendBatch}: many packets in one call. */
    BATCH_IO("moving many packets in one call");

    private final String description;

    Feature(String description) {
        this.description = description;
    }

    /**
     * A short description for messages, such as "changing the MTU".
     *
     * @return the description
     */
    public String description() {
        return description;
    }
}
