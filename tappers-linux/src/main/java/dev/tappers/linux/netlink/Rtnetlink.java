package dev.tappers.linux.netlink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_DONE;
import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_ERROR;
import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_HDRLEN;
import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_NOOP;
import static dev.tappers.linux.netlink.NetlinkConstants.NLMSG_OVERRUN;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_ACK;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_DUMP;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_DUMP_INTR;
import static dev.tappers.linux.netlink.NetlinkConstants.NLM_F_REQUEST;
import static dev.tappers.linux.netlink.NetlinkConstants.messageTypeName;

/**
 * The two rtnetlink exchanges: a request answered by an ACK or an error, and a dump answered by any number of
 * datagrams of multi-part messages up to NLMSG_DONE. Each exchange stamps a fresh sequence number on the message
 * and ignores whatever else arrives (replies to earlier requests, notifications), so a stale reply is never taken
 * for the answer.
 */
public final class Rtnetlink {
    /**
     * Large enough for any reply datagram: the kernel sizes dump datagrams to the reader's buffer but at most
     * 32 KiB, unless one message needs more (RTM_GETLINK with many VFs), which 64 KiB still holds.
     */
    public static final int RECEIVE_BUFFER_SIZE = 64 * 1024;

    /**
     * Bounds every receive loop. A dump of ~1000 addresses is a few dozen datagrams; a peer that never sends
     * NLMSG_DONE is cut off here (the transport's receive timeout bounds the wait for each datagram).
     */
    static final int MAX_DATAGRAMS = 100_000;

    /** How often a dump whose parts carry NLM_F_DUMP_INTR (the table changed meanwhile) is tried again. */
    static final int DUMP_ATTEMPTS = 3;

    /** Process-wide, so two exchanges never share a number; starts at a time-derived value, never 0. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() >>> 10));

    private Rtnetlink() {
    }

    /**
     * Sends {@code message} with NLM_F_REQUEST|NLM_F_ACK and a fresh sequence number, then reads until the kernel
     * acknowledges it.
     *
     * @param message a finished message from {@link NetlinkMessageWriter}; its sequence number and flags are
     *                changed in place
     * @return the replies with this sequence number that came before the ACK (a GET by index returns its object
     *         here; most changes return none)
     * @throws NetlinkErrorException when the kernel answers with an error
     * @throws IOException           when the transport fails (including a datagram cut short, MSG_TRUNC)
     */
    public static List<NetlinkMessage> request(NetlinkTransport transport, ByteBuffer message) throws IOException {
        Objects.requireNonNull(transport, "netlink transport");
        int requestType = stamp(message, NLM_F_REQUEST | NLM_F_ACK);
        int seq = sequenceOf(message);
        transport.send(message.duplicate());
        List<NetlinkMessage> replies = new ArrayList<>();
        ByteBuffer rx = ByteBuffer.allocate(RECEIVE_BUFFER_SIZE);
        for (int datagrams = 0; datagrams < MAX_DATAGRAMS; datagrams++) {
            for (NetlinkMessage m : receive(transport, rx)) {
                if (m.sequence() != seq) {
                    continue;
                }
                switch (m.type()) {
                    case NLMSG_ERROR:
                        throwIfError(m, requestType);
                        return Collections.unmodifiableList(replies);
                    case NLMSG_OVERRUN:
                        throw overrun(requestType);
                    case NLMSG_NOOP:
                    case NLMSG_DONE:
                        break;
                    default:
                        replies.add(m);
                }
            }
        }
        throw new IOException(messageTypeName(requestType) + ": no ACK after " + MAX_DATAGRAMS + " datagrams");
    }

