package dev.tappers.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UdpCountersTest {

    @Test
    void columnsAreFoundByName() {
        UdpCounters c = UdpCounters.parse(List.of(
                "Ip: Forwarding DefaultTTL", "Ip: 1 64",
                "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors",
                "Udp: 31 7 2 32 0 0 0 0 0",
                "UdpLite: InDatagrams NoPorts InErrors OutDatagrams", "UdpLite: 100 100 100 100"));
        assertEquals(new UdpCounters(31, 7, 2), c);
        assertEquals(40, c.arrived());
        // An older kernel's shorter line, in another order, reads the same way.
        assertEquals(new UdpCounters(5, 6, 7), UdpCounters.parse(List.of(
                "Udp: NoPorts InDatagrams OutDatagrams InErrors", "Udp: 6 5 9 7")));
    }

    @Test
    void missingLinesOrColumnsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> UdpCounters.parse(List.of("Ip: a", "Ip: 1")));
        assertThrows(IllegalArgumentException.class, () -> UdpCounters.parse(List.of("Udp: InDatagrams NoPorts")));
        assertThrows(IllegalArgumentException.class, () -> UdpCounters.parse(List.of(
                "Udp: InDatagrams NoPorts", "Udp: 1 2")));
    }

    @Test
    void readsThisMachinesCounters() throws IOException {
        assertTrue(UdpCounters.read().arrived() >= 0);
    }
}
