package dev.tappers.windows;

import java.util.List;

/**
 * Facts about wintun.dll (WireGuard/wintun {@code api/wintun.h} and {@code api/exports.def} @ec0a6b9;
 * PLATFORMS.md section 9.1), and the argument checks to make before calling it.
 */
final class Wintun {

    private Wintun() {
    }

    /** The exact 14 names exports.def exports; loading any other name fails at run time. */
    static final List<String> EXPORTS = List.of(
            "WintunCreateAdapter", "WintunOpenAdapter", "WintunCloseAdapter", "WintunDeleteDriver",
            "WintunGetAdapterLUID", "WintunGetRunningDriverVersion", "WintunSetLogger", "WintunStartSession",
            "WintunEndSession", "WintunGetReadWaitEvent", "WintunReceivePacket", "WintunReleaseReceivePacket",
            "WintunAllocateSendPacket", "WintunSendPacket");

    /** WINTUN_MIN_RING_CAPACITY: 128 KiB. */
    static final int MIN_RING_CAPACITY = 0x20000;
    /** WINTUN_MAX_RING_CAPACITY: 64 MiB. */
    static final int MAX_RING_CAPACITY = 0x4000000;
    /** WINTUN_MAX_IP_PACKET_SIZE. */
    static final int MAX_IP_PACKET_SIZE = 0xFFFF;
    /** MAX_ADAPTER_NAME (iptypes.h): Name and TunnelType hold at most 127 UTF-16 units plus the NUL. */
    static final int MAX_ADAPTER_NAME = 128;

    /** WINTUN_LOGGER_LEVEL values. */
    static final int LOG_INFO = 0;
    static final int LOG_WARN = 1;
    static final int LOG_ERR = 2;

    /** Rejects a session capacity wintun refuses: a power of two from 128 KiB to 64 MiB. */
    static void checkRingCapacity(int capacity) {
        if (capacity < MIN_RING_CAPACITY || capacity > MAX_RING_CAPACITY || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("start wintun session: ring capacity " + capacity
                    + " is not a power of two between " + MIN_RING_CAPACITY + " and " + MAX_RING_CAPACITY);
        }
    }

    /**
     * Rejects an adapter name or tunnel type wintun cannot take: empty, or more than 127 UTF-16 units (it would
     * be truncated, never silently here), or containing a NUL.
     */
    static void checkName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("create wintun adapter: " + what + " is empty");
        }
        if (name.length() > MAX_ADAPTER_NAME - 1) {
            throw new IllegalArgumentException("create wintun adapter: " + what + " '" + name + "' has " + name.length()
                    + " UTF-16 units; the limit is " + (MAX_ADAPTER_NAME - 1));
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("create wintun adapter: " + what + " contains a NUL character");
        }
    }

    /** Rejects a packet wintun cannot send: empty or above WINTUN_MAX_IP_PACKET_SIZE. */
    static void checkPacketSize(int size) {
        if (size < 1 || size > MAX_IP_PACKET_SIZE) {
            throw new IllegalArgumentException("send on wintun: packet size " + size + " is outside 1-"
                    + MAX_IP_PACKET_SIZE);
        }
    }
}
