package dev.watchfloor.cli.command;

import java.util.Collection;

/**
 * Median, minimum and maximum of a non-empty set of measurements. The median of an even count is the mean of the two
 * middle values.
 */
public record Summary(int count, double median, double min, double max) {

    public static Summary of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarize");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Summary(n, median, sorted[0], sorted[n - 1]);
    }
}
