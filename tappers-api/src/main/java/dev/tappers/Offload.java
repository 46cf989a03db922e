package dev.tappers;

/**
 * Segmentation offloads a TUN can take from the kernel (Linux: {@code IFF_VNET_HDR} with {@code TUNSETOFFLOAD}).
 * With one on, the kernel hands the device a TCP or UDP "super-packet" of up to 64 KiB in one read instead of
 * many MTU-sized packets, and one write can carry many segments; that is where the large throughput gains are.
 *
 * <p>Users of the one-packet-per-call API see no difference: {@link PacketDevice#receive} and
 * {@link PacketDevice#receiveBatch} still deliver ordinary packets, cut from the super-packet with the headers and
 * checksums the sender's kernel would have written, and {@link PacketDevice#sendBatch} joins consecutive segments
 * of one flow into super-packets before writing. Request offloads with
 * {@link DeviceOptions#withOffload}; the device asks the kernel for all of them and, where it refuses, for less
 * and less (USO first, then ECN, then TSO over IPv6) until it agrees, keeping what it grants
 * ({@link PacketDevice#offloads()}); with nothing granted the device carries plain packets. Linux grants USO for
 * IPv4 and IPv6 together or not at all.
 */
public enum Offload {
    /** TCP segmentation offload over IPv4. */
    TSO4,
    /** TCP segmentation offload over IPv6. */
    TSO6,
    /** TSO of flows with ECN (CWR on the first segment). */
    TSO_ECN,
    /** UDP segmentation offload over IPv4 (Linux 6.2 and later). */
    USO4,
    /** UDP segmentation offload over IPv6 (Linux 6.2 and later). */
    USO6
}
