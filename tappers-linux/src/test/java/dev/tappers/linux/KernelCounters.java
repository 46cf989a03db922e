package dev.tappers.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's own drop counters for this thread's namespace, to explain any packet a test loses: UDP
 * InErrors and RcvbufErrors from {@code /proc/thread-self/net/snmp}, and an interface's receive and transmit
 * drops from {@code /proc/thread-self/net/dev}.
 */
record KernelCounters(long udpInErrors, long udpRcvbufErrors, long rxDropped, long txDropped) {

    static KernelCounters read(String iface) throws IOException {
        List<String> snmp = Files.readAllLines(Path.of("/proc/thread-self/net/snmp"));
        long inErrors = 0;
        long rcvbuf = 0;
        for (int i = 0; i + 1 < snmp.size(); i++) {
            if (snmp.get(i).startsWith("Udp:") && snmp.get(i + 1).startsWith("Udp:")) {
                List<String> names = List.of(snmp.get(i).split("\\s+"));
                String[] values = snmp.get(i + 1).split("\\s+");
                inErrors = Long.parseLong(values[names.indexOf("InErrors")]);
                rcvbuf = Long.parseLong(values[names.indexOf("RcvbufErrors")]);
                break;
            }
        }
        long rxDrop = 0;
        long txDrop = 0;
        for (String line : Files.readAllLines(Path.of("/proc/thread-self/net/dev"))) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(iface)) {
                String[] f = line.substring(colon + 1).trim().split("\\s+");
                rxDrop = Long.parseLong(f[3]); // bytes packets errs drop ... (receive), then the same for transmit
                txDrop = Long.parseLong(f[11]);
            }
        }
        return new KernelCounters(inErrors, rcvbuf, rxDrop, txDrop);
    }

    KernelCounters since(KernelCounters before) {
        return new KernelCounters(udpInErrors - before.udpInErrors, udpRcvbufErrors - before.udpRcvbufErrors,
                rxDropped - before.rxDropped, txDropped - before.txDropped);
    }

    /** Every drop counted, once: RcvbufErrors are counted in InErrors too, so they are not added again. */
    long explained() {
        return udpInErrors + rxDropped + txDropped;
    }

    @Override
    public String toString() {
        return "Udp InErrors " + udpInErrors + " (RcvbufErrors " + udpRcvbufErrors + "), interface rx drop " + rxDropped
                + ", tx drop " + txDropped;
    }
}
