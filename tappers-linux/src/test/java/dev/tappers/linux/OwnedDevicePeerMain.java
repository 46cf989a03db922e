package dev.tappers.linux;

import dev.tappers.PermissionDeniedException;
import dev.tappers.Tun;
import dev.tappers.tck.packets.Ipv4Packet;
import dev.tappers.tck.packets.UdpDatagram;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The main of the unprivileged JVM that {@link OwnedDeviceTest} starts through {@link UnprivilegedJvm}: attaches to
 * the persistent TUN named by its first argument with {@code Tun.open}, waits for the test's datagram and answers
 * it through the device. Exit codes: 0 exchanged, 3 refused with PermissionDeniedException, 4 still holding
 * CAP_NET_ADMIN (not a fair test), 1 anything else.
 */
public final class OwnedDevicePeerMain {
    static final String TO_PEER = "to-owned-peer";
    static final String FROM_PEER = "from-owned-peer";
    static final int EXCHANGED = 0;
    static final int DENIED = 3;
    static final int PRIVILEGED = 4;
    /** <linux/capability.h> */
    private static final int CAP_NET_ADMIN = 12;

    private OwnedDevicePeerMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = Arrays.asList(args);
        if (!rest.isEmpty() && rest.get(0).equals(UnprivilegedPeerMain.DROP_CAPABILITIES)) {
            dev.tappers.linux.jna.ProcessCapabilities.dropAll();
            rest = rest.subList(1, rest.size());
        }
        for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
            if (line.startsWith("Uid:") || line.startsWith("Gid:") || line.startsWith("CapEff:")) {
                System.out.println("STATUS " + line.replace('\t', ' '));
            }
            if (line.startsWith("CapEff:")
                    && (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << CAP_NET_ADMIN)) != 0) {
                System.out.println("PRIVILEGED");
                System.exit(PRIVILEGED);
            }
        }
        String name = rest.get(0);
        Tun tun;
        try {
            tun = Tun.open(name);
        } catch (PermissionDeniedException e) {
            System.out.println("DENIED " + e.getMessage());
            System.exit(DENIED);
            return;
        } catch (Exception e) {
            System.out.println("ERROR " + e);
            System.exit(1);
            return;
        }
        try (tun) {
            tun.setNonBlocking(true);
            ByteBuffer rx = ByteBuffer.allocateDirect(tun.maxPacketSize());
            byte[] marker = TO_PEER.getBytes(StandardCharsets.US_ASCII);
            long end = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() - end < 0) {
                rx.clear();
                int n = tun.receive(rx);
                if (n == 0) {
                    Thread.sleep(5);
                    continue;
                }
                if (n == 28 + marker.length && (rx.get(0) >> 4) == 4 && rx.get(9) == 17
                        && Arrays.equals(marker, 0, marker.length, bytes(rx, 28, marker.length), 0, marker.length)) {
                    byte[] source = bytes(rx, 12, 4);
                    byte[] destination = bytes(rx, 16, 4);
                    int sourcePort = rx.getShort(20) & 0xFFFF;
                    int destinationPort = rx.getShort(22) & 0xFFFF;
                    byte[] answer = Ipv4Packet.udp((Inet4Address) InetAddress.getByAddress(destination),
                            (Inet4Address) InetAddress.getByAddress(source), new UdpDatagram(destinationPort,
                                    sourcePort, FROM_PEER.getBytes(StandardCharsets.US_ASCII))).toBytes();
                    int sent = tun.send(ByteBuffer.wrap(answer));
                    System.out.println("EXCHANGED received " + n + " bytes, sent " + sent);
                    System.out.flush();
                    System.exit(EXCHANGED);
                }
            }
            System.out.println("ERROR no datagram within 60 s");
            System.exit(1);
        }
    }

    private static byte[] bytes(ByteBuffer b, int at, int length) {
        byte[] out = new byte[length];
        b.get(at, out);
        return out;
    }
}
