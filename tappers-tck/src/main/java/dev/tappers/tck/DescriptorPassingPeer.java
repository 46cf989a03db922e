package dev.tappers.tck;

import dev.tappers.DescriptorPassing;
import dev.tappers.DeviceOptions;
import dev.tappers.PermissionDeniedException;
import dev.tappers.Tun;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The unprivileged side of {@link DescriptorPassingConformanceTest}'s two-process test, run in a separate process
 * that lacks the privilege to create devices. It proves that lack (creating a TUN must fail with
 * {@link PermissionDeniedException}), receives a TUN with {@link DescriptorPassing#receiveTun}, waits for one UDP
 * datagram addressed to it through the TUN, answers it through the TUN, and exits 0. Every step prints a line
 * starting {@value #PREFIX}, which the test reads back; any failure exits non-zero with the reason.
 *
 * <p>A provider's test starts it with the arguments the test gives, after whatever the platform needs to drop
 * privilege: {@code <socket path> <timeout millis> <own IPv4 address> <test's IPv4 address>}.
 */
public final class DescriptorPassingPeer {
    /** Every line this peer prints starts so. */
    public static final String PREFIX = "tappers-peer: ";
    /** What the reply's payload starts with, before the received payload. */
    public static final String REPLY_PREFIX = "reply to ";

    /** Exit status: the datagram was received and answered. */
    public static final int OK = 0;
    /** Exit status: the arguments were wrong. */
    public static final int BAD_ARGUMENTS = 2;
    /** Exit status: the process could create a TUN, so it proves nothing. */
    public static final int PRIVILEGED = 3;
    /** Exit status: a step failed. */
    public static final int FAILED = 4;

    private DescriptorPassingPeer() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out));
    }

    /** Does the peer's part and returns the exit status; prints each step to {@code out}. */
    public static int run(List<String> args, PrintStream out) {
        if (args.size() != 4) {
            out.println(PREFIX + "usage: <socket path> <timeout millis> <own IPv4 address> <test's IPv4 address>, not " + args);
            return BAD_ARGUMENTS;
        }
        try {
            Path socket = Path.of(args.get(0));
            Duration timeout = Duration.ofMillis(Long.parseLong(args.get(1)));
            Inet4Address self = (Inet4Address) InetAddress.getByName(args.get(2));
            Inet4Address test = (Inet4Address) InetAddress.getByName(args.get(3));
            if (!provesNoPrivilege(out)) {
                return PRIVILEGED;
            }
            try (Tun tun = DescriptorPassing.receiveTun(socket, timeout)) {
                out.println(PREFIX + "received " + tun.name() + " (created by us: " + tun.isCreatedByUs() + ")");
                return answerOneDatagram(tun, timeout, self, test, out) ? OK : FAILED;
            }
        } catch (Exception e) {
            out.println(PREFIX + "failed: " + e);
            e.printStackTrace(out);
            return FAILED;
        } finally {
            out.flush();
        }
    }

    private static boolean provesNoPrivilege(PrintStream out) throws IOException {
        try (Tun tun = Tun.create(DeviceOptions.defaults())) {
            out.println(PREFIX + "could create " + tun.name() + ": this process has the privilege, so it proves nothing");
            return false;
        } catch (PermissionDeniedException e) {
            out.println(PREFIX + "creating a TUN was refused: " + e.getMessage());
            return true;
        }
    }

    /**
     * Receives until a UDP datagram from {@code test} to {@code self} arrives (the kernel sends other packets of
     * its own on a new interface), then writes the answer. A timer closes the TUN at the deadline, which wakes
     * the blocked receive: the peer never hangs.
     */
    private static boolean answerOneDatagram(Tun tun, Duration timeout, Inet4Address self, Inet4Address test,
                                             PrintStream out) throws IOException {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tappers-peer-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.schedule(() -> {
            try {
                tun.close();
            } catch (IOException ignored) {
                // the receive below reports the close
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            ByteBuffer buffer = ByteBuffer.allocateDirect(tun.maxPacketSize());
            for (int i = 0; i < PacketWaiter.MAX_PACKETS; i++) {
                buffer.clear();
                int n = tun.receive(buffer);
                buffer.flip();
                Optional<Ipv4Packet> ip = Ipv4Packet.tryParse(buffer);
                if (ip.isEmpty() || ip.get().udp().isEmpty() || !ip.get().destination().equals(self)
                        || !ip.get().source().equals(test)) {
                    out.println(PREFIX + "passed over " + n + " bytes: " + ip.map(Object::toString).orElse("not IPv4"));
                    continue;
                }
                UdpDatagram udp = ip.get().udp().get();
                String text = new String(udp.payload(), StandardCharsets.UTF_8);
                out.println(PREFIX + "got UDP " + test.getHostAddress() + ":" + udp.sourcePort() + " -> "
                        + self.getHostAddress() + ":" + udp.destinationPort() + " \"" + text + "\"");
                byte[] reply = Ipv4Packet.udp(self, test, new UdpDatagram(udp.destinationPort(), udp.sourcePort(),
                        (REPLY_PREFIX + text).getBytes(StandardCharsets.UTF_8))).toBytes();
                int sent = tun.send(ByteBuffer.wrap(reply));
                out.println(PREFIX + "replied with " + sent + " bytes");
                return sent == reply.length;
            }
            out.println(PREFIX + "no datagram from " + test.getHostAddress() + " among " + PacketWaiter.MAX_PACKETS + " packets");
            return false;
        } finally {
            watchdog.shutdownNow();
        }
    }
}
