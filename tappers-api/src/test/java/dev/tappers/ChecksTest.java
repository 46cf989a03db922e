package dev.tappers;

import dev.tappers.spi.Checks;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static dev.tappers.AddressRequestTest.ip;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider-side argument checks in {@link Checks}. */
class ChecksTest {

    @Test
    void mtuRange() {
        assertDoesNotThrow(() -> Checks.mtuInRange("tun0", 1));
        assertDoesNotThrow(() -> Checks.mtuInRange("tun0", 1500));
        assertDoesNotThrow(() -> Checks.mtuInRange("tun0", 65535));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checks.mtuInRange("tun0", 0));
        assertEquals("set MTU on tun0: mtu 0 is out of range 1-65535", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Checks.mtuInRange("tun0", 70000));
        assertTrue(e.getMessage().contains("mtu 70000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Checks.mtuInRange("tun0", -1));
        assertThrows(IllegalArgumentException.class, () -> Checks.mtuInRange("tun0", 65536));
    }

    @Test
    void mtuBelowIpv6MinimumIsRejectedWhileAGlobalIpv6AddressIsConfigured() {
        List<AddressInfo> withV6 = List.of(AddressInfo.of(ip("198.18.0.1"), 24), AddressInfo.of(ip("2001:db8::1"), 64));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.mtuKeepsIpv6("tun0", 1279, withV6));
        assertTrue(e.getMessage().startsWith("set MTU on tun0: mtu 1279 is below 1280"), e.getMessage());
        assertTrue(e.getMessage().contains("2001:db8:0:0:0:0:0:1/64"), e.getMessage());
        assertDoesNotThrow(() -> Checks.mtuKeepsIpv6("tun0", 1280, withV6));
        assertDoesNotThrow(() -> Checks.mtuKeepsIpv6("tun0", 9000, withV6));
    }

    @Test
    void linkLocalAndIpv4AddressesDoNotHoldTheMtuUp() {
        List<AddressInfo> kernelOnly = List.of(AddressInfo.of(ip("fe80::1"), 64), AddressInfo.of(ip("198.18.0.1"), 24));
        assertDoesNotThrow(() -> Checks.mtuKeepsIpv6("tun0", 576, kernelOnly));
        assertDoesNotThrow(() -> Checks.mtuKeepsIpv6("tun0", 68, List.of()));
    }

    @Test
    void ipv6AddressNeedsTheMtu() {
        AddressRequest v6 = AddressRequest.parse("2001:db8::1/64");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checks.ipv6FitsMtu("tun0", v6, 1279));
        assertTrue(e.getMessage().startsWith("add address 2001:db8:0:0:0:0:0:1/64 on tun0: the MTU is 1279"), e.getMessage());
        assertTrue(e.getMessage().contains("raise the MTU first"), e.getMessage());
        assertDoesNotThrow(() -> Checks.ipv6FitsMtu("tun0", v6, 1280));
        assertDoesNotThrow(() -> Checks.ipv6FitsMtu("tun0", AddressRequest.parse("198.18.0.1/24"), 576));
    }

    @Test
    void ipVersionReadsTheFirstNibbleAtThePosition() {
        ByteBuffer b = ByteBuffer.wrap(new byte[]{0x00, 0x45, 0x60});
        b.position(1);
        assertEquals(4, Checks.ipVersion("tun0", b));
        assertEquals(1, b.position(), "ipVersion must not move the position");
        b.position(2);
        assertEquals(6, Checks.ipVersion("tun0", b));
    }

    @Test
    void ipVersionRejectsNonIp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.ipVersion("tun0", ByteBuffer.wrap(new byte[]{0x54})));
        assertEquals("send on tun0: a TUN carries IPv4 or IPv6 packets, but the first byte 0x54 gives IP version 5",
                e.getMessage());
        // The low nibble is not the version (a trap the Rust crate fell into: see PRIOR-ART.md).
        assertThrows(IllegalArgumentException.class, () -> Checks.ipVersion("tun0", ByteBuffer.wrap(new byte[]{0x04})));
        assertThrows(IllegalArgumentException.class, () -> Checks.ipVersion("tun0", ByteBuffer.wrap(new byte[]{0x06})));
    }

    @Test
    void ipVersionRejectsAnEmptyBufferAsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Checks.ipVersion("tun0", ByteBuffer.allocate(0)));
    }

    @Test
    void packetToSend() {
        assertDoesNotThrow(() -> Checks.packetToSend("tun0", ByteBuffer.allocate(20), 1500));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.packetToSend("tun0", ByteBuffer.allocate(0), 1500));
        assertEquals("send on tun0: the packet is empty", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Checks.packetToSend("tun0", ByteBuffer.allocate(1501), 1500));
        assertEquals("send on tun0: the packet is 1501 bytes; the limit is 1500", e.getMessage());
        assertThrows(NullPointerException.class, () -> Checks.packetToSend("tun0", null, 1500));
    }

    @Test
    void receiveBuffer() {
        assertDoesNotThrow(() -> Checks.receiveBuffer("tun0", ByteBuffer.allocateDirect(16)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.receiveBuffer("tun0", ByteBuffer.allocate(16).asReadOnlyBuffer()));
        assertEquals("receive on tun0: the buffer is read-only", e.getMessage());
        assertThrows(NullPointerException.class, () -> Checks.receiveBuffer("tun0", null));
    }
}
