package dev.tappers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressRequestTest {

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // test literals only: never reaches a name service
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static Inet4Address ip4(String literal) {
        return (Inet4Address) ip(literal);
    }

    @Test
    void parsesIpv4() {
        AddressRequest r = AddressRequest.parse("198.18.0.1/24");
        assertInstanceOf(Inet4Address.class, r.address());
        assertEquals(ip("198.18.0.1"), r.address());
        assertEquals(24, r.prefixLength());
        assertFalse(r.isIpv6());
        assertEquals(Optional.empty(), r.broadcast());
        assertEquals(Optional.empty(), r.destination());
        assertEquals("198.18.0.1/24", r.toString());
    }

    @Test
    void parsesIpv6() {
        AddressRequest r = AddressRequest.parse("2001:db8::1/64");
        assertInstanceOf(Inet6Address.class, r.address());
        assertEquals(ip("2001:db8::1"), r.address());
        assertEquals(64, r.prefixLength());
        assertTrue(r.isIpv6());
        assertEquals("2001:db8:0:0:0:0:0:1/64", r.toString());
    }

    @Test
    void prefixBoundsAreAccepted() {
        assertEquals(0, AddressRequest.parse("198.18.0.1/0").prefixLength());
        assertEquals(32, AddressRequest.parse("198.18.0.1/32").prefixLength());
        assertEquals(0, AddressRequest.parse("2001:db8::1/0").prefixLength());
        assertEquals(128, AddressRequest.parse("2001:db8::1/128").prefixLength());
    }

    @Test
    void ipv4Prefix33IsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressRequest.parse("198.18.0.1/33"));
        assertEquals("prefix length 33 for IPv4 address 198.18.0.1 is out of range 0-32", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddressRequest.of(ip("198.18.0.1"), 33));
    }

    @Test
    void ipv6Prefix129IsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressRequest.parse("2001:db8::1/129"));
        assertTrue(e.getMessage().contains("prefix length 129 for IPv6"), e.getMessage());
        assertTrue(e.getMessage().contains("0-128"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddressRequest.of(ip("2001:db8::1"), 129));
    }

    @Test
    void negativePrefixIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressRequest.parse("198.18.0.1/-1"));
        assertTrue(e.getMessage().contains("prefix length -1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddressRequest.of(ip("2001:db8::1"), -1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.18.0.1", "198.18.0.1/", "198.18.0.1/x", "198.18.0.1/24/8", "198.18.0.1/ 24"})
    void missingOrNonNumericPrefixIsRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressRequest.parse(text));
        assertTrue(e.getMessage().startsWith("address \"" + text + "\""), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com/24", "localhost/8", "tun0/24", "/24", "198.18.0/24", "198.18.0.1.1/24",
            " 198.18.0.1/24", "2001:db8::g/64", "2001:db8:::1/64", "fe80::1%eth0/64", "0x7f.0.0.1/8"})
    void nonLiteralsAreRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressRequest.parse(text));
        assertTrue(e.getMessage().contains("is not an IPv4 or IPv6 address literal"), e.getMessage());
    }

    @Test
    void nullIsRejected() {
        assertThrows(NullPointerException.class, () -> AddressRequest.parse(null));
        assertThrows(NullPointerException.class, () -> AddressRequest.of(null, 24));
    }

    @Test
    void broadcastOnIpv4() {
        AddressRequest r = AddressRequest.parse("198.18.0.1/24").withBroadcast(ip4("198.18.0.255"));
        assertEquals(Optional.of(ip4("198.18.0.255")), r.broadcast());
        assertEquals(Optional.empty(), r.destination());
        assertEquals("198.18.0.1/24 brd 198.18.0.255", r.toString());
    }

    @Test
    void broadcastOnIpv6IsRejected() {
        AddressRequest v6 = AddressRequest.parse("2001:db8::1/64");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v6.withBroadcast(ip4("198.18.0.255")));
        assertTrue(e.getMessage().contains("IPv6 address 2001:db8:0:0:0:0:0:1 has no broadcast"), e.getMessage());
    }

    @Test
    void destinationOfTheSameFamily() {
        AddressRequest r = AddressRequest.parse("198.51.100.1/32").withDestination(ip("198.51.100.2"));
        assertEquals(Optional.of(ip("198.51.100.2")), r.destination());
        assertEquals("198.51.100.1/32 peer 198.51.100.2", r.toString());

        AddressRequest r6 = AddressRequest.parse("2001:db8::1/128").withDestination(ip("2001:db8::2"));
        assertEquals(Optional.of(ip("2001:db8::2")), r6.destination());
    }

    @Test
    void destinationOfTheOtherFamilyIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddressRequest.parse("198.51.100.1/32").withDestination(ip("2001:db8::2")));
        assertTrue(e.getMessage().contains("is IPv6 but address 198.51.100.1 is IPv4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AddressRequest.parse("2001:db8::1/64").withDestination(ip("198.51.100.2")));
        assertTrue(e.getMessage().contains("is IPv4 but address 2001:db8:0:0:0:0:0:1 is IPv6"), e.getMessage());
    }

    @Test
    void broadcastThenDestinationIsRejected() {
        AddressRequest b = AddressRequest.parse("198.18.0.1/24").withBroadcast(ip4("198.18.0.255"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.withDestination(ip("198.18.0.2")));
        assertTrue(e.getMessage().contains("are both set"), e.getMessage());
        assertTrue(e.getMessage().contains("198.18.0.255") && e.getMessage().contains("198.18.0.2"), e.getMessage());
    }

    @Test
    void destinationThenBroadcastIsRejected() {
        AddressRequest d = AddressRequest.parse("198.18.0.1/24").withDestination(ip("198.18.0.2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withBroadcast(ip4("198.18.0.255")));
        assertTrue(e.getMessage().contains("are both set"), e.getMessage());
    }

    @Test
    void withMethodsLeaveTheOriginalAlone() {
        AddressRequest plain = AddressRequest.parse("198.18.0.1/24");
        plain.withBroadcast(ip4("198.18.0.255"));
        plain.withDestination(ip("198.18.0.2"));
        assertEquals(Optional.empty(), plain.broadcast());
        assertEquals(Optional.empty(), plain.destination());
    }

    @Test
    void equality() {
        AddressRequest a = AddressRequest.parse("198.18.0.1/24");
        assertEquals(a, AddressRequest.of(ip("198.18.0.1"), 24));
        assertEquals(a.hashCode(), AddressRequest.of(ip("198.18.0.1"), 24).hashCode());
        assertNotEquals(a, AddressRequest.parse("198.18.0.1/25"));
        assertNotEquals(a, AddressRequest.parse("198.18.0.2/24"));
        assertNotEquals(a, a.withBroadcast(ip4("198.18.0.255")));
        assertNotEquals(a, a.withDestination(ip("198.18.0.2")));
        assertEquals(a.withDestination(ip("198.18.0.2")), AddressRequest.parse("198.18.0.1/24").withDestination(ip("198.18.0.2")));
    }

    // ---- AddressInfo ----

    @Test
    void addressInfoBasics() {
        AddressInfo v4 = AddressInfo.of(ip("198.18.0.1"), 24);
        assertFalse(v4.isIpv6());
        assertFalse(v4.isLinkLocal());
        assertEquals("198.18.0.1/24", v4.toString());
        assertTrue(v4.matches(AddressRequest.parse("198.18.0.1/24")));
        assertFalse(v4.matches(AddressRequest.parse("198.18.0.1/25")));
        assertFalse(v4.matches(AddressRequest.parse("198.18.0.2/24")));

        AddressInfo ll = AddressInfo.of(ip("fe80::1"), 64);
        assertTrue(ll.isIpv6());
        assertTrue(ll.isLinkLocal());
        assertFalse(AddressInfo.of(ip("2001:db8::1"), 64).isLinkLocal());
    }

    @Test
    void addressInfoToStringShowsBroadcastAndPeer() {
        AddressInfo b = new AddressInfo(ip("198.18.0.1"), 24, Optional.of(ip4("198.18.0.255")), Optional.empty());
        assertEquals("198.18.0.1/24 brd 198.18.0.255", b.toString());
        AddressInfo p = new AddressInfo(ip("198.51.100.1"), 32, Optional.empty(), Optional.of(ip("198.51.100.2")));
        assertEquals("198.51.100.1/32 peer 198.51.100.2", p.toString());
        assertEquals(p, new AddressInfo(ip("198.51.100.1"), 32, Optional.empty(), Optional.of(ip("198.51.100.2"))));
    }

    @Test
    void addressInfoChecksItsPrefixAndNulls() {
        assertThrows(IllegalArgumentException.class, () -> AddressInfo.of(ip("198.18.0.1"), 33));
        assertThrows(IllegalArgumentException.class, () -> AddressInfo.of(ip("2001:db8::1"), 129));
        assertThrows(IllegalArgumentException.class, () -> AddressInfo.of(ip("2001:db8::1"), -1));
        assertThrows(NullPointerException.class, () -> AddressInfo.of(null, 24));
        assertThrows(NullPointerException.class, () -> new AddressInfo(ip("198.18.0.1"), 24, null, Optional.empty()));
        assertThrows(NullPointerException.class, () -> new AddressInfo(ip("198.18.0.1"), 24, Optional.empty(), null));
    }
}
