package dev.tappers.linux;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Tun;
import dev.tappers.tck.HermeticNetwork;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packet path allocates nothing per packet once warm: measured in bytes the receiving or sending thread
 * allocates (com.sun.management.ThreadMXBean), not in time. A direct buffer, reused, as the API promises.
 */
class HotPathAllocationTest {
    private static final int PACKETS = 200; // below the TUN's default queue of 500, so none is dropped
    /** Slack for a stray allocation outside our code (a safepoint poll, a class-init check); not per packet. */
    private static final long SLACK_BYTES = 1024;

    /**
     * The most rounds per test; from the third on, the first round that allocates nothing passes the test, and
     * none doing so fails it. JNA's direct calls allocate nothing once the test's own code is warm (third round);
     * the JDK's foreign downcalls allocate a little until the JIT has compiled the call site, which takes longer
     * and longer the busier the machine, so the FFM binding gets more rounds to get there.
     */
    private static final int ROUNDS = dev.tappers.linux.jna.PacketIo.binding().startsWith("FFM") ? 300 : 3;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @BeforeEach
    void hermetic() {
        HermeticNetwork.require();
    }

    private static long allocatedByThisThread() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void receivingIntoADirectBufferAllocatesNothingPerPacket() throws Exception {
        receiveAllocatesNothing(DeviceOptions.defaults());
    }

    /** Offload: every read goes through the virtio-net header and the GSO splitter. */
    @Test
    void receivingOnAnOffloadTunAllocatesNothingPerPacket() throws Exception {
        receiveAllocatesNothing(DeviceOptions.defaults().withOffload(java.util.EnumSet.allOf(dev.tappers.Offload.class)));
    }

    private static void receiveAllocatesNothing(DeviceOptions options) throws Exception {
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(options);
             DatagramSocket socket = new DatagramSocket()) {
            tun.addAddress(AddressRequest.parse("198.18.240.1/24"));
            tun.up();
            InetAddress peer = InetAddress.getByName("198.18.240.2");
            ByteBuffer buffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
            // Blocking receives below: should a datagram go missing, closing the device ends the wait (the receive
            // then throws AsynchronousCloseException) instead of hanging the test run.
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(30_000);
                    tun.close();
                } catch (InterruptedException done) {
                    // the test finished in time
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "hot-path-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            long lastAllocated = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) { // the first rounds warm up the JIT
                byte[] payload = new byte[64];
                for (int i = 0; i < PACKETS; i++) {
                    socket.send(new DatagramPacket(payload, payload.length, peer, 9000 + i));
                }
                long before = allocatedByThisThread();
                int udp = 0;
                for (int i = 0; i < PACKETS; i++) {
                    buffer.clear();
                    if (tun.receive(buffer) <= 0) {
                        throw new AssertionError("a blocking receive returned no packet");
                    }
                    if (buffer.get(0) == 0x45 && buffer.get(9) == 17) {
                        udp++;
                    }
                }
                long allocated = allocatedByThisThread() - before;
                assertTrue(udp > PACKETS / 2, "the kernel's UDP datagrams arrived: " + udp);
                lastAllocated = allocated;
                drain(tun, buffer);
                if (round >= 2 && allocated <= SLACK_BYTES) {
                    break;
                }
            }
            watchdog.interrupt();
            assertTrue(lastAllocated <= SLACK_BYTES, PACKETS + " receives still allocated " + lastAllocated
                    + " bytes after " + ROUNDS + " rounds (" + dev.tappers.linux.jna.PacketIo.binding() + ")");
        }
    }

    @Test
    void sendingFromADirectBufferAllocatesNothingPerPacket() throws Exception {
        sendAllocatesNothing(DeviceOptions.defaults());
    }

    @Test
    void sendingOnAnOffloadTunAllocatesNothingPerPacket() throws Exception {
        sendAllocatesNothing(DeviceOptions.defaults().withOffload(java.util.EnumSet.allOf(dev.tappers.Offload.class)));
    }

    private static void sendAllocatesNothing(DeviceOptions options) throws Exception {
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(options)) {
            tun.addAddress(AddressRequest.parse("198.18.241.1/24"));
            tun.up();
            byte[] packet = Ipv4Packet.udp((Inet4Address) InetAddress.getByName("198.18.241.2"),
                    (Inet4Address) InetAddress.getByName("198.18.241.1"),
                    new UdpDatagram(4000, 9, new byte[64])).toBytes(); // to the discard port: nobody listens
            ByteBuffer buffer = ByteBuffer.allocateDirect(packet.length);
            buffer.put(packet).flip();
            long lastAllocated = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                long before = allocatedByThisThread();
                for (int i = 0; i < PACKETS; i++) {
                    buffer.rewind();
                    assertEquals(packet.length, tun.send(buffer));
                }
                lastAllocated = allocatedByThisThread() - before;
                if (round >= 2 && lastAllocated <= SLACK_BYTES) {
                    break;
                }
            }
            assertTrue(lastAllocated <= SLACK_BYTES, PACKETS + " sends still allocated " + lastAllocated
                    + " bytes after " + ROUNDS + " rounds (" + dev.tappers.linux.jna.PacketIo.binding() + ")");
        }
    }

    @Test
    void anEmptyNonblockingReceiveAllocatesNothing() throws Exception {
        // EAGAIN is routine here: it must not cost an exception (JNA's LastErrorException) per call.
        try (Tun tun = LinuxTestSupport.PROVIDER.createTun(DeviceOptions.defaults().withNonBlocking(true))) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
            long lastAllocated = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                long before = allocatedByThisThread();
                for (int i = 0; i < PACKETS; i++) {
                    assertEquals(0, tun.receive(buffer.clear()), "the device is down: nothing can arrive");
                }
                lastAllocated = allocatedByThisThread() - before;
                if (round >= 2 && lastAllocated <= SLACK_BYTES) {
                    break;
                }
            }
            assertTrue(lastAllocated <= SLACK_BYTES, PACKETS + " empty receives still allocated " + lastAllocated
                    + " bytes after " + ROUNDS + " rounds (" + dev.tappers.linux.jna.PacketIo.binding() + ")");
        }
    }

    private static void drain(Tun tun, ByteBuffer buffer) throws Exception {
        tun.setNonBlocking(true);
        for (int i = 0; i < 1000 && tun.receive(buffer.clear()) > 0; i++) {
            // leftover router solicitations and the like
        }
        tun.setNonBlocking(false);
    }
}
