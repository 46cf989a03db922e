package dev.tappers.linux.netlink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A fake netlink socket: each request sent is answered by a script that sees the request (and so its sequence
 * number) and returns the datagrams the "kernel" sends back. Receiving with nothing queued fails at once, so a
 * test can never block.
 */
class ScriptedTransport implements NetlinkTransport {

    /** Answers the {@code index}-th request (0-based) with datagrams. */
    interface Script {
        List<byte[]> answer(int index, Request request) throws IOException;
    }

    /** A sent request: its bytes and header fields. */
    record Request(byte[] bytes) {
        ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        }

        int type() {
            return buffer().getShort(4) & 0xFFFF;
        }

        int flags() {
            return buffer().getShort(6) & 0xFFFF;
        }

        int seq() {
            return buffer().getInt(8);
        }
    }

    private final Script script;
    final List<Request> sent = new ArrayList<>();
    private final Deque<byte[]> queued = new ArrayDeque<>();
    int receives;
    boolean closed;

    ScriptedTransport(Script script) {
        this.script = script;
    }

    @Override
    public void send(ByteBuffer request) throws IOException {
        byte[] bytes = new byte[request.remaining()];
        request.get(bytes);
        Request r = new Request(bytes);
        sent.add(r);
        queued.addAll(script.answer(sent.size() - 1, r));
    }

    @Override
    public int receive(ByteBuffer into) throws IOException {
        receives++;
        byte[] d = queued.poll();
        if (d == null) {
            throw new IOException("scripted transport: nothing more to receive");
        }
        if (d.length > into.remaining()) {
            // What the real socket does with MSG_TRUNC.
            throw new IOException("netlink reply of " + d.length + " bytes does not fit the " + into.remaining()
                    + "-byte buffer");
        }
        into.put(d);
        return d.length;
    }

    @Override
    public void close() {
        closed = true;
    }
}
