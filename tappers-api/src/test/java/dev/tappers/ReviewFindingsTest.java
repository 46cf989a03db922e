package dev.tappers;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inputs a review found that slipped through: each is refused up front with a message that says why. */
class ReviewFindingsTest {

    @Test
    void anUnpairedSurrogateInANameIsRefusedNotTurnedIntoAQuestionMark() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InterfaceName.of("tun\uD800x"));
        assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
        assertEquals("tun\uD83D\uDE00", InterfaceName.of("tun\uD83D\uDE00").value(), "a paired surrogate is fine");
    }

    @Test
    void aNameWhoseUtf8HasTheByte0xA0IsRefusedBecauseLinuxReadsItAsASpace() {
        // "à" is C3 A0 in UTF-8; U+00A0 itself is C2 A0.
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InterfaceName.of("tunà")).getMessage()
                .contains("0xA0"));
        assertThrows(IllegalArgumentException.class, () -> InterfaceName.of("tun\u00A0"));
        assertEquals("tuné", InterfaceName.of("tuné").value(), "é is C3 A9: no 0xA0 byte");
    }

    @Test
    void anIpv4MappedIpv6AddressIsRefusedWithTheIpv4Form() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddressRequest.parse("::ffff:198.51.100.1/120"));
        assertTrue(e.getMessage().contains("198.51.100.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Route.to("::ffff:0:0/96"));
    }

    @Test
    void vethOptionsAreValuesWithEqualsAndHashCode() throws Exception {
        VethOptions a = VethOptions.named("va", "vb").withMtu(1400).withMac(MacAddress.parse("02:00:00:00:00:01"));
        VethOptions b = VethOptions.named("va", "vb").withMtu(1400).withMac(MacAddress.parse("02:00:00:00:00:01"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, b.withMtu(1500));
        assertNotEquals(a, VethOptions.named("va", "vc").withMtu(1400).withMac(MacAddress.parse("02:00:00:00:00:01")));
        assertEquals(InetAddress.getByName("2001:db8::1"), AddressRequest.parse("2001:db8::1/64").address());
    }
}
