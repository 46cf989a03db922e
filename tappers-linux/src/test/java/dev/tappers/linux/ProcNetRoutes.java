package dev.tappers.linux;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kernel's routes as procfs prints them, read without netlink: {@code /proc/net/route} (IPv4, the main table
 * only) and {@code /proc/net/ipv6_route} (IPv6, every table, without the table id), of the reading thread's
 * namespace. An oracle for the route tests.
 */
final class ProcNetRoutes {
    private ProcNetRoutes() {
    }

    /** {@code "destination/prefix"} of every route whose device is {@code interfaceName}. */
    static Set<String> destinations(String interfaceName) throws IOException {
        Set<String> out = new TreeSet<>();
        // Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT; addresses as the __be32 in
        // host order, "%08X".
        List<String> v4 = Files.readAllLines(procNet("route"), StandardCharsets.US_ASCII);
        for (String line : v4.subList(1, v4.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 8 && f[0].equals(interfaceName)) {
                byte[] destination = be32(f[1]);
                int prefix = Integer.bitCount(ByteBuffer.wrap(be32(f[7])).getInt());
                out.add(InetAddress.getByAddress(destination).getHostAddress() + "/" + prefix);
            }
        }
        // dest(32 hex) dest_len(hex) src src_len next_hop metric refcnt use flags device
        for (String line : Files.readAllLines(procNet("ipv6_route"), StandardCharsets.US_ASCII)) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 10 && f[9].equals(interfaceName)) {
                byte[] destination = HexFormat.of().parseHex(f[0]);
                // The same spelling as the TCK's: the JDK's uncompressed form of an address without a scope.
                out.add(InetAddress.getByAddress(destination).getHostAddress() + "/" + Integer.parseInt(f[1], 16));
            }
        }
        return out;
    }

    private static Path procNet(String file) {
        Path perThread = Path.of("/proc/thread-self/net").resolve(file);
        return Files.exists(perThread) ? perThread : Path.of("/proc/net").resolve(file);
    }

    private static byte[] be32(String hex) {
        int v = (int) Long.parseLong(hex, 16);
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }
}
