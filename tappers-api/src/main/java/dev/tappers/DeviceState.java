package dev.tappers;

/** Administrative state of an interface: the {@code IFF_UP} flag, not the TUN device flags. */
public enum DeviceState {
    /** Up: the interface passes traffic ({@code IFF_UP} set). */
    UP,
    /** Down: the interface passes no traffic ({@code IFF_UP} clear). */
    DOWN
}
