package dev.tappers.linux;

import dev.tappers.linux.jna.ProcessCapabilities;
import dev.tappers.tck.DescriptorPassingPeer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The main of the separate, unprivileged JVM that {@link LinuxDescriptorPassingConformanceTest} starts through
 * {@link UnprivilegedJvm}. It first shows, from {@code /proc}, that its thread lacks CAP_NET_ADMIN, then runs
 * the TCK's {@link DescriptorPassingPeer}, which also proves it by failing to create a TUN.
 */
public final class UnprivilegedPeerMain {
    /** First argument when setpriv is missing: drop every capability here, before anything else. */
    static final String DROP_CAPABILITIES = "--drop-capabilities";
    /** <linux/capability.h> */
    private static final int CAP_NET_ADMIN = 12;

    private UnprivilegedPeerMain() {
    }

    public static void main(String[] args) throws IOException {
        List<String> rest = Arrays.asList(args);
        if (!rest.isEmpty() && rest.get(0).equals(DROP_CAPABILITIES)) {
            ProcessCapabilities.dropAll();
            rest = rest.subList(1, rest.size());
        }
        List<String> status = Files.readAllLines(Path.of("/proc/thread-self/status"));
        for (String line : status) {
            if (line.startsWith("Uid:") || line.startsWith("Cap")) {
                System.out.println(DescriptorPassingPeer.PREFIX + line.replace('\t', ' '));
            }
        }
        for (String set : List.of("CapEff:", "CapPrm:")) {
            long bits = status.stream().filter(l -> l.startsWith(set)).findFirst()
                    .map(l -> Long.parseUnsignedLong(l.substring(set.length()).trim(), 16))
                    .orElseThrow(() -> new IllegalStateException("no " + set + " in /proc/thread-self/status"));
            if ((bits & (1L << CAP_NET_ADMIN)) != 0) {
                System.out.println(DescriptorPassingPeer.PREFIX + set + " holds CAP_NET_ADMIN: not unprivileged");
                System.exit(DescriptorPassingPeer.PRIVILEGED);
            }
        }
        System.exit(DescriptorPassingPeer.run(rest, System.out));
    }
}
