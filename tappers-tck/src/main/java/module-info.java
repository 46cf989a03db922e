/**
 * The tappers conformance kit: abstract JUnit 5 tests that any provider subclasses with a small factory hook,
 * plus the helpers they use (hermetic-network guard, packet builders, feature conditions).
 */
module dev.tappers.tck {
    requires transitive dev.tappers;
    requires transitive org.junit.jupiter.api;
    requires transitive com.tngtech.archunit;
    requires org.junit.platform.launcher;

    exports dev.tappers.tck;
    exports dev.tappers.tck.packets;
    exports dev.tappers.tck.architecture;
    exports dev.tappers.tck.report;

    // JUnit instantiates and reflects on the abstract test classes' subclasses.
    opens dev.tappers.tck to org.junit.platform.commons;
    opens dev.tappers.tck.architecture to org.junit.platform.commons;

    // Writes target/tck-report.md when a provider's build asks (see TckReportListener).
    provides org.junit.platform.launcher.TestExecutionListener with dev.tappers.tck.report.TckReportListener;
}
