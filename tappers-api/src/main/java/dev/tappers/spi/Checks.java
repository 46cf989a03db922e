package dev.tappers.spi;

import dev.tappers.AddressInfo;
import dev.tappers.AddressRequest;
import dev.tappers.NetworkDevice;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Argument checks every provider makes before a system call, kept here so each rule has one home and every
 * provider words it the same way.
 */
public final class Checks {
    /** The largest MTU any provider accepts: a 16-bit length field. */
    public static final int MAX_MTU = 65535;

    private Checks() {
    }

    /**
     * Rejects an MTU outside 1-{@value #MAX_MTU}.
     *
     * @param iface the interface's name, for the message
     * @param mtu the MTU asked for
     * @throws IllegalArgumentException when it is out of range
     */
    public static void mtuInRange(String iface, int mtu) {
        if (mtu < 1 || mtu > MAX_MTU) {
            throw new IllegalArgumentException("set MTU on " + iface + ": mtu " + mtu + " is out of range 1-" + MAX_MTU);
        }
    }

    /**
     * Rejects an MTU below the IPv6 minimum while the interface carries a configured IPv6 address (the kernel
     * would otherwise drop IPv6 from the interface without a word). Link-local addresses the kernel added by
     * itself do not count.
     *
     * @param iface     the interface's name, for the message
     * @param mtu       the MTU asked for
     * @param addresses the interface's addresses now
     * @throws IllegalArgumentException when the MTU would drop a configured IPv6 address
     */
    public static void mtuKeepsIpv6(String iface, int mtu, List<AddressInfo> addresses) {
        if (mtu >= NetworkDevice.IPV6_MIN_MTU) {
            return;
        }
        for (AddressInfo a : addresses) {
            if (a.isIpv6() && !a.isLinkLocal()) {
                throw new IllegalArgumentException("set MTU on " + iface + ": mtu " + mtu + " is below "
                        + NetworkDevice.IPV6_MIN_MTU + ", the IPv6 minimum, and IPv6 address " + a + " is configured");
            }
        }
    }

    /**
     * Rejects an IPv6 address on an interface whose MTU is below the IPv6 minimum.
     *
     * @param iface the interface's name, for the message
     * @param request the address to add
     * @param mtu the interface's MTU now
     * @throws IllegalArgumentException for IPv6 below the minimum MTU
     */
    public static void ipv6FitsMtu(String iface, AddressRequest request, int mtu) {
        if (request.isIpv6() && mtu < NetworkDevice.IPV6_MIN_MTU) {
            throw new IllegalArgumentException("add address " + request + " on " + iface + ": the MTU is " + mtu
                    + ", below " + NetworkDevice.IPV6_MIN_MTU + ", the IPv6 minimum; raise the MTU first");
        }
    }

    /**
     * Rejects a buffer with nothing to send, or more than {@code max} bytes.
     *
     * @param iface the interface's name, for the message
     * @param src the packet, from its position to its limit
     * @param max the largest packet the device sends
     * @throws IllegalArgumentException for an empty or oversized packet
     * @throws NullPointerException when {@code src} is null
     */
    public static void packetToSend(String iface, ByteBuffer src, int max) {
        Objects.requireNonNull(src, "packet buffer");
        int n = src.remaining();
        if (n == 0) {
            throw new IllegalArgumentException("send on " + iface + ": the packet is empty");
        }
        if (n > max) {
            throw new IllegalArgumentException("send on " + iface + ": the packet is " + n + " bytes; the limit is " + max);
        }
    }

    /**
     * Returns the IP version (4 or 6) of the packet at {@code src}'s position, and rejects anything else: a TUN
     * carries IP only.
     *
     * @param iface the interface's name, for the message
     * @param src   the packet, from its position
     * @return 4 or 6
     * @throws IllegalArgumentException for an empty packet or another version
     */
    public static int ipVersion(String iface, ByteBuffer src) {
        if (!src.hasRemaining()) {
            throw new IllegalArgumentException("send on " + iface + ": the packet is empty");
        }
        int version = (src.get(src.position()) & 0xF0) >>> 4;
        if (version != 4 && version != 6) {
            throw new IllegalArgumentException("send on " + iface + ": a TUN carries IPv4 or IPv6 packets, but the "
                    + "first byte 0x" + Integer.toHexString(src.get(src.position()) & 0xFF) + " gives IP version " + version);
        }
        return version;
    }

    /**
     * Rejects a receive buffer that cannot be written.
     *
     * @param iface the interface's name, for the message
     * @param dst the receive buffer
     * @throws IllegalArgumentException for a read-only buffer
     * @throws NullPointerException when {@code dst} is null
     */
    public static void receiveBuffer(String iface, ByteBuffer dst) {
        Objects.requireNonNull(dst, "receive buffer");
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("receive on " + iface + ": the buffer is read-only");
        }
    }

    /**
     * Rejects a batch array that is null or holds a null buffer, naming the index; {@code operation} is
     * "receive" or "send".
     *
     * @param iface     the interface's name, for the message
     * @param operation "receive" or "send", for the message
     * @param buffers   the batch
     * @throws NullPointerException naming the null buffer's index
     */
    public static void batch(String iface, String operation, ByteBuffer[] buffers) {
        if (buffers == null) { // not requireNonNull with a message: that would build the string on every call
            throw new NullPointerException(operation + " batch on " + iface + ": buffers");
        }
        for (int i = 0; i < buffers.length; i++) {
            if (buffers[i] == null) {
                throw new NullPointerException(operation + " batch on " + iface + ": buffers[" + i + "] is null");
            }
        }
    }
}
