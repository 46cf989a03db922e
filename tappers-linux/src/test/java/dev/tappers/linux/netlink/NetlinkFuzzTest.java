package dev.tappers.linux.netlink;

import dev.tappers.MacAddress;
import dev.tappers.tck.report.ReliabilityFigures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static dev.tappers.linux.netlink.NetlinkConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz and property tests of the netlink reply parsers on generated input (plain JUnit with a seeded
 * {@link SplittableRandom}; no property-testing library): {@link NetlinkMessage#parseDatagram}, the attribute
 * walk and typed getters, the RTM_NEWLINK / RTM_NEWADDR / RTM_NEWROUTE readers, and the request and dump
 * exchanges of {@link Rtnetlink} over a scripted socket.
 *
 * <p>Valid replies are built field by field, then truncated, extended with junk, given wrong message or
 * attribute lengths, or mutated byte by byte. The only exception allowed is the documented one,
 * {@link MalformedNetlinkException} (for the exchanges, any {@link IOException}: the documented
 * {@link NetlinkErrorException} and transport failures); an IndexOutOfBounds, BufferUnderflow, NegativeArraySize
 * or any other runtime exception is a failure, as is a wrong value read from an unmutated reply.
 */
class NetlinkFuzzTest {
    static final int CASES = 100_000;
    private static final long SEED = Long.getLong("tappers.fuzz.seed", 0x7A99E25L);
    private static final int PID = 4242;

    // ---- the parsers ----

    @Test
    void parsingNeverReadsOutOfBoundsAndReadsValidRepliesExactly() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        int malformed = 0;
        int exact = 0;
        for (int i = 0; i < CASES; i++) {
            Reply valid = randomReply(random);
            byte[] input;
            String how;
            switch (i % 6) {
                case 0: input = valid.bytes; how = "valid"; break;
                case 1: input = truncate(random, valid.bytes); how = "truncated"; break;
                case 2: input = extend(random, valid.bytes); how = "extended"; break;
                case 3: input = wrongAttributeLength(random, valid); how = "wrong attribute length"; break;
                case 4: input = mutateBytes(random, valid.bytes); how = "mutated"; break;
                default: input = random.nextInt(4) == 0 ? randomBytes(random) : wrongMessageLength(random, valid.bytes);
                    how = "random or wrong nlmsg_len"; break;
            }
            try {
                List<NetlinkMessage> messages = NetlinkMessage.parseDatagram(wrap(input));
                for (NetlinkMessage m : messages) {
                    exercise(m, random);
                }
                if (input == valid.bytes) {
                    valid.check(messages);
                    exact++;
                }
            } catch (MalformedNetlinkException e) {
                assertTrue(input != valid.bytes, () -> "a valid reply was refused: " + e.getMessage());
                assertTrue(e.getMessage().startsWith("malformed netlink reply: "), e.getMessage());
                malformed++;
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("case " + i + " (" + how + ", seed " + SEED + "): " + Bytes.hex(input), e);
            }
        }
        System.out.printf("NetlinkParsingFuzz: %,d generated cases (%,d valid read exactly, %,d refused as malformed),"
                + " seed %d%n", CASES, exact, malformed, SEED);
        assertTrue(malformed > CASES / 10, "the mutations must produce malformed replies");
        ReliabilityFigures.record("NetlinkParsingFuzz", "netlink datagrams, attributes, RTM_NEWLINK/NEWADDR/NEWROUTE"
                + " readers: valid, truncated, over-long, wrong lengths, mutated", String.format(
                "%,d cases, %,d valid read exactly, %,d refused as malformed, 0 out-of-bounds", CASES, exact, malformed));
    }

    @Test
    void exchangesOverMutatedRepliesEndWithAnAnswerOrAnIOException() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        int answered = 0;
        int failed = 0;
        for (int i = 0; i < CASES; i++) {
            int kind = random.nextInt(3);
            boolean mutate = i % 4 != 0;
            ScriptedTransport transport = new ScriptedTransport((index, request) -> {
                List<byte[]> datagrams = new ArrayList<>();
                int parts = kind == 0 ? 1 : random.nextInt(4);
                for (int p = 0; p < parts; p++) {
                    byte[] body = kind == 0 ? newLink(random, 7) : kind == 1 ? newAddress(random, 7) : newRoute(random);
                    datagrams.add(Replies.message(kind == 0 ? RTM_NEWLINK : kind == 1 ? RTM_NEWADDR : RTM_NEWROUTE,
                            kind == 0 ? 0 : NLM_F_MULTI, request.seq(), body));
                }
                datagrams.add(kind == 0 ? Replies.ack(request.seq(), request.type()) : Replies.done(request.seq()));
                if (mutate) {
                    int which = random.nextInt(datagrams.size());
                    datagrams.set(which, random.nextBoolean() ? mutateBytes(random, datagrams.get(which))
                            : random.nextBoolean() ? truncate(random, datagrams.get(which))
                            : extend(random, datagrams.get(which)));
                }
                return datagrams;
            });
            try {
                if (kind == 0) {
                    assertEquals(7, LinkOps.get(transport, 7).index());
                } else if (kind == 1) {
                    AddressOps.list(transport, 7).forEach(a -> assertTrue(a.prefixLength() >= 0));
                } else {
                    RouteOps.list(transport, AF_UNSPEC).forEach(r -> assertTrue(r.route().prefixLength() >= 0));
                }
                answered++;
            } catch (IOException e) {
                assertTrue(mutate, () -> "an unmutated exchange failed: " + e);
                failed++;
            } catch (RuntimeException e) {
                throw new AssertionError("exchange case " + i + " (kind " + kind + ", seed " + SEED + ")", e);
            }
            // At most 5 datagrams per attempt; a dump marked NLM_F_DUMP_INTR is tried again, up to DUMP_ATTEMPTS times.
            assertTrue(transport.receives <= 5 * Rtnetlink.DUMP_ATTEMPTS, "an exchange kept reading: " + transport.receives);
        }
        System.out.printf("NetlinkExchangeFuzz: %,d generated exchanges (%,d answered, %,d failed with an IOException),"
                + " seed %d%n", CASES, answered, failed, SEED);
        ReliabilityFigures.record("NetlinkExchangeFuzz", "rtnetlink request/dump exchanges (get link, list"
                        + " addresses, list routes) over mutated kernel replies",
                String.format("%,d cases, %,d answered, %,d IOException, 0 other exceptions", CASES, answered, failed));
    }

    /** Everything a caller can read from a message, with only MalformedNetlinkException allowed out. */
    private static void exercise(NetlinkMessage m, SplittableRandom random) throws MalformedNetlinkException {
        m.toString();
        m.payload();
        if (m.type() == NLMSG_ERROR || m.type() == NLMSG_DONE) {
            tolerate(m::errorCode);
        }
        tolerate(() -> LinkOps.parse(m));
        tolerate(() -> AddressOps.parse(m));
        tolerate(() -> RouteOps.parse(m));
        int[] headers = {0, IfAddrMsg.SIZE, RtMsg.SIZE, IfInfoMsg.SIZE, random.nextInt(48)};
        for (int header : headers) {
            try {
                walk(m.attributes(header), 0);
            } catch (MalformedNetlinkException expected) {
                // documented
            }
        }
    }

    private static void walk(NetlinkAttributes attributes, int depth) {
        for (NetlinkAttribute a : attributes.all()) {
            a.toString();
            a.bytes();
            a.string();
            a.payload();
            tolerate(a::u8);
            tolerate(a::u16);
            tolerate(a::u32);
            tolerate(() -> a.address(AF_INET));
            tolerate(() -> a.address(AF_INET6));
            tolerate(() -> a.address(a.length()));
            assertEquals(Optional.of(a.type()), attributes.find(a.type()).map(NetlinkAttribute::type));
            if (depth < 3) {
                try {
                    walk(a.nested(), depth + 1);
                } catch (MalformedNetlinkException expected) {
                    // documented
                }
            }
        }
    }

    private interface Read {
        Object read() throws MalformedNetlinkException;
    }

    private static void tolerate(Read read) {
        try {
            read.read();
        } catch (MalformedNetlinkException expected) {
            assertTrue(expected.getMessage().startsWith("malformed netlink reply: "));
        }
    }

    // ---- valid replies, with what a correct reader must find in them ----

    private abstract static class Reply {
        final byte[] bytes;

        Reply(byte[] bytes) {
            this.bytes = bytes;
        }

        abstract void check(List<NetlinkMessage> messages) throws MalformedNetlinkException;
    }

    private static Reply randomReply(SplittableRandom random) {
        int seq = random.nextInt();
        switch (random.nextInt(5)) {
            case 0: {
                int index = 1 + random.nextInt(1000);
                String name = "tap" + random.nextInt(100_000);
                int mtu = 68 + random.nextInt(65_000);
                byte[] mac = new byte[6];
                random.nextBytes(mac);
                byte[] body = Bytes.of().u8(AF_UNSPEC, 0).u16(1).u32(index).u32(IFF_UP).u32(0)
                        .raw(attr(IFLA_IFNAME, cstring(name))).raw(attr(IFLA_MTU, u32(mtu)))
                        .raw(attr(IFLA_ADDRESS, mac))
                        .raw(attr(IFLA_LINKINFO | (random.nextBoolean() ? NLA_F_NESTED : 0),
                                attr(IFLA_INFO_KIND, cstring("tun")))).toArray();
                return new Reply(Replies.datagram(Replies.message(RTM_NEWLINK, NLM_F_MULTI, seq, body),
                        Replies.done(seq))) {
                    @Override
                    void check(List<NetlinkMessage> ms) throws MalformedNetlinkException {
                        LinkInfo link = LinkOps.parse(ms.get(0)).orElseThrow();
                        assertEquals(index, link.index());
                        assertEquals(name, link.name());
                        assertEquals(mtu, link.mtu());
                        assertEquals(MacAddress.of(mac), link.mac().orElseThrow());
                        assertEquals("tun", link.kind().orElseThrow());
                        assertTrue(link.isUp());
                        assertEquals(0, ms.get(1).errorCode());
                    }
                };
            }
            case 1: {
                boolean v6 = random.nextBoolean();
                byte[] address = new byte[v6 ? 16 : 4];
                random.nextBytes(address);
                address[0] = (byte) (v6 ? 0x20 : 198);
                int prefix = random.nextInt(v6 ? 129 : 33);
                int index = 1 + random.nextInt(1000);
                Bytes body = Bytes.of().u8(v6 ? AF_INET6 : AF_INET, prefix, 0, 0).u32(index)
                        .raw(attr(IFA_ADDRESS, address));
                if (!v6) {
                    body.raw(attr(IFA_LOCAL, address));
                }
                body.raw(attr(IFA_FLAGS, u32(0x80)));
                return new Reply(Replies.datagram(Replies.message(RTM_NEWADDR, NLM_F_MULTI, seq, body.toArray()))) {
                    @Override
                    void check(List<NetlinkMessage> ms) throws MalformedNetlinkException {
                        AddressOps.AddressEntry e = AddressOps.parse(ms.get(0)).orElseThrow();
                        assertEquals(index, e.ifindex());
                        assertEquals(prefix, e.info().prefixLength());
                        assertEquals(0x80, e.flags());
                        assertEquals(ip(address), e.info().address());
                        assertTrue(e.info().destination().isEmpty());
                    }
                };
            }
            case 2: {
                int oif = 1 + random.nextInt(1000);
                int metric = random.nextInt();
                int table = 1 + random.nextInt(Integer.MAX_VALUE - 1);
                byte[] body = Bytes.of().u8(AF_INET, 24, 0, 0, RT_TABLE_UNSPEC, RTPROT_STATIC, RT_SCOPE_LINK,
                                RTN_UNICAST).u32(0)
                        .raw(attr(RTA_DST, new byte[]{(byte) 203, 0, 113, 0})).raw(attr(RTA_OIF, u32(oif)))
                        .raw(attr(RTA_PRIORITY, u32(metric))).raw(attr(RTA_TABLE, u32(table))).toArray();
                return new Reply(Replies.datagram(Replies.message(RTM_NEWROUTE, NLM_F_MULTI, seq, body),
                        Replies.done(seq))) {
                    @Override
                    void check(List<NetlinkMessage> ms) throws MalformedNetlinkException {
                        Route r = RouteOps.parse(ms.get(0)).orElseThrow().route();
                        assertEquals("203.0.113.0", r.destination().getHostAddress());
                        assertEquals(24, r.prefixLength());
                        assertEquals(oif, r.outputInterface());
                        assertEquals(metric, r.metric());
                        assertEquals(table, r.table());
                    }
                };
            }
            case 3: {
                int errno = 1 + random.nextInt(133);
                return new Reply(Replies.error(seq, -errno, RTM_NEWLINK)) {
                    @Override
                    void check(List<NetlinkMessage> ms) throws MalformedNetlinkException {
                        assertEquals(-errno, ms.get(0).errorCode());
                    }
                };
            }
            default: {
                // Several messages in one datagram, the last one unpadded.
                byte[] odd = Bytes.of().header(16 + 5, RTM_NEWLINK, NLM_F_MULTI, seq, PID).u8(1, 2, 3, 4, 5).toArray();
                return new Reply(Replies.datagram(Replies.ack(seq, RTM_SETLINK), Replies.done(seq), odd)) {
                    @Override
                    void check(List<NetlinkMessage> ms) throws MalformedNetlinkException {
                        assertEquals(3, ms.size());
                        assertEquals(5, ms.get(2).payload().remaining());
                        assertEquals(0, ms.get(0).errorCode());
                    }
                };
            }
        }
    }

    private static byte[] newLink(SplittableRandom random, int index) {
        return Bytes.of().u8(AF_UNSPEC, 0).u16(1).u32(index).u32(random.nextInt()).u32(0)
                .raw(attr(IFLA_IFNAME, cstring("tun" + random.nextInt(1000)))).raw(attr(IFLA_MTU, u32(1500)))
                .raw(attr(IFLA_LINK_NETNSID, u32(random.nextInt(4)))).toArray();
    }

    private static byte[] newAddress(SplittableRandom random, int index) {
        byte[] a = {(byte) 198, 51, 100, (byte) random.nextInt(256)};
        return Bytes.of().u8(AF_INET, random.nextInt(33), 0, 0).u32(random.nextBoolean() ? index : index + 1)
                .raw(attr(IFA_LOCAL, a)).raw(attr(IFA_ADDRESS, a))
                .raw(attr(IFA_BROADCAST, new byte[]{(byte) 198, 51, 100, (byte) 255})).toArray();
    }

    private static byte[] newRoute(SplittableRandom random) {
        boolean v6 = random.nextBoolean();
        byte[] dst = v6 ? new byte[]{0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
                : new byte[]{(byte) 198, 18, 0, 0};
        return Bytes.of().u8(v6 ? AF_INET6 : AF_INET, v6 ? 32 : 16, 0, 0, RT_TABLE_MAIN, RTPROT_KERNEL, 0,
                        RTN_UNICAST).u32(0)
                .raw(attr(RTA_DST, dst)).raw(attr(RTA_OIF, u32(1 + random.nextInt(9)))).toArray();
    }

    // ---- mutations ----

    private static byte[] truncate(SplittableRandom random, byte[] b) {
        return java.util.Arrays.copyOf(b, random.nextInt(b.length));
    }

    /** Junk after the last message: random bytes, or a copy of the datagram's own start (plausible headers). */
    private static byte[] extend(SplittableRandom random, byte[] b) {
        int extra = 1 + random.nextInt(40);
        byte[] out = java.util.Arrays.copyOf(b, b.length + extra);
        if (random.nextBoolean()) {
            byte[] junk = new byte[extra];
            random.nextBytes(junk);
            System.arraycopy(junk, 0, out, b.length, extra);
        } else {
            System.arraycopy(b, 0, out, b.length, Math.min(extra, b.length));
        }
        return out;
    }

    private static byte[] mutateBytes(SplittableRandom random, byte[] b) {
        byte[] out = b.clone();
        int flips = 1 + random.nextInt(4);
        for (int f = 0; f < flips && out.length > 0; f++) {
            int at = random.nextInt(out.length);
            out[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (out[at] ^ (1 << random.nextInt(8)));
        }
        return out;
    }

    /** Rewrites the u16 length of the attribute at a random plausible offset (after a 16-byte nlmsghdr). */
    private static byte[] wrongAttributeLength(SplittableRandom random, Reply valid) {
        byte[] out = valid.bytes.clone();
        if (out.length < NLMSG_HDRLEN + 12) {
            return mutateBytes(random, out);
        }
        // Attributes start 4-aligned after the fixed header: walk the real chain a random number of steps.
        ByteBuffer b = wrap(out);
        int fixed = fixedHeaderSize(b.getShort(4) & 0xFFFF);
        int offset = NLMSG_HDRLEN + fixed;
        int steps = random.nextInt(4);
        int end = b.getInt(0);
        for (int s = 0; s < steps && offset + 4 <= Math.min(end, out.length); s++) {
            int len = b.getShort(offset) & 0xFFFF;
            if (len < 4) {
                break;
            }
            offset += align(len);
        }
        if (offset + 4 > out.length) {
            return mutateBytes(random, out);
        }
        int[] lengths = {0, 1, 2, 3, 4, 5, 0xFFFF, 0x8000, random.nextInt(0x10000), (b.getShort(offset) & 0xFFFF) + 4,
                (b.getShort(offset) & 0xFFFF) - 1};
        b.putShort(offset, (short) lengths[random.nextInt(lengths.length)]);
        return out;
    }

    private static int fixedHeaderSize(int type) {
        return type == RTM_NEWLINK ? IfInfoMsg.SIZE : type == RTM_NEWADDR ? IfAddrMsg.SIZE
                : type == RTM_NEWROUTE ? RtMsg.SIZE : 4;
    }

    private static byte[] wrongMessageLength(SplittableRandom random, byte[] b) {
        byte[] out = b.clone();
        if (out.length >= 4) {
            int[] lengths = {0, 1, 15, 16, 17, out.length - 1, out.length + 1, -1, Integer.MIN_VALUE,
                    Integer.MAX_VALUE, random.nextInt()};
            wrap(out).putInt(0, lengths[random.nextInt(lengths.length)]);
        }
        return out;
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] b = new byte[random.nextInt(80)];
        random.nextBytes(b);
        return b;
    }

    // ---- encoding helpers ----

    private static byte[] attr(int type, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Bytes.of().attr(4 + payload.length, type).toArray());
        out.writeBytes(payload);
        out.writeBytes(new byte[align(4 + payload.length) - 4 - payload.length]);
        return out.toByteArray();
    }

    private static byte[] cstring(String s) {
        return Bytes.of().raw(s.getBytes(StandardCharsets.UTF_8)).u8(0).toArray();
    }

    private static byte[] u32(int v) {
        return Bytes.of().u32(v).toArray();
    }

    private static ByteBuffer wrap(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
    }

    private static InetAddress ip(byte[] b) {
        try {
            return b.length == 16 ? java.net.Inet6Address.getByAddress(null, b, -1) : InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
