package dev.tappers.tck.report;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes the conformance table of a test run: every TCK test the run executed (a test method of a class in
 * {@code dev.tappers.tck}, run through a provider's subclass) with pass, skip and its reason, or fail.
 *
 * <p>Registered with the JUnit Platform through {@code META-INF/services}, so it is active in every run that has
 * the TCK on its class path, but it writes only when the system property {@value #REPORT_PROPERTY} names the
 * file (a provider's build sets it, for example to {@code target/tck-report.md});
 * {@value #PROVIDER_PROPERTY} names the provider in the table's header. Runs of the TCK through
 * {@code EngineTestKit} (the broken-provider tests) do not reach launcher listeners and are not reported.
 *
 * <p>The file is rewritten after each test plan, with everything this JVM has run so far, so it is complete
 * whether the build runs its test classes in one plan or in several.
 */
public final class TckReportListener implements TestExecutionListener {
    /** System property: the path of the Markdown file to write. Unset: the listener does nothing. */
    public static final String REPORT_PROPERTY = "tappers.tck.report";
    /** System property: the provider's name for the table's header. */
    public static final String PROVIDER_PROPERTY = "tappers.tck.report.provider";

    /** Everything this JVM has run, across test plans and listener instances. */
    private static final ConformanceTable TABLE = new ConformanceTable();

    private volatile TestPlan plan;

    /** Public, for ServiceLoader. */
    public TckReportListener() {
    }

    private static Optional<Path> target() {
        String file = System.getProperty(REPORT_PROPERTY, "").trim();
        return file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (target().isPresent()) {
            rowOf(id).ifPresent(row -> TABLE.record(row, ConformanceTable.Outcome.SKIP, reason, isDynamic(id)));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (target().isEmpty()) {
            return;
        }
        boolean dynamic = isDynamic(id);
        if (!id.isTest() && !dynamic && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                && id.getSource().filter(MethodSource.class::isInstance).isEmpty()) {
            return; // a class container that ran: its methods have rows of their own
        }
        Optional<ConformanceTable.Row> row = rowOf(id);
        if (row.isEmpty()) {
            return;
        }
        String why = result.getThrowable().map(t -> t.getMessage() != null ? t.getMessage() : t.toString()).orElse("");
        switch (result.getStatus()) {
            case SUCCESSFUL:
                TABLE.record(row.get(), ConformanceTable.Outcome.PASS, "", dynamic);
                break;
            case ABORTED:
                TABLE.record(row.get(), ConformanceTable.Outcome.SKIP, why, dynamic);
                break;
            default:
                TABLE.record(row.get(), ConformanceTable.Outcome.FAIL, why, dynamic);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Optional<Path> file = target();
        if (file.isEmpty() || TABLE.isEmpty()) {
            return;
        }
        try {
            Path parent = file.get().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file.get(), TABLE.toMarkdown(System.getProperty(PROVIDER_PROPERTY, "provider")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the TCK report " + file.get(), e);
        }
    }

    /** A dynamic test counts towards its factory method's row: its own name may carry per-run values. */
    private static boolean isDynamic(TestIdentifier id) {
        return id.getUniqueId().contains("/[dynamic-test:");
    }

    /** The row of the TCK test {@code id} belongs to: itself or the nearest enclosing method or class. */
    private Optional<ConformanceTable.Row> rowOf(TestIdentifier id) {
        TestIdentifier at = id;
        for (int depth = 0; at != null && depth < 32; depth++) {
            Optional<TestSource> source = at.getSource();
            if (source.isPresent() && source.get() instanceof MethodSource m) {
                return ConformanceTable.Row.of(m.getJavaClass(), m.getMethodName());
            }
            if (source.isPresent() && source.get() instanceof ClassSource c) {
                return ConformanceTable.Row.of(c.getJavaClass(), ConformanceTable.Row.WHOLE_CLASS);
            }
            TestPlan p = plan;
            at = p == null ? null : p.getParent(at).orElse(null);
        }
        return Optional.empty();
    }
}
