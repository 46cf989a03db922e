package dev.tappers.bench;

import java.util.Arrays;

/**
 * Median, minimum and maximum of the measured rounds. The median, not the mean: on a shared machine one round
 * that another process interrupted should not move the figure reported.
 */
record Summary(double median, double min, double max) {

    /** @throws IllegalArgumentException when there are no values, or one is not a finite number */
    static Summary of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("summary of rounds: no rounds were measured");
        }
        double[] sorted = values.clone();
        for (double v : sorted) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("summary of rounds: " + v + " is not a finite number");
            }
        }
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Summary(median, sorted[0], sorted[sorted.length - 1]);
    }
}
