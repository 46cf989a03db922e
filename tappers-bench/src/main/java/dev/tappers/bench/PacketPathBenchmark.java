package dev.tappers.bench;

import dev.tappers.AddressRequest;
import dev.tappers.DeviceOptions;
import dev.tappers.Tun;
import dev.tappers.bench.raw.SyscallProbe;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one native call on the send and receive path, and (with {@code -prof gc}) the bytes allocated per
 * packet. Needs root inside a private network namespace: run-jmh.sh starts JMH through {@code unshare --net}
 * and passes the launcher's namespace as {@code -Dtappers.bench.outside-netns}; setup refuses to create a TUN
 * in that namespace or in PID 1's.
 *
 * <ul>
 *   <li>{@code jnaGetppid}: JNA direct mapping + the cheapest system call: the floor under every packet call.</li>
 *   <li>{@code jnaReadBadDescriptor}: read(2) on -1 (EBADF at once): the same floor for the packet call's shape.</li>
 *   <li>{@code receiveEmpty}: {@link Tun#receive} in nonblocking mode on an empty queue: the library's whole
 *       receive path (checks, JNA, readv, errno, EAGAIN → 0) without a packet.</li>
 *   <li>{@code send}: {@link Tun#send} of an IPv4/UDP packet to the TUN's own address: one write(2), the kernel's
 *       IP/UDP input (then an ICMP port-unreachable, rate-limited) included.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PacketPathBenchmark {
    @Param({"64", "1400"})
    public int payload;

    private Tun tun;
    private ByteBuffer packet;
    private ByteBuffer receiveBuffer;
    private ByteBuffer probe;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String outside = System.getProperty("tappers.bench.outside-netns", "");
        String self = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        String init = Files.isReadable(Path.of("/proc/1/ns/net"))
                ? Files.readSymbolicLink(Path.of("/proc/1/ns/net")).toString() : "";
        if (outside.isEmpty() || self.equals(outside) || self.equals(init)) {
            throw new IllegalStateException("refusing to create a TUN in network namespace " + self
                    + ": start this through tappers-bench/run-jmh.sh (unshare --net)");
        }
        tun = Tun.create(DeviceOptions.defaults().withNonBlocking(true));
        tun.addAddress(AddressRequest.parse("198.18.100.1/24"));
        tun.up();
        packet = ByteBuffer.allocateDirect(28 + payload);
        packet.put(Ipv4Udp.build(new byte[] {(byte) 198, 18, 100, 2}, 40000, new byte[] {(byte) 198, 18, 100, 1},
                9, payload)).flip();
        receiveBuffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
        probe = ByteBuffer.allocateDirect(16);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        tun.close();
    }

    @Benchmark
    public int jnaGetppid() {
        return SyscallProbe.getppid();
    }

    @Benchmark
    public long jnaReadBadDescriptor() {
        return SyscallProbe.read(-1, 0, probe.capacity());
    }

    @Benchmark
    public int receiveEmpty() throws IOException {
        receiveBuffer.clear();
        return tun.receive(receiveBuffer);
    }

    @Benchmark
    public int send() throws IOException {
        packet.rewind();
        return tun.send(packet);
    }
}
