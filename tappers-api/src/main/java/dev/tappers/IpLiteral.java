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
        boolean v6 = text.indexOf(':') >= 0;
        boolean ok = !text.isEmpty() && text.chars().allMatch(c ->
                (c >= '0' && c <= '9') || c == '.' || (v6 && (c == ':' || Character.digit(c, 16) >= 0)));
        if (ok && !v6 && text.split("\\.", -1).length != 4) {
            ok = false;
        }
        if (ok) {
            try {
                // A literal is parsed locally: no name service is consulted.
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                ok = false;
            }
        }
        throw new IllegalArgumentException(what + " \"" + text + "\" is not an IPv4 or IPv6 address literal");
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
