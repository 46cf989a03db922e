package dev.tappers.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** run-bench.sh's summary (e2e-summary.awk) on hand-made MEASURE lines: medians, pair ratios, the RESULT form. */
class E2eSummaryTest {
    private static final String WORKLOADS = "recv-64 recv-512 recv-1400 echo-64 bulk-offload";
    private static final String EXTRA = "bulk-split mq1-64 mq2-64";

    private static List<String> summarize(String measures) throws IOException, InterruptedException {
        Path input = Files.createTempFile("measures", ".txt");
        try {
            Files.writeString(input, measures);
            Process p = new ProcessBuilder("awk", "-v", "workloads=" + WORKLOADS, "-v", "extra=" + EXTRA, "-f",
                    "e2e-summary.awk", input.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            return out.lines().toList();
        } finally {
            Files.delete(input);
        }
    }

    private static String line(String impl, int repeat, String workload, String value, String extra) {
        return "MEASURE impl=" + impl + " repeat=" + repeat + " workload=" + workload + " value=" + value + " " + extra + "\n";
    }

    @Test
    void resultLinesCarryMediansAndTheMedianOfPairRatios() throws Exception {
        StringBuilder m = new StringBuilder();
        String[] c = {"100", "300", "200"};
        String[] j = {"90", "150", "220"}; // pair ratios 0.9, 0.5, 1.1: median 0.9 (not 190/200)
        for (String w : WORKLOADS.split(" ")) {
            for (int r = 1; r <= 3; r++) {
                String unit = w.equals("echo-64") ? "unit=rtt/s p50_us=8 p99_us=" + (r == 2 ? "171.00" : "57.89")
                        : w.startsWith("bulk") ? "unit=gbps cpu_ns_per_pkt=90" : "unit=pps cpu_ns_per_pkt=1700";
                m.append(line("c", r, w, c[r - 1], unit));
                m.append(line("java", r, w, j[r - 1], unit));
            }
        }
        List<String> out = summarize(m.toString());
        List<String> results = out.stream().filter(s -> s.startsWith("RESULT ")).toList();
        assertEquals(5, results.size(), String.join("\n", out));
        assertEquals("RESULT workload=recv-64 java=150 c=200 unit=pps ratio=0.900", results.get(0));
        assertEquals("RESULT workload=echo-64 java=150 c=200 unit=rtt/s ratio=0.900", results.get(3));
        assertEquals("RESULT workload=bulk-offload java=150 c=200 unit=gbps ratio=0.900", results.get(4));
        for (String r : results) {
            assertTrue(r.matches("RESULT workload=(recv-64|recv-512|recv-1400|echo-64|bulk-offload) java=[0-9.]+ "
                    + "c=[0-9.]+ unit=(pps|rtt/s|gbps) ratio=[0-9.]+"), r);
        }
        // p99 values 57.89, 171.00, 57.89: the median is numeric (57.89), not the text order's 171.00
        assertTrue(out.stream().anyMatch(s -> s.contains("c p50 8.00 us p99 57.89 us")), String.join("\n", out));
    }

    @Test
    void multiQueueLinesGiveMediansPerQueueCountAndTheScaling() throws Exception {
        StringBuilder m = new StringBuilder();
        String[] c1 = {"300", "100", "200"};
        String[] j1 = {"150", "250", "200"};
        for (int r = 1; r <= 3; r++) {
            m.append(line("c", r, "recv-64", "100", "unit=pps cpu_ns_per_pkt=900 load_cpu_ns_per_pkt=2000"));
            m.append(line("java", r, "recv-64", "100", "unit=pps binding=FFM cpu_ns_per_pkt=1000 load_cpu_ns_per_pkt=2000"));
            m.append(line("java", r, "bulk-split", "30", "unit=gbps binding=FFM cpu_ns_per_pkt=280"));
            m.append(line("c", r, "mq1-64", c1[r - 1], "unit=pps queues=1 per_queue=9 cpu_ns_per_pkt=1000 load_cpu_ns_per_pkt=3000"));
            m.append(line("java", r, "mq1-64", j1[r - 1], "unit=pps queues=1 per_queue=9 binding=FFM cpu_ns_per_pkt=1100 load_cpu_ns_per_pkt=3100"));
            m.append(line("c", r, "mq2-64", "300", "unit=pps queues=2 per_queue=4/5 cpu_ns_per_pkt=1500 load_cpu_ns_per_pkt=3000"));
            m.append(line("java", r, "mq2-64", "400", "unit=pps queues=2 per_queue=5/4 binding=FFM cpu_ns_per_pkt=1600 load_cpu_ns_per_pkt=3100"));
        }
        List<String> out = summarize(m.toString());
        String all = String.join("\n", out);
        assertTrue(out.contains("MQ queues=1 java=200 c=200 unit=pps ratio=1.000 readers_cpu_ns_per_pkt java=1100 c=1000 "
                + "sender_cpu_ns_per_pkt java_run=3100 c_run=3000 per_queue_c|java=9|9 9|9 9|9"), all);
        assertTrue(out.stream().anyMatch(s -> s.startsWith("MQ queues=2 java=400 c=300 unit=pps ratio=1.333 ")), all);
        assertTrue(out.contains("MQ scaling from 1 to 2 queues (medians): java 2.00x, c 1.50x"), all);
        assertTrue(out.contains("java packet-path binding: FFM"), all);
        assertTrue(out.stream().anyMatch(s -> s.contains("bulk-split") && s.contains("java 30.00 Gbit/s")), all);
        // the MQ lines are extras: the RESULT set stays the (here only the workloads that ran)
        assertTrue(out.stream().filter(s -> s.startsWith("RESULT ")).allMatch(s -> s.matches("RESULT workload=("
                + WORKLOADS.replace(' ', '|') + ") .*")), all);
        assertTrue(out.stream().anyMatch(s -> s.startsWith("recv-64 ") && s.endsWith("sender CPU per datagram 2000 / 2000 ns")), all);
    }
}
