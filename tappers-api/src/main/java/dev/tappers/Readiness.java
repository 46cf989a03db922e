package dev.tappers;

/** What a {@link Poller} waits for on a device. */
public enum Readiness {
    /** A packet is waiting: the next nonblocking receive returns it. */
    READABLE,
    /** The device can take a packet: the next nonblocking send will not return 0. */
    WRITABLE
}
