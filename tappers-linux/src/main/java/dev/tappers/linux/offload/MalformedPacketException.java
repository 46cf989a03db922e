package dev.tappers.linux.offload;

/**
 * A packet (or its virtio-net header) that an offload operation cannot process: truncated headers, lengths that
 * disagree with the bytes present, a zero or impossible segment size, an unknown or mismatched GSO type, an IP
 * version or protocol the operation does not handle. The message names the operation and what is wrong. Thrown
 * before anything is written to the caller's output buffers.
 *
 * <p>An {@link IllegalArgumentException}: the packet is the argument. A device reading super-packets from the
 * kernel should count and drop such a packet (the kernel, too, drops what it cannot parse), never let it end
 * the receive loop.
 */
public final class MalformedPacketException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String operation, String problem) {
        super(operation + ": " + problem);
    }
}
