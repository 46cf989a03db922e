package dev.tappers;

/** What sort of interface an {@link InterfaceInfo} describes. */
public enum InterfaceKind {
    /** A layer-3 TUN device. */
    TUN,
    /** A layer-2 TAP device. */
    TAP,
    /** One end of a virtual Ethernet pair. */
    VETH,
    /** The loopback interface. */
    LOOPBACK,
    /** Any other kind: physical, bridge, VLAN, tunnel... */
    OTHER
}
