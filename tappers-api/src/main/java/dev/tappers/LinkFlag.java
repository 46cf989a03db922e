package dev.tappers;

/** Interface flags a program may change. Needs {@link Feature#LINK_FLAGS}. */
public enum LinkFlag {
    /** Receive every frame, not only those addressed to the interface (IFF_PROMISC). */
    PROMISCUOUS,
    /** Take part in multicast (IFF_MULTICAST). */
    MULTICAST,
    /** Resolve neighbours with ARP: on unless IFF_NOARP is set. */
    ARP
}
