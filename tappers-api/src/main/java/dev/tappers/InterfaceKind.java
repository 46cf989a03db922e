package dev.tappers;

/** What sort of interface an {@link InterfaceInfo} describes. */
public enum InterfaceKind {
    TUN, TAP, VETH, LOOPBACK, OTHER
}
