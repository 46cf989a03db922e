package dev.tappers.linux.offload;

/**
 * The TUN driver's offload switches: the ioctl numbers and {@code TUNSETOFFLOAD} bits a device needs to turn the
 * virtio-net header and segmentation offload on. Pure numbers (no JNA), each once with its header; the values were
 * printed by a C program compiled against the Linux UAPI headers of a 6.x kernel on x86_64 ({@code _IOW('T', n,
 * int)} = {@code 0x40045400 | n} with the generic _IOC layout that x86, arm, arm64, riscv and s390 share).
 *
 * <p>{@code IFF_VNET_HDR} itself (the TUNSETIFF flag, 0x4000) lives in {@code dev.tappers.linux.jna.DescriptorCalls}
 * with the other TUNSETIFF flags.
 */
public final class TunOffloadAbi {
    private TunOffloadAbi() {
    }

    // <linux/if_tun.h>: ioctls on the TUN descriptor
    /** _IOW('T', 208, unsigned int): the offloads the reader accepts, a mask of the TUN_F_* bits below. */
    public static final long TUNSETOFFLOAD = 0x400454D0L;
    /** _IOR('T', 215, int): the virtio-net header length the device currently prepends. */
    public static final long TUNGETVNETHDRSZ = 0x800454D7L;
    /** _IOW('T', 216, int): set the prepended header length (at least 10, the default; 12 with num_buffers). */
    public static final long TUNSETVNETHDRSZ = 0x400454D8L;
    /**
     * _IOW('T', 220, int): header fields little-endian whatever the host. Legacy virtio headers are otherwise in
     * host order: little-endian on x86, arm64 and riscv, big-endian on s390x, where only this ioctl (kernels with
     * CONFIG_TUN_VNET_CROSS_LE) makes them match {@link VirtioNetHeader}'s little-endian codec.
     */
    public static final long TUNSETVNETLE = 0x400454DCL;

    // <linux/if_tun.h>: "Features for GSO (TUNSETOFFLOAD)"
    /** The reader accepts packets whose checksum is only partial (VIRTIO_NET_HDR_F_NEEDS_CSUM). Needed by every other bit. */
    public static final int TUN_F_CSUM = 0x01;
    /** TCP segmentation offload for IPv4 (VIRTIO_NET_HDR_GSO_TCPV4 super-packets). */
    public static final int TUN_F_TSO4 = 0x02;
    /** TCP segmentation offload for IPv6 (VIRTIO_NET_HDR_GSO_TCPV6). */
    public static final int TUN_F_TSO6 = 0x04;
    /** TSO of segments with ECN bits (VIRTIO_NET_HDR_GSO_ECN). */
    public static final int TUN_F_TSO_ECN = 0x08;
    /** UDP fragmentation offload (UFO, VIRTIO_NET_HDR_GSO_UDP): removed from the kernel's stack, never asked for here. */
    public static final int TUN_F_UFO = 0x10;
    /** UDP segmentation offload for IPv4 (VIRTIO_NET_HDR_GSO_UDP_L4), Linux 6.2+; EINVAL on older kernels. */
    public static final int TUN_F_USO4 = 0x20;
    /** UDP segmentation offload for IPv6 (VIRTIO_NET_HDR_GSO_UDP_L4), Linux 6.2+. */
    public static final int TUN_F_USO6 = 0x40;
}
