package dev.tappers.linux.netlink;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_NOOP;
import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_OVERRUN;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_ACK;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_DUMP;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_DUMP_INTR;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_MULTI;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_REQUEST;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_GETADDR;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_GETLINK;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_NEWADDR;
import static dev.tappers.linux.netlink.NetlinkConstants.RTM_NEWLINK;
import static dev.tappers.linux.netlink.Replies.ack;
import static dev.tappers.linux.netlink.Replies.datagram;
import static dev.tappers.linux.netlink.Replies.done;
import static dev.tappers.linux.netlink.Replies.error;
import static dev.tappers.linux.netlink.Replies.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtnetlinkTest {
    private static final int EEXIST = 17;

    private static ByteBuffer newAddr() {
        return NetlinkMessageWriter.create(RTM_NEWADDR, 0).ifaddrmsg(new IfAddrMsg(2, 24, 0, 0, 3)).finish();
    }

    private static ByteBuffer getAddrDump() {
        return NetlinkMessageWriter.create(RTM_GETADDR, 0).ifaddrmsg(new IfAddrMsg(0, 0, 0, 0, 0)).finish();
    }

    /** An RTM_NEWADDR dump part whose payload is a marker number. */
    private static byte[] part(int seq, int marker) {
        return message(RTM_NEWADDR, NLM_F_MULTI, seq, Bytes.of().u32(marker).toArray());
    }

    private static int marker(NetlinkMessage m) {
        return m.payload().getInt(0);
    }

    @Test
    void request_is_sent_with_request_and_ack_flags_and_a_fresh_sequence_number_and_returns_on_ack() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(datagram(ack(r.seq(), r.type()))));
        List<NetlinkMessage> replies = Rtnetlink.request(t, newAddr());
        assertTrue(replies.isEmpty());
        assertEquals(1, t.sent.size());
        assertEquals(RTM_NEWADDR, t.sent.get(0).type());
        assertEquals(NLM_F_REQUEST | NLM_F_ACK, t.sent.get(0).flags());
        assertNotEquals(0, t.sent.get(0).seq());
        assertEquals(1, t.receives);

        Rtnetlink.request(t, newAddr());
        assertNotEquals(t.sent.get(0).seq(), t.sent.get(1).seq(), "every request gets its own sequence number");
    }

    @Test
    void error_reply_becomes_netlink_error_exception_with_positive_errno_and_request_type() {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(datagram(error(r.seq(), -EEXIST, r.type()))));
        NetlinkErrorException e = assertThrows(NetlinkErrorException.class, () -> Rtnetlink.request(t, newAddr()));
        assertEquals(EEXIST, e.errno());
        assertEquals(RTM_NEWADDR, e.requestType());
        assertTrue(e.getMessage().contains("RTM_NEWADDR") && e.getMessage().contains("EEXIST"), e.getMessage());
        assertTrue(e instanceof IOException);
    }

    @Test
    void replies_with_other_sequence_numbers_are_ignored() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(
                // An error for someone else's request, in the same datagram as a notification...
                datagram(error(r.seq() + 1, -EEXIST, r.type()), message(RTM_NEWLINK, 0, 0, new byte[16])),
                // ...then the real answer.
                datagram(ack(r.seq(), r.type()))));
        assertTrue(Rtnetlink.request(t, newAddr()).isEmpty());
        assertEquals(2, t.receives);
    }

    @Test
    void request_returns_the_replies_that_precede_the_ack() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(
                datagram(message(RTM_NEWLINK, 0, r.seq(), Bytes.of().u32(77).toArray())),
                datagram(ack(r.seq(), r.type()))));
        ByteBuffer get = NetlinkMessageWriter.create(RTM_GETLINK, 0).ifinfomsg(IfInfoMsg.forIndex(5)).finish();
        List<NetlinkMessage> replies = Rtnetlink.request(t, get);
        assertEquals(1, replies.size());
        assertEquals(77, marker(replies.get(0)));
    }

    @Test
    void dump_follows_parts_across_three_datagrams_until_done() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(
                datagram(part(r.seq(), 1), part(r.seq(), 2)),
                datagram(part(r.seq(), 3), part(r.seq() - 1, 999)),   // a stale part from an older dump
                datagram(part(r.seq(), 4), done(r.seq()))));
        List<NetlinkMessage> parts = Rtnetlink.dump(t, getAddrDump());
        assertEquals(List.of(1, 2, 3, 4), parts.stream().map(RtnetlinkTest::marker).toList());
        assertEquals(3, t.receives);
        assertEquals(NLM_F_REQUEST | NLM_F_DUMP, t.sent.get(0).flags());
        assertEquals(RTM_GETADDR, t.sent.get(0).type());
    }

    @Test
    void dump_parts_stay_valid_after_the_receive_buffer_is_reused() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(
                datagram(part(r.seq(), 11)), datagram(part(r.seq(), 22)), datagram(done(r.seq()))));
        List<NetlinkMessage> parts = Rtnetlink.dump(t, getAddrDump());
        assertEquals(11, marker(parts.get(0)));
        assertEquals(22, marker(parts.get(1)));
    }

    @Test
    void dump_refused_by_the_kernel_throws_with_the_errno() {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(datagram(error(r.seq(), -95, r.type()))));
        NetlinkErrorException e = assertThrows(NetlinkErrorException.class, () -> Rtnetlink.dump(t, getAddrDump()));
        assertEquals(95, e.errno());
        assertEquals(RTM_GETADDR, e.requestType());
    }

    @Test
    void dump_that_fails_part_way_reports_the_error_carried_by_done() {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(datagram(part(r.seq(), 1),
                message(NetlinkConstants.NLMSG_DONE, NLM_F_MULTI, r.seq(), Bytes.of().u32(-4).toArray()))));
        NetlinkErrorException e = assertThrows(NetlinkErrorException.class, () -> Rtnetlink.dump(t, getAddrDump()));
        assertEquals(4, e.errno());
    }

    @Test
    void interrupted_dump_is_tried_again_with_a_new_sequence_number() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> i == 0
                ? List.of(datagram(message(RTM_NEWADDR, NLM_F_MULTI | NLM_F_DUMP_INTR, r.seq(), Bytes.of().u32(1).toArray()),
                        done(r.seq())))
                : List.of(datagram(part(r.seq(), 2), done(r.seq()))));
        List<NetlinkMessage> parts = Rtnetlink.dump(t, getAddrDump());
        assertEquals(2, t.sent.size());
        assertNotEquals(t.sent.get(0).seq(), t.sent.get(1).seq());
        assertEquals(List.of(2), parts.stream().map(RtnetlinkTest::marker).toList());
    }

    @Test
    void a_dump_interrupted_every_time_returns_the_last_attempt_after_a_bounded_number_of_tries() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(datagram(
                message(RTM_NEWADDR, NLM_F_MULTI | NLM_F_DUMP_INTR, r.seq(), Bytes.of().u32(i).toArray()),
                done(r.seq()))));
        List<NetlinkMessage> parts = Rtnetlink.dump(t, getAddrDump());
        assertEquals(Rtnetlink.DUMP_ATTEMPTS, t.sent.size());
        assertEquals(List.of(Rtnetlink.DUMP_ATTEMPTS - 1), parts.stream().map(RtnetlinkTest::marker).toList());
    }

    @Test
    void single_part_answer_to_a_dump_ends_it_without_waiting_for_done() throws Exception {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(
                datagram(message(RTM_NEWADDR, 0, r.seq(), Bytes.of().u32(5).toArray()))));
        assertEquals(1, Rtnetlink.dump(t, getAddrDump()).size());
    }

    @Test
    void noop_is_skipped_and_overrun_is_an_error() throws Exception {
        ScriptedTransport noop = new ScriptedTransport((i, r) -> List.of(datagram(
                message(NLMSG_NOOP, 0, r.seq(), new byte[0]), part(r.seq(), 1), done(r.seq()))));
        assertEquals(1, Rtnetlink.dump(noop, getAddrDump()).size());

        ScriptedTransport overrun = new ScriptedTransport((i, r) -> List.of(datagram(
                part(r.seq(), 1), message(NLMSG_OVERRUN, 0, r.seq(), new byte[0]))));
        IOException e = assertThrows(IOException.class, () -> Rtnetlink.dump(overrun, getAddrDump()));
        assertTrue(e.getMessage().contains("OVERRUN"), e.getMessage());
    }

    @Test
    void a_truncated_datagram_reported_by_the_transport_surfaces() {
        IOException cut = new IOException("netlink reply of 70000 bytes does not fit the 65536-byte buffer");
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(datagram(part(r.seq(), 1)))) {
            @Override
            public int receive(ByteBuffer into) throws IOException {
                throw cut;
            }
        };
        assertSame(cut, assertThrows(IOException.class, () -> Rtnetlink.dump(t, getAddrDump())));
    }

    @Test
    void receive_buffer_is_at_least_32_kib() throws Exception {
        int[] offered = new int[1];
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(datagram(ack(r.seq(), r.type())))) {
            @Override
            public int receive(ByteBuffer into) throws IOException {
                offered[0] = into.remaining();
                return super.receive(into);
            }
        };
        Rtnetlink.request(t, newAddr());
        assertTrue(offered[0] >= 32 * 1024, "offered " + offered[0]);
    }

    @Test
    void malformed_reply_is_an_io_error_not_a_hang() {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of(
                Bytes.of().header(0, RTM_NEWADDR, 0, r.seq(), 0).toArray()));
        assertThrows(MalformedNetlinkException.class, () -> Rtnetlink.request(t, newAddr()));
    }

    @Test
    void an_error_code_that_is_not_zero_or_minus_errno_is_malformed() {
        ScriptedTransport positive = new ScriptedTransport((i, r) -> List.of(datagram(error(r.seq(), 17, r.type()))));
        assertThrows(MalformedNetlinkException.class, () -> Rtnetlink.request(positive, newAddr()));
        ScriptedTransport min = new ScriptedTransport((i, r) -> List.of(datagram(error(r.seq(), Integer.MIN_VALUE, r.type()))));
        assertThrows(MalformedNetlinkException.class, () -> Rtnetlink.request(min, newAddr()));
    }

    @Test
    void only_a_finished_message_is_accepted() {
        ScriptedTransport t = new ScriptedTransport((i, r) -> List.of());
        ByteBuffer notAMessage = ByteBuffer.allocate(8);
        assertThrows(IllegalArgumentException.class, () -> Rtnetlink.request(t, notAMessage));
        assertTrue(t.sent.isEmpty());
    }
}
