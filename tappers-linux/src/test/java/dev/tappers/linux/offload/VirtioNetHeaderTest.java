package dev.tappers.linux.offload;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VirtioNetHeaderTest {
    @Test
    void constantsAreThoseOfTheLinuxHeaders() {
        // <linux/virtio_net.h> and <linux/if_tun.h>, values printed by a C program (sizeof, offsetof, the macros)
        assertEquals(10, VirtioNetHeader.SIZE);
        assertEquals(1, VirtioNetHeader.F_NEEDS_CSUM);
        assertEquals(2, VirtioNetHeader.F_DATA_VALID);
        assertEquals(0, VirtioNetHeader.GSO_NONE);
        assertEquals(1, VirtioNetHeader.GSO_TCPV4);
        assertEquals(3, VirtioNetHeader.GSO_UDP);
        assertEquals(4, VirtioNetHeader.GSO_TCPV6);
        assertEquals(5, VirtioNetHeader.GSO_UDP_L4);
        assertEquals(0x80, VirtioNetHeader.GSO_ECN);
        assertEquals(0x400454D0L, TunOffloadAbi.TUNSETOFFLOAD);
        assertEquals(0x800454D7L, TunOffloadAbi.TUNGETVNETHDRSZ);
        assertEquals(0x400454D8L, TunOffloadAbi.TUNSETVNETHDRSZ);
        assertEquals(0x400454DCL, TunOffloadAbi.TUNSETVNETLE);
        assertEquals(0x01, TunOffloadAbi.TUN_F_CSUM);
        assertEquals(0x02, TunOffloadAbi.TUN_F_TSO4);
        assertEquals(0x04, TunOffloadAbi.TUN_F_TSO6);
        assertEquals(0x08, TunOffloadAbi.TUN_F_TSO_ECN);
        assertEquals(0x10, TunOffloadAbi.TUN_F_UFO);
        assertEquals(0x20, TunOffloadAbi.TUN_F_USO4);
        assertEquals(0x40, TunOffloadAbi.TUN_F_USO6);
    }

    @Test
    void fieldsAreLittleEndianAtTheStructOffsetsWhateverTheBufferOrder() {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            ByteBuffer b = ByteBuffer.allocate(13).order(order);
            new VirtioNetHeader().set(0x01, 0x81, 0x0102, 0x0304, 0x0506, 0x0708).writeTo(b, 3);
            assertArrayEquals(new byte[] {0, 0, 0, 1, (byte) 0x81, 2, 1, 4, 3, 6, 5, 8, 7}, b.array(), order.toString());
            VirtioNetHeader h = new VirtioNetHeader().readFrom(b, 3);
            assertEquals(1, h.flags());
            assertTrue(h.needsChecksum());
            assertEquals(0x81, h.gsoType());
            assertEquals(VirtioNetHeader.GSO_TCPV4, h.gsoKind());
            assertEquals(0x0102, h.hdrLen());
            assertEquals(0x0304, h.gsoSize());
            assertEquals(0x0506, h.csumStart());
            assertEquals(0x0708, h.csumOffset());
        }
    }

    @Test
    void fieldsAboveSevenBitsReadUnsigned() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xE8,
                (byte) 0xFD, 0, (byte) 0x80, 1, 0});
        VirtioNetHeader h = new VirtioNetHeader().readFrom(b, 0);
        assertEquals(255, h.flags());
        assertEquals(254, h.gsoType());
        assertEquals(65535, h.hdrLen());
        assertEquals(0xFDE8, h.gsoSize());
        assertEquals(0x8000, h.csumStart());
        assertEquals(1, h.csumOffset());
    }

    @Test
    void aTruncatedHeaderIsMalformedNotAnIndexError() {
        VirtioNetHeader h = new VirtioNetHeader();
        for (int n = 0; n < VirtioNetHeader.SIZE; n++) {
            ByteBuffer b = ByteBuffer.allocate(n);
            MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> h.readFrom(b, 0));
            assertTrue(e.getMessage().startsWith("read virtio-net header"), e.getMessage());
        }
        assertThrows(MalformedPacketException.class, () -> h.readFrom(ByteBuffer.allocate(20), 11));
        assertThrows(MalformedPacketException.class, () -> h.readFrom(ByteBuffer.allocate(20), -1));
        assertThrows(IllegalArgumentException.class, () -> h.writeTo(ByteBuffer.allocate(9), 0));
    }
}
