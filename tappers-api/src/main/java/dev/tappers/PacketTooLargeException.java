package dev.tappers;

/**
 * The next packet does not fit in the buffer given to {@code receive}. The packet is kept, not dropped or
 * truncated: call {@code receive} again with a buffer of at least {@link #packetSize()} bytes remaining.
 */
public class PacketTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The waiting packet's size in bytes. */
    private final int packetSize;

    /**
     * Makes the exception.
     *
     * @param interfaceName the device
     * @param packetSize the waiting packet's size in bytes
     * @param bufferRemaining the room the buffer had
     */
    public PacketTooLargeException(String interfaceName, int packetSize, int bufferRemaining) {
        super("receive on " + interfaceName + ": the next packet is " + packetSize + " bytes but the buffer has "
                + bufferRemaining + " remaining; the packet is kept for the next receive");
        this.packetSize = packetSize;
    }

    /**
     * The size of the packet that did not fit.
     *
     * @return its size in bytes
     */
    public int packetSize() {
        return packetSize;
    }
}
