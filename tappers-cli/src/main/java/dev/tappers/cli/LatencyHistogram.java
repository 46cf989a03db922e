package dev.tappers.cli;

/**
 * Round-trip times in whole microseconds, counted in one bucket per microsecond up to {@link #MAX_MICROS}
 * (slower ones share the last bucket), so percentiles cost no sample list and recording allocates nothing.
 */
final class LatencyHistogram {
    static final int MAX_MICROS = 100_000;

    private final long[] counts = new long[MAX_MICROS + 1];
    private long total;

    synchronized void record(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        counts[(int) Math.min(micros, MAX_MICROS)]++;
        total++;
    }

    synchronized long count() {
        return total;
    }

    /**
     * The smallest time in microseconds that at least {@code fraction} of the samples do not exceed, or -1 with no
     * samples. {@link #MAX_MICROS} stands for "that long or longer".
     */
    synchronized long percentileMicros(double fraction) {
        if (total == 0) {
            return -1;
        }
        long needed = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int us = 0; us <= MAX_MICROS; us++) {
            seen += counts[us];
            if (seen >= needed) {
                return us;
            }
        }
        return MAX_MICROS;
    }
}
