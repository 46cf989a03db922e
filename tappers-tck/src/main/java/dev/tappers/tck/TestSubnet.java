package dev.tappers.tck;

import dev.tappers.AddressRequest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pair of documentation subnets that no other test in this JVM uses at the same time: the IPv4 /24
 * 198.18.n.0 or 198.19.(n-256).0 (inside 198.18.0.0/15, RFC 2544) and the IPv6 /48 2001:db8:n:: (inside
 * 2001:db8::/32, RFC 3849). Tests take a fresh one each, so routes and addresses of one test never meet another's.
 * 198.19.128.0/17 is left out for tests that need a short prefix of their own.
 */
final class TestSubnet {
    /** n runs 1..383: 198.18.1.0 to 198.19.127.0. */
    private static final int COUNT = 383;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final int n;

    private TestSubnet(int n) {
        if (n < 1 || n > COUNT) {
            throw new IllegalArgumentException("subnet number " + n + " is out of range 1-" + COUNT);
        }
        this.n = n;
    }

    static TestSubnet next() {
        return new TestSubnet(Math.floorMod(NEXT.getAndIncrement(), COUNT) + 1);
    }

    /** For the TCK's own tests. */
    static TestSubnet number(int n) {
        return new TestSubnet(n);
    }

    int number() {
        return n;
    }

    /** 198.18.n.host (or 198.19.(n-256).host). */
    Inet4Address v4(int host) {
        if (host < 0 || host > 255) {
            throw new IllegalArgumentException("host " + host + " is out of range 0-255");
        }
        return (Inet4Address) address(new byte[] {(byte) 198, (byte) (18 + n / 256), (byte) (n % 256), (byte) host});
    }

    /** 2001:db8:n:subnet::host. */
    Inet6Address v6(int subnet, int host) {
        byte[] b = new byte[16];
        b[0] = 0x20;
        b[1] = 0x01;
        b[2] = 0x0d;
        b[3] = (byte) 0xb8;
        b[4] = (byte) (n >>> 8);
        b[5] = (byte) n;
        b[6] = (byte) (subnet >>> 8);
        b[7] = (byte) subnet;
        b[14] = (byte) (host >>> 8);
        b[15] = (byte) host;
        try {
            return Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** 2001:db8:n::host. */
    Inet6Address v6(int host) {
        return v6(0, host);
    }

    AddressRequest v4Request(int host, int prefix) {
        return AddressRequest.of(v4(host), prefix);
    }

    AddressRequest v6Request(int host, int prefix) {
        return AddressRequest.of(v6(host), prefix);
    }

    private static InetAddress address(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public String toString() {
        return v4(0).getHostAddress() + "/24 and " + v6(0).getHostAddress() + "/48";
    }
}
