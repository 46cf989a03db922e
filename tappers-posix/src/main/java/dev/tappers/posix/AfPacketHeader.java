package dev.tappers.posix;

import dev.tappers.OsFamily;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.Set;

/**
 * The 4-byte address-family word that macOS utun, OpenBSD tun, and FreeBSD/DragonFly/NetBSD tun after
 * TUNSIFHEAD put before every packet: the family as a big-endian u32 (xnu {@code utun_ctl_send} does ntohl on
 * it; PLATFORMS.md sections 2.1, 3.1, 4, 5, 6).
 *
 * <p>Written against three bugs seen in other libraries (PRIOR-ART.md): the IP version is the <em>high</em>
 * nibble of the packet's first byte; IPv6 uses this system's AF_INET6 (30, 28 or 24, never Linux's 10); and a
 * received family is checked against the packet it announces instead of being trusted.
 */
public final class AfPacketHeader {

    /** The header is one u32. */
    public static final int LENGTH = 4;

    /** The systems whose TUN devices use this header. */
    private static final Set<OsFamily> USERS =
            Set.of(OsFamily.MACOS, OsFamily.FREEBSD, OsFamily.DRAGONFLY, OsFamily.OPENBSD, OsFamily.NETBSD);

    private final PosixConstants constants;

    private AfPacketHeader(PosixConstants constants) {
        this.constants = constants;
    }

    /**
     * The header of {@code os}'s TUN devices.
     *
     * @throws IllegalArgumentException for a system whose TUN packets carry no address-family word (Linux uses
     *                                  tun_pi or nothing; Solaris and AIX carry bare packets)
     */
    public static AfPacketHeader forOs(OsFamily os) {
        Objects.requireNonNull(os, "os");
        if (!USERS.contains(os)) {
            throw new IllegalArgumentException("address-family packet header: os " + os
                    + " does not frame TUN packets with one; only " + USERS + " do");
        }
        return new AfPacketHeader(PosixConstants.of(os));
    }

    /** The IP version in the high nibble of {@code firstByte}. */
    public static int ipVersion(byte firstByte) {
        return (firstByte & 0xF0) >>> 4;
    }

    /** The family word for IP {@code version} 4 or 6. */
    public int family(int version) {
        return constants.afForIpVersion(version);
    }

    /** The 4 header bytes for a packet of IP {@code version} 4 or 6. */
    public byte[] frame(int version) {
        return ByteBuffer.allocate(LENGTH).order(ByteOrder.BIG_ENDIAN).putInt(0, family(version)).array();
    }

    /**
     * The 4 header bytes for the IP packet at {@code packet}'s position (which is not moved).
     *
     * @throws IllegalArgumentException if the packet is empty or its version nibble is neither 4 nor 6
     */
    public byte[] frameFor(ByteBuffer packet) {
        Objects.requireNonNull(packet, "packet");
        if (!packet.hasRemaining()) {
            throw new IllegalArgumentException("frame packet for " + constants.os() + ": the packet is empty");
        }
        int version = ipVersion(packet.get(packet.position()));
        if (version != 4 && version != 6) {
            throw new IllegalArgumentException("frame packet for " + constants.os() + ": the first byte gives IP version "
                    + version + ", not 4 or 6");
        }
        return frame(version);
    }

    /**
     * Checks the header at {@code received}'s position against the packet after it and returns the packet's IP
     * version. The position is not moved; the packet starts {@link #LENGTH} bytes further on.
     *
     * @throws ProtocolException if fewer than 5 bytes remain, the family is unknown, or it disagrees with the
     *                           packet's version nibble
     */
    public int parse(ByteBuffer received) throws ProtocolException {
        Objects.requireNonNull(received, "received");
        int p = received.position();
        if (received.remaining() < LENGTH + 1) {
            throw new ProtocolException("parse " + constants.os() + " packet header: " + received.remaining()
                    + " bytes received, fewer than the 4-byte header plus one packet byte");
        }
        int family = received.duplicate().order(ByteOrder.BIG_ENDIAN).getInt(p);
        int version = ipVersion(received.get(p + LENGTH));
        int expectedVersion = family == PosixConstants.AF_INET ? 4 : family == constants.afInet6() ? 6 : -1;
        if (expectedVersion < 0) {
            throw new ProtocolException("parse " + constants.os() + " packet header: family " + family
                    + " is neither AF_INET (2) nor AF_INET6 (" + constants.afInet6() + ")");
        }
        if (version != expectedVersion) {
            throw new ProtocolException("parse " + constants.os() + " packet header: family " + family + " announces IPv"
                    + expectedVersion + " but the packet's version nibble is " + version);
        }
        return version;
    }

    @Override
    public String toString() {
        return "AfPacketHeader[" + constants.os() + ", AF_INET6=" + constants.afInet6() + "]";
    }
}
