package dev.tappers;

/** Administrative state of an interface: the {@code IFF_UP} flag, not the TUN device flags. */
public enum DeviceState {
    UP,
    DOWN
}