    /**
     * Sends {@code message} with NLM_F_REQUEST|NLM_F_DUMP and a fresh sequence number, then collects every part of
     * the multi-part reply, across as many datagrams as it takes, until NLMSG_DONE. A dump the kernel marks as
     * interrupted (NLM_F_DUMP_INTR: the table changed meanwhile) is sent again, up to {@value #DUMP_ATTEMPTS}
     * times in all; the last attempt's result is returned even if it too was interrupted.
     *
     * @param message a finished message from {@link NetlinkMessageWriter}; its sequence number and flags are
     *                changed in place
     * @return the data messages (RTM_NEW*) of the dump, in order
     * @throws NetlinkErrorException when the kernel answers with an error (for example an unsupported family)
     */
    public static List<NetlinkMessage> dump(NetlinkTransport transport, ByteBuffer message) throws IOException {
        Objects.requireNonNull(transport, "netlink transport");
        int requestType = stamp(message, NLM_F_REQUEST | NLM_F_DUMP);
        ByteBuffer rx = ByteBuffer.allocate(RECEIVE_BUFFER_SIZE);
        List<NetlinkMessage> parts = List.of();
        for (int attempt = 1; attempt <= DUMP_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                stamp(message, NLM_F_REQUEST | NLM_F_DUMP);
            }
            parts = new ArrayList<>();
            if (!dumpOnce(transport, message, requestType, rx, parts)) {
                break;
            }
        }
        return Collections.unmodifiableList(parts);
    }

    /** One dump; fills {@code parts} and returns whether any part carried NLM_F_DUMP_INTR. */
    private static boolean dumpOnce(NetlinkTransport transport, ByteBuffer message, int requestType, ByteBuffer rx,
                                    List<NetlinkMessage> parts) throws IOException {
        int seq = sequenceOf(message);
        transport.send(message.duplicate());
        boolean interrupted = false;
        for (int datagrams = 0; datagrams < MAX_DATAGRAMS; datagrams++) {
            for (NetlinkMessage m : receive(transport, rx)) {
                if (m.sequence() != seq) {
                    continue;
                }
                interrupted |= (m.flags() & NLM_F_DUMP_INTR) != 0;
                switch (m.type()) {
                    case NLMSG_DONE:
                    case NLMSG_ERROR:
                        // DONE may carry -errno when the dump failed part-way; an ERROR before any part is a
                        // refusal. Either ends the exchange.
                        throwIfError(m, requestType);
                        return interrupted;
                    case NLMSG_OVERRUN:
                        throw overrun(requestType);
                    case NLMSG_NOOP:
                        break;
                    default:
                        parts.add(m);
                        if (!m.isMultipart()) {
                            // A single-part answer has no NLMSG_DONE after it; waiting for one would block.
                            return interrupted;
                        }
                }
            }
        }
        throw new IOException(messageTypeName(requestType) + " dump: no NLMSG_DONE after " + MAX_DATAGRAMS
                + " datagrams");
    }

    /**
     * Receives one datagram and parses it. The bytes are copied out of {@code rx}, so the messages stay valid
     * after {@code rx} is reused.
     */
    private static List<NetlinkMessage> receive(NetlinkTransport transport, ByteBuffer rx) throws IOException {
        rx.clear();
        int n = transport.receive(rx);
        if (n <= 0 || n > rx.capacity()) {
            throw new IOException("netlink receive returned " + n + " bytes; expected 1-" + rx.capacity());
        }
        byte[] copy = new byte[n];
        rx.get(0, copy);
        return NetlinkMessage.parseDatagram(ByteBuffer.wrap(copy).order(ByteOrder.nativeOrder()));
    }

    private static void throwIfError(NetlinkMessage m, int requestType) throws MalformedNetlinkException,
            NetlinkErrorException {
        int code = m.errorCode();
        if (code > 0 || code == Integer.MIN_VALUE) {
            throw new MalformedNetlinkException(messageTypeName(m.type()) + " carries error code " + code
                    + " for " + messageTypeName(requestType));
        }
        if (code < 0) {
            throw new NetlinkErrorException(-code, requestType);
        }
    }

    private static IOException overrun(int requestType) {
        return new IOException(messageTypeName(requestType) + ": the kernel reported NLMSG_OVERRUN (replies were lost)");
    }

    /** Sets a fresh sequence number and ORs {@code flags} into the header; returns the message type. */
    private static int stamp(ByteBuffer message, int flags) {
        Objects.requireNonNull(message, "netlink message");
        ByteBuffer m = message.duplicate().order(ByteOrder.nativeOrder());
        int at = m.position();
        if (m.remaining() < NLMSG_HDRLEN || m.getInt(at) != m.remaining()) {
            throw new IllegalArgumentException("netlink message: expected one finished message of nlmsg_len bytes, got "
                    + m.remaining() + " bytes" + (m.remaining() >= 4 ? " with nlmsg_len " + m.getInt(at) : ""));
        }
        m.putShort(at + 6, (short) ((m.getShort(at + 6) & 0xFFFF) | flags));
        m.putInt(at + 8, nextSequence());
        return m.getShort(at + 4) & 0xFFFF;
    }

    private static int sequenceOf(ByteBuffer message) {
        ByteBuffer m = message.duplicate().order(ByteOrder.nativeOrder());
        return m.getInt(m.position() + 8);
    }

    private static int nextSequence() {
        int seq;
        do {
            seq = SEQUENCE.incrementAndGet();
        } while (seq == 0);
        return seq;
    }
}
