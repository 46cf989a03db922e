package dev.tappers.linux.netlink;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetlinkMessageWriterTest {

    private static void assertBytes(Bytes expected, ByteBuffer actual) {
        byte[] a = Bytes.toArray(actual);
        assertArrayEquals(expected.toArray(), a, () -> "expected " + Bytes.hex(expected.toArray()) + "\n but got " + Bytes.hex(a));
    }

    @Test
    void header_only_message_has_its_length_patched_and_zero_seq_and_pid() {
        ByteBuffer m = NetlinkMessageWriter.create(NetlinkConstants.RTM_GETLINK, 0x301).finish();
        assertBytes(Bytes.of().header(16, 18, 0x301, 0, 0), m);
        assertEquals(ByteOrder.nativeOrder(), m.order());
    }

    @Test
    void attributes_are_padded_to_four_but_their_length_is_not() {
        ByteBuffer m = NetlinkMessageWriter.create(100, 1)
                .u8(1, 0xAB)            // 4 + 1 -> 8
                .u16(2, 0x1234)         // 4 + 2 -> 8
                .u32(3, 0xDEADBEEF)     // 4 + 4 -> 8
                .string(4, "abc")      // 4 + 4 -> 8 (no padding)
                .string(5, "veth0")    // 4 + 6 -> 12
                .bytes(6, new byte[] {1, 2, 3, 4, 5, 6}) // 4 + 6 -> 12
                .finish();
        Bytes expected = Bytes.of().header(16 + 8 + 8 + 8 + 8 + 12 + 12, 100, 1, 0, 0)
                .attr(5, 1).u8(0xAB).zeros(3)
                .attr(6, 2).u16(0x1234).zeros(2)
                .attr(8, 3).u32(0xDEADBEEF)
                .attr(8, 4).cstring("abc")
                .attr(10, 5).cstring("veth0").zeros(2)
                .attr(10, 6).u8(1, 2, 3, 4, 5, 6).zeros(2);
        assertBytes(expected, m);
    }

    @Test
    void nested_attribute_length_covers_its_padded_children_and_sets_nla_f_nested() {
        NetlinkMessageWriter w = NetlinkMessageWriter.create(100, 1);
        int outer = w.beginNested(18);
        w.string(1, "veth");
        int inner = w.beginStructured(7);
        w.u8(2, 9);
        w.end(inner);
        w.end(outer);
        ByteBuffer m = w.finish();
        Bytes expected = Bytes.of().header(16 + 4 + 12 + 4 + 8, 100, 1, 0, 0)
                .attr(4 + 12 + 12, 18 | 0x8000)
                .attr(9, 1).cstring("veth").zeros(3)
                .attr(12, 7) // no NLA_F_NESTED on a structured payload
                .attr(5, 2).u8(9).zeros(3);
        assertBytes(expected, m);
    }

    @Test
    void into_writes_at_the_callers_position_and_moves_it_past_the_message() {
        ByteBuffer target = ByteBuffer.allocate(64);
        target.position(8);
        ByteBuffer m = NetlinkMessageWriter.into(target, 20, 5).u32(8, 2).finish();
        assertEquals(8 + 24, target.position());
        assertBytes(Bytes.of().header(24, 20, 5, 0, 0).attr(8, 8).u32(2), m);
        assertEquals(ByteOrder.BIG_ENDIAN, target.order(), "the caller's buffer keeps its byte order");
        byte[] written = new byte[24];
        target.get(8, written);
        assertArrayEquals(Bytes.toArray(m), written);
    }

    @Test
    void a_message_that_does_not_fit_the_callers_buffer_is_refused_without_writing_past_the_limit() {
        ByteBuffer backing = ByteBuffer.allocate(32);
        ByteBuffer target = backing.duplicate().limit(24);
        NetlinkMessageWriter w = NetlinkMessageWriter.into(target, 20, 5).u32(8, 2);
        assertThrows(IllegalStateException.class, () -> w.u32(8, 3));
        for (int i = 24; i < 32; i++) {
            assertEquals(0, backing.get(i));
        }
    }

    @Test
    void growable_buffer_holds_long_messages() {
        NetlinkMessageWriter w = NetlinkMessageWriter.create(100, 1);
        for (int i = 0; i < 200; i++) {
            w.u32(1, i);
        }
        ByteBuffer m = w.finish();
        assertEquals(16 + 200 * 8, m.remaining());
        assertEquals(16 + 200 * 8, m.getInt(0));
        assertEquals(199, m.getInt(16 + 199 * 8 + 4));
    }

    @Test
    void misuse_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> NetlinkMessageWriter.create(100, 1).string(3, "a\0b"));
        assertThrows(IllegalArgumentException.class, () -> NetlinkMessageWriter.create(100, 1).u8(1, 256));
        assertThrows(IllegalArgumentException.class, () -> NetlinkMessageWriter.create(100, 1).u16(1, -1));
        assertThrows(IllegalArgumentException.class, () -> NetlinkMessageWriter.create(100, 1).u32(0x4000, 1));
        assertThrows(IllegalArgumentException.class, () -> NetlinkMessageWriter.create(100, 1).bytes(1, new byte[70000]));
        assertThrows(IllegalArgumentException.class, () -> NetlinkMessageWriter.create(0x10000, 1));

        NetlinkMessageWriter unclosed = NetlinkMessageWriter.create(100, 1);
        unclosed.beginNested(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, unclosed::finish);
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());

        NetlinkMessageWriter crossed = NetlinkMessageWriter.create(100, 1);
        int outer = crossed.beginNested(1);
        crossed.beginNested(2);
        assertThrows(IllegalStateException.class, () -> crossed.end(outer));

        NetlinkMessageWriter done = NetlinkMessageWriter.create(100, 1);
        done.finish();
        assertThrows(IllegalStateException.class, () -> done.u32(1, 1));
    }
}
