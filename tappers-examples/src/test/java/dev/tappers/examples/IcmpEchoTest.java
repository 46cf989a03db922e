package dev.tappers.examples;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Arrays;

import static dev.tappers.examples.Packets.checksumHolds;
import static dev.tappers.examples.Packets.echoRequest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IcmpEchoTest {

    private static IcmpEcho parse(byte[] p) {
        return IcmpEcho.parseRequest(p, p.length).orElseThrow(() -> new AssertionError("not parsed as an echo request"));
    }

    private static void assertNotARequest(byte[] p, int length) {
        assertTrue(IcmpEcho.parseRequest(p, length).isEmpty(), "should not parse: " + Arrays.toString(p));
    }

    @Test
    void testPacketsAreWellFormed() {
        byte[] p = echoRequest("198.18.0.1", "198.18.0.2", 0x1234, 7, 0, 56);
        assertTrue(checksumHolds(p, 0, 20));
        assertTrue(checksumHolds(p, 20, p.length - 20));
    }

    @Test
    void parsesTheRequestFields() throws Exception {
        IcmpEcho e = parse(echoRequest("198.18.0.1", "198.18.0.2", 0xbeef, 3, 0, 56));
        assertEquals(InetAddress.getByName("198.18.0.1"), e.source());
        assertEquals(InetAddress.getByName("198.18.0.2"), e.destination());
        assertEquals(0xbeef, e.identifier());
        assertEquals(3, e.sequence());
        assertEquals(84, e.length());
        assertEquals("198.18.0.1 -> 198.18.0.2 echo request id=48879 seq=3 (84 bytes)", e.toString());
    }

    @Test
    void replySwapsAddressesSetsTypeZeroAndKeepsTheRest() {
        byte[] request = echoRequest("198.18.0.1", "198.18.0.2", 0x1234, 7, 0, 56);
        byte[] reply = parse(request).reply();

        assertEquals(request.length, reply.length);
        assertEquals(0x45, reply[0]);
        assertArrayEquals(Arrays.copyOfRange(request, 16, 20), Arrays.copyOfRange(reply, 12, 16), "source");
        assertArrayEquals(Arrays.copyOfRange(request, 12, 16), Arrays.copyOfRange(reply, 16, 20), "destination");
        assertEquals(64, reply[8] & 0xFF, "a fresh TTL");
        assertEquals(1, reply[9], "still ICMP");
        assertEquals(0, reply[20], "echo reply");
        assertEquals(0, reply[21], "code 0");
        assertArrayEquals(Arrays.copyOfRange(request, 24, request.length), Arrays.copyOfRange(reply, 24, reply.length),
                "identifier, sequence number and data are echoed unchanged");
        assertTrue(checksumHolds(reply, 0, 20), "IPv4 header checksum");
        assertTrue(checksumHolds(reply, 20, reply.length - 20), "ICMP checksum");
    }

    @Test
    void replyToAnOddLengthPayload() {
        byte[] reply = parse(echoRequest("198.18.0.1", "198.18.0.2", 1, 1, 0, 37)).reply();
        assertEquals(20 + 8 + 37, reply.length);
        assertTrue(checksumHolds(reply, 0, 20));
        assertTrue(checksumHolds(reply, 20, reply.length - 20));
    }

    @Test
    void replyKeepsIpOptionsAndChecksumsTheWholeHeader() {
        byte[] request = echoRequest("198.18.0.1", "198.18.0.2", 9, 9, 8, 16);
        IcmpEcho e = parse(request);
        assertEquals(9, e.identifier());
        byte[] reply = e.reply();
        assertEquals(0x47, reply[0]);
        assertArrayEquals(Arrays.copyOfRange(request, 20, 28), Arrays.copyOfRange(reply, 20, 28), "options");
        assertEquals(0, reply[28], "echo reply after the options");
        assertTrue(checksumHolds(reply, 0, 28));
        assertTrue(checksumHolds(reply, 28, reply.length - 28));
    }

    @Test
    void bytesBeyondTheTotalLengthAreNotPartOfTheReply() {
        byte[] request = echoRequest("198.18.0.1", "198.18.0.2", 1, 2, 0, 8);
        byte[] padded = Arrays.copyOf(request, request.length + 10);
        assertEquals(request.length, parse(padded).reply().length);
    }

    @Test
    void theReplyIsNotARequest() {
        byte[] reply = parse(echoRequest("198.18.0.1", "198.18.0.2", 1, 2, 0, 8)).reply();
        assertNotARequest(reply, reply.length);
    }

    @Test
    void otherPacketsAreNotRequests() {
        byte[] good = echoRequest("198.18.0.1", "198.18.0.2", 1, 2, 0, 8);

        byte[] ipv6 = good.clone();
        ipv6[0] = 0x60;
        assertNotARequest(ipv6, ipv6.length);

        byte[] udp = good.clone();
        udp[9] = 17;
        fixIpChecksum(udp);
        assertNotARequest(udp, udp.length);

        byte[] badIpChecksum = good.clone();
        badIpChecksum[11] ^= 0x01;
        assertNotARequest(badIpChecksum, badIpChecksum.length);

        byte[] badIcmpChecksum = good.clone();
        badIcmpChecksum[23] ^= 0x01;
        assertNotARequest(badIcmpChecksum, badIcmpChecksum.length);

        byte[] fragment = good.clone();
        fragment[6] = 0x20; // more fragments
        fixIpChecksum(fragment);
        assertNotARequest(fragment, fragment.length);

        byte[] badIhl = good.clone();
        badIhl[0] = 0x44;
        assertNotARequest(badIhl, badIhl.length);

        assertNotARequest(good, good.length - 1);   // truncated: shorter than the total length
        assertNotARequest(good, 19);                  // not even a header
        assertNotARequest(new byte[0], 0);
    }

    private static void fixIpChecksum(byte[] p) {
        p[10] = 0;
        p[11] = 0;
        int c = Packets.checksumFor(p, 0, 20);
        p[10] = (byte) (c >> 8);
        p[11] = (byte) c;
    }
}
