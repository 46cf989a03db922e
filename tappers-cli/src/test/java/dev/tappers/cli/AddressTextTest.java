package dev.tappers.cli;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The RFC 5952 canonical text form, with the RFC's own examples. */
class AddressTextTest {
    private static String text(String literal) throws Exception {
        return AddressText.of(InetAddress.getByName(literal)); // literals only: no lookup
    }

    @Test
    void ipv6IsCanonical() throws Exception {
        assertEquals("2001:db8::1", text("2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertEquals("2001:db8:0:1:1:1:1:1", text("2001:db8:0:1:1:1:1:1")); // one zero group stays (4.2.2)
        assertEquals("2001:db8::1:0:0:1", text("2001:db8:0:0:1:0:0:1")); // the first of two equal runs (4.2.3)
        assertEquals("2001:0:0:1::1", text("2001:0:0:1:0:0:0:1")); // the longest run (4.2.3)
        assertEquals("2001:db8::aaaa", text("2001:DB8::AAAA")); // lowercase (4.3)
        assertEquals("::1", text("::1"));
        assertEquals("::", text("::"));
        assertEquals("fe80::", text("fe80::"));
        assertEquals("fe80::fc:ff:fe00:1", text("fe80::fc:ff:fe00:1"));
    }

    @Test
    void scopeIsDropped() throws Exception {
        assertEquals("fe80::1", text("fe80::1%1"));
    }

    @Test
    void ipv4IsDotted() throws Exception {
        assertEquals("198.18.0.1", text("198.18.0.1"));
    }
}
