package dev.tappers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MacAddressTest {
    private static final byte[] BYTES = {0x02, 0x00, 0x5e, 0x10, 0x00, (byte) 0xfe};

    @ParameterizedTest
    @ValueSource(strings = {"02:00:5e:10:00:fe", "02-00-5E-10-00-FE", "2:0:5e:10:0:fe", "02:00:5E:10:00:fE"})
    void parsesColonAndDashForms(String text) {
        MacAddress mac = MacAddress.parse(text);
        assertArrayEquals(BYTES, mac.toBytes());
        assertEquals("02:00:5e:10:00:fe", mac.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"02:00:5e:10:00", "02:00:5e:10:00:fe:01", "", "02005e1000fe"})
    void wrongOctetCountIsRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(text));
        assertTrue(e.getMessage().contains("mac address \"" + text + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("6 octets"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"02:00:5e:10:00:fg", "02:00:5e:100:00:fe", "02::5e:10:00:fe", "02:00:5e:10:00:+f",
            "02:00:5e:10:00: f", "0x:00:5e:10:00:fe"})
    void badOctetsAreRejectedNamingTheOctet(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(text));
        assertTrue(e.getMessage().contains("octet "), e.getMessage());
        assertTrue(e.getMessage().contains("not 1-2 hex digits"), e.getMessage());
    }

    @Test
    void nonAsciiDigitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("\uFF10\uFF12:00:5e:10:00:fe"));
    }

    @Test
    void ofTakesExactlySixBytesAndCopiesThem() {
        byte[] b = BYTES.clone();
        MacAddress mac = MacAddress.of(b);
        b[0] = 0x7f;
        assertArrayEquals(BYTES, mac.toBytes());
        mac.toBytes()[1] = 0x7f;
        assertArrayEquals(BYTES, mac.toBytes());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacAddress.of(new byte[5]));
        assertTrue(e.getMessage().contains("got 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MacAddress.of(new byte[7]));
        assertThrows(NullPointerException.class, () -> MacAddress.of(null));
        assertThrows(NullPointerException.class, () -> MacAddress.parse(null));
    }

    @Test
    void toStringPadsAndLowercases() {
        assertEquals("00:0a:ff:01:80:7f", MacAddress.of(new byte[]{0, 10, (byte) 255, 1, (byte) 128, 127}).toString());
    }

    @Test
    void equality() {
        MacAddress a = MacAddress.parse("02:00:5e:10:00:fe");
        assertEquals(a, MacAddress.of(BYTES));
        assertEquals(a.hashCode(), MacAddress.of(BYTES).hashCode());
        assertNotEquals(a, MacAddress.parse("02:00:5e:10:00:ff"));
        assertNotEquals(a, "02:00:5e:10:00:fe");
    }

    @Test
    void multicastAndLocalBits() {
        assertTrue(MacAddress.parse("ff:ff:ff:ff:ff:ff").isMulticast());
        assertTrue(MacAddress.parse("01:00:5e:00:00:01").isMulticast());
        assertFalse(MacAddress.parse("01:00:5e:00:00:01").isLocallyAdministered());
        assertFalse(MacAddress.parse("00:1b:21:00:00:01").isMulticast());
        assertFalse(MacAddress.parse("00:1b:21:00:00:01").isLocallyAdministered());
        assertTrue(MacAddress.parse("02:00:00:00:00:01").isLocallyAdministered());
    }

    @Test
    void randomLocalIsUnicastLocallyAdministeredAndVaries() {
        java.util.Set<MacAddress> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            MacAddress m = MacAddress.randomLocal();
            assertFalse(m.isMulticast(), m.toString());
            assertTrue(m.isLocallyAdministered(), m.toString());
            seen.add(m);
        }
        // 46 random bits: 200 draws colliding down to a handful would mean the randomness is broken.
        assertTrue(seen.size() > 190, "only " + seen.size() + " distinct addresses in 200 draws");
    }
}
