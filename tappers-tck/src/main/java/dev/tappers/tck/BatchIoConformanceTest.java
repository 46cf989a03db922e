package dev.tappers.tck;

import dev.tappers.DeviceOptions;
import dev.tappers.Feature;
import dev.tappers.PacketTooLargeException;
import dev.tappers.Tun;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Conformance of batch I/O: packets the kernel sends come back from {@code receiveBatch} in order with none lost,
 * {@code sendBatch} delivers every packet in order, bad input is refused before anything moves, and an oversized
 * packet ends a batch without being lost.
 */
@RequiresFeature({Feature.TUN, Feature.BATCH_IO, Feature.IPV4_ADDRESSES, Feature.SET_STATE})
public abstract class BatchIoConformanceTest extends HermeticDeviceTest {
    private static final int PORT = 9;

    protected BatchIoConformanceTest() {
    }

    /** How many packets each batch test moves. */
    protected int packets() {
        return 200;
    }

    private Tun upTun(TestSubnet s) throws IOException {
        Tun tun = track(provider().createTun(DeviceOptions.defaults()));
        tun.up();
        tun.addAddress(s.v4Request(1, 24));
        return tun;
    }

    @Test
    void required_receiveBatchReturnsKernelPacketsInOrderWithNoneLost() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = upTun(s);
        int count = packets();
        String nonce = nonce();
        try (FarSocket socket = farBind(s.v4(1))) {
            for (int i = 0; i < count; i++) {
                byte[] data = (nonce + ":" + i).getBytes(StandardCharsets.US_ASCII);
                socket.send(data, new InetSocketAddress(s.v4(2), PORT));
            }
        }
        ByteBuffer[] batch = new ByteBuffer[32];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = ByteBuffer.allocateDirect(tun.maxPacketSize());
        }
        tun.setNonBlocking(true);
        List<Integer> sequence = new ArrayList<>();
        int calls = 0;
        long deadline = System.nanoTime() + packetTimeout().toNanos();
        while (sequence.size() < count && System.nanoTime() - deadline < 0) {
            for (ByteBuffer b : batch) {
                b.clear();
            }
            int n = tun.receiveBatch(batch);
            calls++;
            if (n == 0) {
                NetworkInterfaceOracle.sleep(POLL_MILLIS);
                continue;
            }
            for (int i = 0; i < batch.length; i++) {
                if (i >= n) {
                    assertEquals(0, batch[i].position(), "receiveBatch wrote into buffer " + i + " past the " + n
                            + " packets it reported");
                    continue;
                }
                byte[] packet = new byte[batch[i].position()];
                batch[i].flip().get(packet);
                sequenceNumber(packet, nonce).ifPresent(sequence::add);
            }
        }
        assertEquals(count, sequence.size(), "datagrams received through receiveBatch (" + calls + " calls)");
        for (int i = 0; i < count; i++) {
            assertEquals(i, sequence.get(i), "datagram at position " + i + " of the received order");
        }
        assertTrue(calls < count, "receiveBatch never returned more than one packet per call (" + calls
                + " calls for " + count + " packets)");
    }

    @Test
    void required_blockingReceiveBatchWaitsForTheFirstPacketOnly() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = upTun(s);
        String nonce = nonce();
        ByteBuffer[] batch = {ByteBuffer.allocateDirect(tun.maxPacketSize()), ByteBuffer.allocate(tun.maxPacketSize())};
        try (FarSocket socket = farBind(s.v4(1))) {
            byte[] data = (nonce + ":0").getBytes(StandardCharsets.US_ASCII);
            socket.send(data, new InetSocketAddress(s.v4(2), PORT));
            long deadline = System.nanoTime() + packetTimeout().toNanos();
            while (System.nanoTime() - deadline < 0) {
                batch[0].clear();
                batch[1].clear();
                int n = tun.receiveBatch(batch); // blocking: returns once something has come
                assertTrue(n >= 1 && n <= 2, "a blocking receiveBatch returned " + n);
                for (int i = 0; i < n; i++) {
                    byte[] packet = new byte[batch[i].position()];
                    batch[i].flip().get(packet);
                    if (sequenceNumber(packet, nonce).isPresent()) {
                        return;
                    }
                }
            }
            fail("the datagram did not come through a blocking receiveBatch");
        }
    }

    @Test
    void required_sendBatchDeliversEveryPacketInOrder() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = upTun(s);
        int count = Math.min(packets(), 64); // within a UDP socket's default receive buffer
        String nonce = nonce();
        try (FarSocket socket = farBind(s.v4(1))) {
            ByteBuffer[] batch = new ByteBuffer[count];
            for (int i = 0; i < count; i++) {
                byte[] packet = Ipv4Packet.udp(s.v4(2), s.v4(1), new UdpDatagram(PORT, socket.localPort(),
                        (nonce + ":" + i).getBytes(StandardCharsets.US_ASCII))).toBytes();
                batch[i] = i % 2 == 0 ? ByteBuffer.wrap(packet) : ByteBuffer.allocateDirect(packet.length).put(packet).flip();
            }
            // The first datagrams to a fresh address can be dropped while the kernel settles: prime until one comes.
            Datagrams.deliver(() -> tun.send(ByteBuffer.wrap(Ipv4Packet.udp(s.v4(2), s.v4(1), new UdpDatagram(PORT,
                    socket.localPort(), "prime".getBytes(StandardCharsets.US_ASCII))).toBytes())), socket,
                    "a priming datagram", packetTimeout());
            assertEquals(count, tun.sendBatch(batch), "packets sendBatch reports sent");
            for (ByteBuffer b : batch) {
                assertEquals(b.limit(), b.position(), "sendBatch left a sent buffer's position short of its limit");
            }
            List<Integer> sequence = new ArrayList<>();
            while (sequence.size() < count) {
                Optional<FarSocket.Datagram> got = socket.receive(packetTimeout());
                if (got.isEmpty()) {
                    fail("only " + sequence.size() + " of " + count + " datagrams sent by sendBatch arrived");
                }
                String text = new String(got.get().data(), StandardCharsets.US_ASCII);
                if (text.startsWith(nonce + ":")) {
                    sequence.add(Integer.parseInt(text.substring(nonce.length() + 1)));
                }
            }
            for (int i = 0; i < count; i++) {
                assertEquals(i, sequence.get(i), "datagram at position " + i + " of the arrival order");
            }
        }
    }

    @Test
    void required_sendBatchChecksEveryPacketBeforeSendingAny() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = upTun(s);
        ByteBuffer good = ByteBuffer.wrap(Ipv4Packet.udp(s.v4(2), s.v4(1), new UdpDatagram(PORT, PORT,
                new byte[8])).toBytes());
        ByteBuffer notIp = ByteBuffer.wrap(new byte[] {0x00, 1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tun.sendBatch(new ByteBuffer[] {good, notIp}));
        assertTrue(e.getMessage().contains("send"), "the message does not name the operation: " + e.getMessage());
        assertEquals(0, good.position(), "the valid first packet was sent although the batch was refused");
        NullPointerException npe = assertThrows(NullPointerException.class, () -> tun.sendBatch(new ByteBuffer[] {good, null}));
        assertTrue(String.valueOf(npe.getMessage()).contains("[1]"), "the message does not name the null element: "
                + npe.getMessage());
        assertEquals(0, tun.receiveBatch(new ByteBuffer[0]), "an empty batch");
    }

    @Test
    void required_anOversizedPacketEndsTheBatchAndIsKept() throws Exception {
        TestSubnet s = TestSubnet.next();
        Tun tun = upTun(s);
        String nonce = nonce();
        try (FarSocket socket = farBind(s.v4(1))) {
            byte[] small = (nonce + ":0").getBytes(StandardCharsets.US_ASCII);
            byte[] large = (nonce + ":1:" + "x".repeat(600)).getBytes(StandardCharsets.US_ASCII);
            socket.send(small, new InetSocketAddress(s.v4(2), PORT));
            socket.send(large, new InetSocketAddress(s.v4(2), PORT));
        }
        tun.setNonBlocking(true);
        // Room for the small one (and the kernel's own short packets), not for the large one.
        ByteBuffer[] batch = {ByteBuffer.allocateDirect(200), ByteBuffer.allocateDirect(200), ByteBuffer.allocateDirect(200)};
        boolean sawSmall = false;
        boolean sawLarge = false;
        long deadline = System.nanoTime() + packetTimeout().toNanos();
        while (!sawLarge && System.nanoTime() - deadline < 0) {
            for (ByteBuffer b : batch) {
                b.clear();
            }
            int n;
            try {
                n = tun.receiveBatch(batch);
            } catch (PacketTooLargeException e) {
                // Only when the large packet is first in the batch: it is still queued, and a buffer big enough takes it.
                ByteBuffer big = ByteBuffer.allocateDirect(tun.maxPacketSize());
                assertTrue(tun.receive(big) > 600, "the packet refused as too large was not kept");
                byte[] packet = new byte[big.position()];
                big.flip().get(packet);
                assertEquals(Optional.of(1), sequenceNumber(packet, nonce), "the kept packet");
                assertTrue(sawSmall, "the large packet came before the small one");
                sawLarge = true;
                continue;
            }
            if (n == 0) {
                NetworkInterfaceOracle.sleep(POLL_MILLIS);
            }
            for (int i = 0; i < n; i++) {
                byte[] packet = new byte[batch[i].position()];
                batch[i].flip().get(packet);
                if (sequenceNumber(packet, nonce).equals(Optional.of(0))) {
                    sawSmall = true;
                }
            }
        }
        assertTrue(sawSmall && sawLarge, "small seen " + sawSmall + ", large seen " + sawLarge);
    }

    /** The sequence number of a test datagram ({@code nonce:i...}) to port {@value #PORT}, if it is one. */
    private static Optional<Integer> sequenceNumber(byte[] packet, String nonce) {
        return Ipv4Packet.tryParse(packet).flatMap(Ipv4Packet::udp)
                .filter(u -> u.destinationPort() == PORT || u.sourcePort() == PORT)
                .map(u -> new String(u.payload(), StandardCharsets.US_ASCII))
                .filter(t -> t.startsWith(nonce + ":"))
                .map(t -> t.substring(nonce.length() + 1).split(":")[0])
                .map(Integer::parseInt);
    }
}
