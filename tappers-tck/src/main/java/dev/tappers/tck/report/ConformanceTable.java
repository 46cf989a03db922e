package dev.tappers.tck.report;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outcome of each TCK test of one run, as a Markdown table. Rows are sorted by TCK class and method, and
 * carry nothing that changes from run to run (no times, no per-run addresses), so that two runs of the same
 * provider on equally able machines give the same text.
 */
final class ConformanceTable {
    /** What happened to a test. */
    enum Outcome { PASS, SKIP, FAIL }

    /** The longest reason shown in a cell; the rest is in the test report. */
    static final int MAX_REASON = 160;

    /**
     * One TCK test: the TCK class a provider's test class extends, and the method.
     *
     * @param tckClass the simple name of the first superclass (or the class itself) in {@code dev.tappers.tck}
     * @param method   the method name, or {@link #WHOLE_CLASS}
     */
    record Row(String tckClass, String method) implements Comparable<Row> {
        /** The method name of a row about a whole class (skipped or failed before its methods ran). */
        static final String WHOLE_CLASS = "(whole class)";

        Row {
            Objects.requireNonNull(tckClass, "tckClass");
            Objects.requireNonNull(method, "method");
        }

        /** The row of {@code method} run through {@code testClass}, if that class is a TCK test. */
        static Optional<Row> of(Class<?> testClass, String method) {
            for (Class<?> c = testClass; c != null; c = c.getSuperclass()) {
                String pkg = c.getPackageName();
                if (pkg.equals("dev.tappers.tck") || pkg.startsWith("dev.tappers.tck.") && !pkg.equals("dev.tappers.tck.report")) {
                    return Optional.of(new Row(c.getSimpleName(), method));
                }
            }
            return Optional.empty();
        }

        @Override
        public int compareTo(Row o) {
            int byClass = tckClass.compareTo(o.tckClass);
            return byClass != 0 ? byClass : method.compareTo(o.method);
        }
    }

    /** What a row has seen: its own outcome, and those of its dynamic tests (for a test factory). */
    private static final class Cell {
        Outcome own;
        String ownReason = "";
        int dynamicPassed;
        int dynamicSkipped;
        int dynamicFailed;
        String dynamicSkipReason = "";
        String dynamicFailReason = "";

        void record(Outcome outcome, String reason, boolean dynamic) {
            if (!dynamic) {
                if (own != Outcome.FAIL) { // a failure is never hidden by a later pass of the same row
                    own = outcome;
                    ownReason = reason;
                }
                return;
            }
            switch (outcome) {
                case PASS:
                    dynamicPassed++;
                    break;
                case SKIP:
                    if (dynamicSkipped++ == 0) {
                        dynamicSkipReason = reason;
                    }
                    break;
                default:
                    if (dynamicFailed++ == 0) {
                        dynamicFailReason = reason;
                    }
            }
        }

        Outcome outcome() {
            if (own == Outcome.FAIL || dynamicFailed > 0) {
                return Outcome.FAIL;
            }
            if (own == Outcome.SKIP) {
                return Outcome.SKIP;
            }
            int dynamic = dynamicPassed + dynamicSkipped;
            if (dynamic > 0) {
                return dynamicPassed > 0 ? Outcome.PASS : Outcome.SKIP;
            }
            return own == null ? Outcome.SKIP : own;
        }

        String text() {
            int dynamic = dynamicPassed + dynamicSkipped + dynamicFailed;
            switch (outcome()) {
                case FAIL:
                    if (own == Outcome.FAIL) {
                        return "❌ fail: " + cell(ownReason);
                    }
                    return "❌ fail (" + dynamicFailed + " of " + dynamic + " cases): " + cell(dynamicFailReason);
                case SKIP:
                    return "⏭️ skip: " + cell(own == Outcome.SKIP ? ownReason : dynamicSkipReason);
                default:
                    if (dynamic == 0) {
                        return "✅ pass";
                    }
                    return "✅ pass (" + dynamic + " cases" + (dynamicSkipped == 0 ? ")"
                            : ", " + dynamicSkipped + " skipped: " + cell(dynamicSkipReason) + ")");
            }
        }
    }

    private final Map<Row, Cell> rows = new TreeMap<>();

    synchronized void record(Row row, Outcome outcome, String reason, boolean dynamic) {
        rows.computeIfAbsent(row, r -> new Cell()).record(outcome, reason == null ? "" : reason, dynamic);
    }

    synchronized boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The summary line and the table; {@code provider} names the result column. */
    synchronized String toMarkdown(String provider) {
        int[] counts = new int[Outcome.values().length];
        StringBuilder table = new StringBuilder();
        table.append("| TCK test | ").append(provider).append(" |\n|---|---|\n");
        for (Map.Entry<Row, Cell> e : rows.entrySet()) {
            counts[e.getValue().outcome().ordinal()]++;
            table.append("| `").append(e.getKey().tckClass()).append('.').append(e.getKey().method()).append("` | ")
                    .append(e.getValue().text()).append(" |\n");
        }
        return "Provider `" + provider + "`: " + counts[Outcome.PASS.ordinal()] + " passed, "
                + counts[Outcome.SKIP.ordinal()] + " skipped, " + counts[Outcome.FAIL.ordinal()] + " failed.\n\n"
                + table;
    }

    /** A reason fit for one table cell: one line, no pipe, bounded. */
    static String cell(String reason) {
        String line = reason == null ? "" : reason.strip();
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline).strip();
        }
        line = line.replace("|", "\\|").replace("\r", "");
        if (line.length() > MAX_REASON) {
            line = line.substring(0, MAX_REASON - 1) + "…";
        }
        return line.isEmpty() ? "(no reason given)" : line;
    }
}
