package dev.tappers.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's UDP counters for this network namespace, from /proc/net/snmp: the independent check that the
 * packets the send test wrote really reached the kernel's UDP layer, not just the TUN's descriptor.
 *
 * @param inDatagrams delivered to a socket
 * @param noPorts     arrived for a port nobody listens on (the send test's discard port)
 * @param inErrors    arrived but dropped for an error (a full socket buffer, a bad checksum)
 */
record UdpCounters(long inDatagrams, long noPorts, long inErrors) {
    static final Path SNMP = Path.of("/proc/net/snmp");

    /** Datagrams the UDP layer saw in any of the three ways. */
    long arrived() {
        return inDatagrams + noPorts + inErrors;
    }

    static UdpCounters read() throws IOException {
        return parse(Files.readAllLines(SNMP));
    }

    /**
     * Reads the two {@code Udp:} lines (names, then values) of /proc/net/snmp; the columns are found by name, as
     * kernels have added columns over the years.
     *
     * @throws IllegalArgumentException when the lines or the columns are missing
     */
    static UdpCounters parse(List<String> snmp) {
        String[] names = null;
        String[] values = null;
        for (String line : snmp) {
            if (line.startsWith("Udp: ")) {
                if (names == null) {
                    names = line.trim().split("\\s+");
                } else {
                    values = line.trim().split("\\s+");
                    break;
                }
            }
        }
        if (names == null || values == null || names.length != values.length) {
            throw new IllegalArgumentException("parse " + SNMP + ": no pair of Udp: lines with matching columns");
        }
        return new UdpCounters(column(names, values, "InDatagrams"), column(names, values, "NoPorts"),
                column(names, values, "InErrors"));
    }

    private static long column(String[] names, String[] values, String name) {
        for (int i = 1; i < names.length; i++) {
            if (names[i].equals(name)) {
                return Long.parseLong(values[i]);
            }
        }
        throw new IllegalArgumentException("parse " + SNMP + ": the Udp: lines have no " + name + " column");
    }
}
