package dev.tappers.posix;

import dev.tappers.tck.report.ReliabilityFigures;

import dev.tappers.OsFamily;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz and property tests of the POSIX decoders that read bytes another system produced: {@link Sockaddrs}
 * (sockaddr_in / sockaddr_in6 in BSD and Linux/Solaris layouts, both byte orders) and {@link AfPacketHeader#parse}
 * (the address-family word before each TUN packet on macOS and the BSDs). Plain JUnit with a seeded
 * {@link SplittableRandom}; no property-testing library. The only exceptions allowed are the documented ones:
 * IllegalArgumentException from Sockaddrs, ProtocolException from AfPacketHeader.parse.
 *
 * <p>Routing-socket messages and bpf_hdr records, which issue 7 also names, have no parser in the code yet
 * (the BSD and macOS providers are skeletons): there is nothing to fuzz until those land.
 */
class PosixDecodingFuzzTest {
    static final int CASES = 100_000;
    private static final long SEED = Long.getLong("tappers.fuzz.seed", 0x7A99E25L);
    private static final List<OsFamily> POSIX = List.of(OsFamily.LINUX, OsFamily.MACOS, OsFamily.FREEBSD,
            OsFamily.DRAGONFLY, OsFamily.OPENBSD, OsFamily.NETBSD, OsFamily.SOLARIS, OsFamily.AIX);
    private static final List<OsFamily> AF_HEADER = List.of(OsFamily.MACOS, OsFamily.FREEBSD, OsFamily.DRAGONFLY,
            OsFamily.OPENBSD, OsFamily.NETBSD);

    @Test
    void sockaddrDecoding() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        int decoded = 0;
        for (int i = 0; i < CASES; i++) {
            OsFamily os = POSIX.get(random.nextInt(POSIX.size()));
            ByteOrder order = random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            Sockaddrs codec = Sockaddrs.forOs(os, order);
            int port = random.nextInt(0x10000);
            InetAddress address = randomAddress(random);
            int scope = address instanceof Inet6Address && random.nextBoolean() ? 1 + random.nextInt(1000) : 0;
            byte[] encoded = address instanceof Inet4Address ? codec.inet4((Inet4Address) address, port)
                    : codec.inet6((Inet6Address) address, port, scope);
            int lead = random.nextInt(4);
            byte[] valid = new byte[lead + encoded.length];
            System.arraycopy(encoded, 0, valid, lead, encoded.length);
            byte[] input;
            int offset;
            switch (i % 4) {
                case 0: input = valid; offset = lead; break;
                case 1: input = java.util.Arrays.copyOf(valid, random.nextInt(valid.length)); offset = lead; break;
                case 2: input = mutate(random, valid); offset = lead; break;
                default: input = new byte[random.nextInt(40)]; random.nextBytes(input);
                    offset = random.nextInt(-3, 45); break;
            }
            try {
                InetAddress got = codec.address(input, offset);
                int gotPort = codec.port(input, offset);
                int family = codec.family(input, offset);
                assertTrue(family == PosixConstants.AF_INET || family == PosixConstants.of(os).afInet6());
                assertTrue(gotPort >= 0 && gotPort <= 0xFFFF);
                if (input == valid) {
                    assertArrayEquals(address.getAddress(), got.getAddress());
                    assertEquals(port, gotPort);
                    if (got instanceof Inet6Address) {
                        assertEquals(scope, ((Inet6Address) got).getScopeId());
                    }
                }
                decoded++;
            } catch (IllegalArgumentException e) {
                assertTrue(input != valid, () -> "refused a valid sockaddr: " + e.getMessage());
                String m = e.getMessage();
                assertTrue(m.startsWith("decode sockaddr") || m.startsWith("read sockaddr family"), m);
            } catch (RuntimeException e) {
                throw new AssertionError(os + " " + order + " case " + i + " seed " + SEED + " offset " + offset + ": "
                        + HexFormat.of().formatHex(input), e);
            }
        }
        finish("SockaddrFuzz", "Sockaddrs.family/address/port: 8 systems, both byte orders; valid, truncated,"
                + " mutated, random", decoded, "decoded");
    }

    @Test
    void addressFamilyHeaderParsing() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            AfPacketHeader header = AfPacketHeader.forOs(AF_HEADER.get(random.nextInt(AF_HEADER.size())));
            int version = random.nextBoolean() ? 4 : 6;
            byte[] packet = new byte[1 + random.nextInt(60)];
            random.nextBytes(packet);
            packet[0] = (byte) ((version << 4) | (packet[0] & 0x0F));
            byte[] framed = new byte[AfPacketHeader.LENGTH + packet.length];
            System.arraycopy(header.frameFor(ByteBuffer.wrap(packet)), 0, framed, 0, AfPacketHeader.LENGTH);
            System.arraycopy(packet, 0, framed, AfPacketHeader.LENGTH, packet.length);
            byte[] input = i % 3 == 0 ? framed : i % 3 == 1 ? mutate(random, framed)
                    : java.util.Arrays.copyOf(framed, random.nextInt(framed.length + 1));
            int position = random.nextInt(3);
            ByteBuffer buffer = random.nextBoolean() ? ByteBuffer.allocateDirect(position + input.length)
                    : ByteBuffer.allocate(position + input.length);
            buffer.position(position);
            buffer.put(input).flip().position(position);
            buffer.order(random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            ByteOrder before = buffer.order();
            try {
                int got = header.parse(buffer);
                assertTrue(got == 4 || got == 6);
                assertEquals(got, AfPacketHeader.ipVersion(input[AfPacketHeader.LENGTH]));
                assertArrayEquals(header.frame(got), java.util.Arrays.copyOf(input, AfPacketHeader.LENGTH));
                if (input == framed) {
                    assertEquals(version, got);
                }
                accepted++;
            } catch (ProtocolException e) {
                assertTrue(input != framed, () -> "refused a valid frame: " + e.getMessage());
                assertTrue(e.getMessage().startsWith("parse "), e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError(header + " case " + i + " seed " + SEED + ": " + HexFormat.of().formatHex(input), e);
            }
            assertEquals(position, buffer.position(), "parse must not move the position");
            assertEquals(before, buffer.order(), "parse must not change the byte order");
        }
        finish("AfPacketHeaderFuzz", "AfPacketHeader.parse (macOS/BSD TUN family word): valid, mutated, truncated;"
                + " heap and direct buffers", accepted, "accepted");
    }

    private static InetAddress randomAddress(SplittableRandom random) throws Exception {
        byte[] b = new byte[random.nextBoolean() ? 4 : 16];
        random.nextBytes(b);
        if (b.length == 16) {
            b[0] = 0x20; // never IPv4-mapped, which InetAddress.getByAddress would turn into IPv4
        }
        return b.length == 16 ? Inet6Address.getByAddress(null, b, -1) : InetAddress.getByAddress(b);
    }

    private static byte[] mutate(SplittableRandom random, byte[] b) {
        byte[] out = b.clone();
        for (int f = 1 + random.nextInt(3); f > 0 && out.length > 0; f--) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static void finish(String test, String what, int ok, String okWord) {
        System.out.printf("%s: %,d generated cases (%,d %s, %,d refused), seed %d%n", test, CASES, ok, okWord,
                CASES - ok, SEED);
        assertTrue(ok > CASES / 100 && ok < CASES, "the generator must produce both valid and invalid input");
        ReliabilityFigures.record(test, what, String.format("%,d cases, %,d %s, %,d refused, 0 failures", CASES, ok,
                okWord, CASES - ok));
    }
}
