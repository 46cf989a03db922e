package dev.tappers.bench;

import java.util.Locale;

/**
 * The table both implementations print. The C reference uses the same format strings (printf and
 * {@link String#format} agree on these conversions), so run-bench.sh can set the two outputs side by side and
 * join their {@code RESULT} lines.
 */
final class ResultTable {
    static final String HEADER =
            "test  payload ip-bytes  packets  pkts/s-med  pkts/s-min  pkts/s-max    Mbit/s   drops cpu-ns/pkt alloc-B/pkt";
    private static final String ROW = "%-4s %8d %8d %8d %11.0f %11.0f %11.0f %9.1f %7s %10s %11s%s";
    private static final String RESULT = "RESULT %s %s %d %.0f %.1f %s %s %s";

    private ResultTable() {
    }

    static String row(ResultRow r) {
        Summary s = r.packetsPerSecond();
        return String.format(Locale.ROOT, ROW, r.test(), r.payload(), r.ipBytes(), r.packets(), s.median(), s.min(),
                s.max(), r.megabitsPerSecond(), drops(r), cpu(r), alloc(r), r.cut() ? "  (cut by time limit)" : "");
    }

    /** A line for scripts: {@code RESULT impl test payload pkts/s Mbit/s drops cpu-ns alloc}, "-" where not measured. */
    static String resultLine(String implementation, ResultRow r) {
        return String.format(Locale.ROOT, RESULT, implementation, r.test(), r.payload(), r.packetsPerSecond().median(),
                r.megabitsPerSecond(), drops(r), cpu(r), alloc(r));
    }

    private static String drops(ResultRow r) {
        return Double.isNaN(r.dropPercent()) ? "-" : String.format(Locale.ROOT, "%.2f%%", r.dropPercent());
    }

    private static String cpu(ResultRow r) {
        return Double.isNaN(r.cpuNanosPerPacket()) ? "-" : String.format(Locale.ROOT, "%.0f", r.cpuNanosPerPacket());
    }

    private static String alloc(ResultRow r) {
        return Double.isNaN(r.allocatedPerPacket()) ? "-" : String.format(Locale.ROOT, "%.1f", r.allocatedPerPacket());
    }
}
