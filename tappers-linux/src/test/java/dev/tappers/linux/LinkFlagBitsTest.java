package dev.tappers.linux;

import dev.tappers.LinkFlag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flags word and {@link LinkFlag}: ARP is on while IFF_NOARP (0x80) is clear. Bits from {@code <linux/if.h>}. */
class LinkFlagBitsTest {
    private static final int IFF_UP = 0x1;
    private static final int IFF_NOARP = 0x80;
    private static final int IFF_PROMISC = 0x100;
    private static final int IFF_MULTICAST = 0x1000;

    @Test
    void aTapsUsualFlagsMeanArpAndMulticast() {
        assertEquals(EnumSet.of(LinkFlag.ARP, LinkFlag.MULTICAST), LinkFlagBits.fromIff(IFF_UP | IFF_MULTICAST | 0x2));
    }

    @Test
    void aTunsNoArpMeansArpOff() {
        assertEquals(EnumSet.of(LinkFlag.MULTICAST), LinkFlagBits.fromIff(IFF_NOARP | IFF_MULTICAST | 0x10));
    }

    @Test
    void promiscuousIsItsOwnBit() {
        assertEquals(EnumSet.of(LinkFlag.PROMISCUOUS), LinkFlagBits.fromIff(IFF_NOARP | IFF_PROMISC));
        assertEquals(EnumSet.of(LinkFlag.ARP), LinkFlagBits.fromIff(0));
    }

    @Test
    void bitsAndDirections() {
        assertEquals(IFF_PROMISC, LinkFlagBits.bit(LinkFlag.PROMISCUOUS));
        assertEquals(IFF_MULTICAST, LinkFlagBits.bit(LinkFlag.MULTICAST));
        assertEquals(IFF_NOARP, LinkFlagBits.bit(LinkFlag.ARP));
        assertTrue(LinkFlagBits.bitSetFor(LinkFlag.PROMISCUOUS, true));
        assertFalse(LinkFlagBits.bitSetFor(LinkFlag.ARP, true), "ARP on clears IFF_NOARP");
        assertTrue(LinkFlagBits.bitSetFor(LinkFlag.ARP, false), "ARP off sets IFF_NOARP");
        assertThrows(NullPointerException.class, () -> LinkFlagBits.bit(null));
    }

    @Test
    void theResultCannotBeChanged() {
        Set<LinkFlag> flags = LinkFlagBits.fromIff(0);
        assertThrows(UnsupportedOperationException.class, () -> flags.add(LinkFlag.PROMISCUOUS));
    }
}
