package dev.tappers.posix;

import dev.tappers.OsFamily;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Encodes and decodes {@code sockaddr_in} and {@code sockaddr_in6} the way one system lays them out.
 *
 * <p>Layouts (PLATFORMS.md section 0): BSD style {u8 len; u8 family; be16 port; ...}, or Linux/Solaris style
 * {u16 family in host order; be16 port; ...}. sockaddr_in: addr @4, zero[8] @8, 16 bytes. sockaddr_in6:
 * flowinfo @4, addr @8, scope_id @24, 28 bytes (32 on Solaris, whose struct ends with {@code __sin6_src_id}).
 * The port, address and flowinfo are in network byte order; the u16 family and the scope id in host order.
 */
public final class Sockaddrs {

    private final PosixConstants constants;
    private final ByteOrder hostOrder;

    private Sockaddrs(PosixConstants constants, ByteOrder hostOrder) {
        this.constants = constants;
        this.hostOrder = hostOrder;
    }

    /** The codec for {@code os} on this machine's byte order. */
    public static Sockaddrs forOs(OsFamily os) {
        return forOs(os, ByteOrder.nativeOrder());
    }

    /** The codec for {@code os} on a machine of byte order {@code hostOrder} (SPARC and POWER are big-endian). */
    public static Sockaddrs forOs(OsFamily os, ByteOrder hostOrder) {
        return new Sockaddrs(PosixConstants.of(os), Objects.requireNonNull(hostOrder, "hostOrder"));
    }

    /** sizeof(struct sockaddr_in6) on this system. */
    public int inet6Size() {
        return constants.sockaddrIn6Size();
    }

    /** A {@code sockaddr_in} for {@code address} and {@code port} (0-65535). */
    public byte[] inet4(Inet4Address address, int port) {
        Objects.requireNonNull(address, "address");
        checkPort(port, "encode sockaddr_in");
        return encodeInet4(address.getAddress(), port);
    }

    /** A {@code sockaddr_in6} for {@code address}, {@code port} and {@code scopeId}; flowinfo is 0. */
    public byte[] inet6(Inet6Address address, int port, int scopeId) {
        Objects.requireNonNull(address, "address");
        checkPort(port, "encode sockaddr_in6");
        return encodeInet6(address.getAddress(), port, scopeId);
    }

    /** A sockaddr with port 0 for {@code address}, keeping an IPv6 address's scope id. */
    public byte[] of(InetAddress address) {
        Objects.requireNonNull(address, "address");
        if (address instanceof Inet4Address) {
            return inet4((Inet4Address) address, 0);
        }
        Inet6Address v6 = (Inet6Address) address;
        return inet6(v6, 0, v6.getScopeId());
    }

    /**
     * A netmask for {@code prefixLength} as the sockaddr the BSD ioctls take (in_aliasreq's ifra_mask,
     * in6_aliasreq's ifra_prefixmask): the family and length set, the mask bits in the address field.
     */
    public byte[] netmask(int ipVersion, int prefixLength) {
        int bits = ipVersion == 4 ? 32 : ipVersion == 6 ? 128 : -1;
        if (bits < 0) {
            throw new IllegalArgumentException("encode netmask: IP version " + ipVersion + " is not 4 or 6");
        }
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("encode netmask: prefix length " + prefixLength + " is outside 0-" + bits);
        }
        byte[] mask = new byte[bits / 8];
        for (int i = 0; i < prefixLength; i++) {
            mask[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return ipVersion == 4 ? encodeInet4(mask, 0) : encodeInet6(mask, 0, 0);
    }

    /** The family field of the sockaddr at {@code offset}. */
    public int family(byte[] sockaddr, int offset) {
        Objects.requireNonNull(sockaddr, "sockaddr");
        if (offset < 0 || sockaddr.length - offset < 2) {
            throw new IllegalArgumentException("read sockaddr family: offset " + offset + " leaves fewer than 2 of "
                    + sockaddr.length + " bytes");
        }
        if (constants.sockaddrLayout() == SockaddrLayout.LENGTH_PREFIXED) {
            return sockaddr[offset + 1] & 0xFF;
        }
        return ByteBuffer.wrap(sockaddr).order(hostOrder).getShort(offset) & 0xFFFF;
    }

    /**
     * The address in the sockaddr_in or sockaddr_in6 at {@code offset}; an IPv6 address keeps its scope id.
     *
     * @throws IllegalArgumentException if the family is neither AF_INET nor this system's AF_INET6, or the
     *                                  array is too short for it
     */
    public InetAddress address(byte[] sockaddr, int offset) {
        int family = family(sockaddr, offset);
        int size = family == PosixConstants.AF_INET ? PosixConstants.SOCKADDR_IN_SIZE
                : family == constants.afInet6() ? constants.sockaddrIn6Size() : -1;
        if (size < 0) {
            throw new IllegalArgumentException("decode sockaddr: family " + family + " is neither AF_INET (2) nor "
                    + constants.os() + "'s AF_INET6 (" + constants.afInet6() + ")");
        }
        if (sockaddr.length - offset < size) {
            throw new IllegalArgumentException("decode sockaddr: family " + family + " needs " + size
                    + " bytes but only " + (sockaddr.length - offset) + " remain at offset " + offset);
        }
        try {
            if (size == PosixConstants.SOCKADDR_IN_SIZE) {
                byte[] a = new byte[4];
                System.arraycopy(sockaddr, offset + 4, a, 0, 4);
                return InetAddress.getByAddress(a);
            }
            byte[] a = new byte[16];
            System.arraycopy(sockaddr, offset + 8, a, 0, 16);
            int scope = ByteBuffer.wrap(sockaddr).order(hostOrder).getInt(offset + 24);
            return scope == 0 ? InetAddress.getByAddress(a) : Inet6Address.getByAddress(null, a, scope);
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4- or 16-byte array is always an address", e);
        }
    }

    /** The port of the sockaddr_in or sockaddr_in6 at {@code offset}. */
    public int port(byte[] sockaddr, int offset) {
        address(sockaddr, offset); // validates family and length
        return ByteBuffer.wrap(sockaddr).order(ByteOrder.BIG_ENDIAN).getShort(offset + 2) & 0xFFFF;
    }

    private byte[] encodeInet4(byte[] address, int port) {
        ByteBuffer b = ByteBuffer.allocate(PosixConstants.SOCKADDR_IN_SIZE);
        header(b, PosixConstants.SOCKADDR_IN_SIZE, PosixConstants.AF_INET);
        b.order(ByteOrder.BIG_ENDIAN).putShort(2, (short) port);
        b.put(4, address, 0, 4);
        return b.array();
    }

    private byte[] encodeInet6(byte[] address, int port, int scopeId) {
        int size = constants.sockaddrIn6Size();
        ByteBuffer b = ByteBuffer.allocate(size);
        header(b, size, constants.afInet6());
        b.order(ByteOrder.BIG_ENDIAN).putShort(2, (short) port);
        b.put(8, address, 0, 16);
        b.order(hostOrder).putInt(24, scopeId);
        return b.array();
    }

    private void header(ByteBuffer b, int length, int family) {
        if (constants.sockaddrLayout() == SockaddrLayout.LENGTH_PREFIXED) {
            b.put(0, (byte) length);
            b.put(1, (byte) family);
        } else {
            b.order(hostOrder).putShort(0, (short) family);
        }
    }

    private static void checkPort(int port, String operation) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException(operation + ": port " + port + " is outside 0-65535");
        }
    }

    @Override
    public String toString() {
        return "Sockaddrs[" + constants.os() + ", " + constants.sockaddrLayout() + ", " + hostOrder + "]";
    }
}
