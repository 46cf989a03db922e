package dev.tappers;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses IP address literals without ever asking DNS. */
final class IpLiteral {
    private IpLiteral() {
    }

    static InetAddress parse(String text, String what) {
        InetAddress parsed = text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
        if (parsed == null) {
            throw new IllegalArgumentException(what + " \"" + text + "\" is not an IPv4 or IPv6 address literal");
        }
        return parsed;
    }

    /** Dotted quad, ASCII digits only, each part 0-255 without leading zeros (C would read those as octal). */
    private static InetAddress parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')
                    || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            bytes[i] = (byte) v;
        }
        return byAddress(bytes);
    }

    /** ASCII hex, ':' and '.' (an embedded IPv4 tail) only; brackets make the JDK parse it as a literal or fail. */
    private static InetAddress parseV6(String text) {
        boolean ascii = text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
                || (c >= 'A' && c <= 'F') || c == ':' || c == '.');
        if (!ascii) {
            return null;
        }
        InetAddress parsed;
        try {
            // With brackets InetAddress expects an IPv6 literal and throws rather than asking a name service.
            parsed = InetAddress.getByName("[" + text + "]");
        } catch (UnknownHostException e) {
            return null;
        }
        if (parsed instanceof java.net.Inet4Address) {
            // The JDK turns ::ffff:a.b.c.d into an IPv4 address, and a prefix meant for 128 bits would then be
            // judged against 32: refuse rather than guess which the caller meant.
            throw new IllegalArgumentException("\"" + text + "\" is an IPv4-mapped IPv6 address; write the IPv4 address "
                    + parsed.getHostAddress() + " instead");
        }
        return parsed;
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // four bytes always make an address
        }
    }

    static int maxPrefix(InetAddress a) {
        return a instanceof Inet4Address ? 32 : 128;
    }

    static String family(InetAddress a) {
        return a instanceof Inet6Address ? "IPv6" : "IPv4";
    }

    static String text(InetAddress a) {
        return a.getHostAddress();
    }
}
