package dev.tappers.linux;

import dev.tappers.tck.report.ReliabilityFigures;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Tun;
import dev.tappers.tck.HermeticNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data integrity under load: UDP datagrams of random sizes, from the smallest IPv4/UDP packet that carries a
 * sequence number, a length and a CRC-32 (40 bytes) up to the MTU, sent by a kernel socket into a TUN, echoed
 * back by Java (addresses and ports swapped in place, which leaves both checksums valid) and received by the
 * same socket. Every payload that arrives must be intact and arrive once; every packet that does not must be
 * accounted for by the kernel's own drop counters (UDP InErrors/RcvbufErrors, the TUN's rx/tx drops).
 *
 * <p>50,000 packets in {@code verify}; {@code -Psoak} sends 1,000,000 ({@code -Dtappers.integrity.packets=N}).
 */
class DataIntegrityTest {
    static final int DEFAULT_PACKETS = 50_000;
    private static final int HEADERS = 28; // IPv4 20 + UDP 8
    private static final int STAMP = 12;   // u32 sequence, u32 length, u32 CRC-32 of the rest
    /** Packets in flight at most: enough to keep both sides busy, few enough not to overrun the socket buffer. */
    private static final int WINDOW = 64;

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    @Test
    void everyPayloadArrivesIntactAndOnceOrItsLossIsCountedByTheKernel() throws Exception {
        int packets = Integer.getInteger("tappers.integrity.packets", DEFAULT_PACKETS);
        InetAddress local = InetAddress.getByName("198.18.9.1");
        InetAddress remote = InetAddress.getByName("198.18.9.2");
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults())) {
            tun.addAddress(AddressRequest.of(local, 24));
            tun.up();
            int mtu = tun.mtu();
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(local, 0))) {
                socket.setReceiveBufferSize(4 << 20);
                socket.setSoTimeout(2000);
                AtomicLong echoed = new AtomicLong();
                Thread echo = new Thread(() -> echo(tun, echoed), "integrity-echo");
                echo.setDaemon(true);
                KernelCounters before = KernelCounters.read(tun.name().value());
                echo.start();

                Receiver receiver = new Receiver(socket, packets);
                Thread rx = new Thread(receiver, "integrity-receive");
                rx.setDaemon(true);
                rx.start();
                long start = System.nanoTime();
                SplittableRandom random = new SplittableRandom(0x1D7E6A7EL);
                byte[] payload = new byte[mtu - HEADERS];
                long bytes = 0;
                InetSocketAddress target = new InetSocketAddress(remote, 9);
                for (int seq = 0; seq < packets; seq++) {
                    int size = HEADERS + STAMP + random.nextInt(mtu - HEADERS - STAMP + 1);
                    int length = size - HEADERS;
                    stamp(payload, seq, length, random);
                    // Bounded wait for the window: a lost packet never returns, so after 100 ms send on anyway.
                    for (long until = System.nanoTime() + 100_000_000L;
                         seq - receiver.received() >= WINDOW && System.nanoTime() - until < 0; ) {
                        Thread.onSpinWait();
                    }
                    socket.send(new DatagramPacket(payload, length, target));
                    bytes += size;
                }
                rx.join(30_000);
                long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
                tun.close(); // wakes the echo thread's blocked receive
                echo.join(10_000);
                KernelCounters drops = KernelCounters.read(tun.name().value()).since(before);

                long lost = packets - receiver.received();
                System.out.printf("DataIntegrity: %,d packets (%,d bytes, sizes 40-%d) in %,d ms; %,d echoed, %,d"
                                + " received intact, %d corrupt, %d duplicates, %d lost; kernel drops: %s%n", packets,
                        bytes, mtu, millis, echoed.get(), receiver.received(), receiver.corrupt, receiver.duplicates,
                        lost, drops);
                assertEquals(0, receiver.corrupt, "corrupt payloads");
                assertEquals(0, receiver.duplicates, "duplicates");
                assertTrue(lost <= drops.explained(), lost + " packets lost, but the kernel counted only " + drops);
                assertTrue(receiver.received() > packets / 2, "most packets must make the round trip");
                ReliabilityFigures.record("DataIntegrity", "UDP payloads of random sizes (40 bytes to the MTU) kernel"
                        + " socket → TUN → Java echo → kernel socket; sequence, length and CRC-32 checked",
                        String.format("%,d packets (%,d bytes) in %,d ms; %,d intact, 0 corrupt, 0 duplicates; %d lost,"
                                + " %d counted by the kernel (%s)", packets, bytes, millis, receiver.received(), lost,
                                drops.explained(), drops));
            }
        }
    }

    /** The echo: every IPv4 packet back with source and destination address and port swapped. */
    private static void echo(Tun tun, AtomicLong echoed) {
        ByteBuffer b = ByteBuffer.allocateDirect(tun.maxPacketSize());
        try {
            while (true) {
                b.clear();
                int n = tun.receive(b);
                if (n < HEADERS || (b.get(0) & 0xF0) != 0x40 || b.get(9) != 17) {
                    continue; // not IPv4 UDP (IPv6 router solicitations and the like)
                }
                int src = b.getInt(12);
                b.putInt(12, b.getInt(16)).putInt(16, src);
                short sport = b.getShort(20);
                b.putShort(20, b.getShort(22)).putShort(22, sport);
                b.flip();
                tun.send(b);
                echoed.incrementAndGet();
            }
        } catch (IOException closed) {
            // the device was closed: the test is over
        }
    }

    private static void stamp(byte[] payload, int seq, int length, SplittableRandom random) {
        for (int i = STAMP; i < length; i += 8) {
            long r = random.nextLong();
            for (int k = 0; k < 8 && i + k < length; k++) {
                payload[i + k] = (byte) (r >>> (8 * k));
            }
        }
        ByteBuffer.wrap(payload).putInt(0, seq).putInt(4, length).putInt(8, crc(payload, length));
    }

    private static int crc(byte[] payload, int length) {
        CRC32 crc = new CRC32();
        crc.update(payload, STAMP, length - STAMP);
        return (int) crc.getValue();
    }

    /** Receives until every packet is in or the socket stays silent for 2 s; checks each payload. */
    private static final class Receiver implements Runnable {
        private final DatagramSocket socket;
        private final int packets;
        private final BitSet seen = new BitSet();
        private volatile int received;
        int corrupt;
        int duplicates;

        Receiver(DatagramSocket socket, int packets) {
            this.socket = socket;
            this.packets = packets;
        }

        int received() {
            return received;
        }

        @Override
        public void run() {
            byte[] rx = new byte[65536];
            DatagramPacket p = new DatagramPacket(rx, rx.length);
            try {
                while (received < packets) {
                    p.setLength(rx.length);
                    socket.receive(p);
                    ByteBuffer b = ByteBuffer.wrap(rx, 0, p.getLength());
                    int seq = p.getLength() >= STAMP ? b.getInt(0) : -1;
                    if (p.getLength() < STAMP || b.getInt(4) != p.getLength() || seq < 0 || seq >= packets
                            || b.getInt(8) != crc(rx, p.getLength())) {
                        corrupt++;
                    } else if (seen.get(seq)) {
                        duplicates++;
                    } else {
                        seen.set(seq);
                        received++;
                    }
                }
            } catch (SocketTimeoutException silent) {
                // the rest was lost
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
