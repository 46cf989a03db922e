package dev.tappers.macos;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.tappers.macos.archfixtures.ExecsRoute;
import dev.tappers.macos.archfixtures.LeaksPointer;
import dev.tappers.macos.archfixtures.ReachesIntoBsd;
import dev.tappers.macos.archfixtures.RunsIfconfig;
import dev.tappers.macos.archfixtures.UsesJnaOutsideJnaPackage;
import dev.tappers.macos.archfixtures.UsesOwnAndSharedPackages;
import dev.tappers.macos.archfixtures.jna.PointerInJnaPackage;
import dev.tappers.tck.architecture.ProviderArchitecture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves each rule in {@link ProviderArchitecture} can fail: it reports the deliberately bad fixture classes
 * and accepts the allowed ones, so a provider passing the rules has really been checked.
 */
class ArchitectureRulesCatchViolationsTest {

    private static JavaClasses classes(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }

    private static void assertViolates(ArchRule rule, Class<?> bad, String expectedInReport) {
        EvaluationResult result = rule.evaluate(classes(bad));
        assertTrue(result.hasViolation(), rule.getDescription() + " accepted " + bad.getName());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains(expectedInReport), "the report does not mention " + expectedInReport + ": " + report);
    }

    private static void assertAccepts(ArchRule rule, Class<?> good) {
        EvaluationResult result = rule.evaluate(classes(good));
        assertFalse(result.hasViolation(), () -> rule.getDescription() + " rejected " + good.getName() + ": "
                + result.getFailureReport());
    }

    @Test
    void noSubprocessesCatchesProcessBuilderAndRuntimeExec() {
        assertViolates(ProviderArchitecture.noSubprocesses(), RunsIfconfig.class, "java.lang.ProcessBuilder");
        assertViolates(ProviderArchitecture.noSubprocesses(), ExecsRoute.class, "Runtime.exec");
        assertAccepts(ProviderArchitecture.noSubprocesses(), UsesOwnAndSharedPackages.class);
    }

    @Test
    void jnaOnlyInJnaPackagesCatchesJnaElsewhere() {
        assertViolates(ProviderArchitecture.jnaOnlyInJnaPackages(), UsesJnaOutsideJnaPackage.class, "com.sun.jna.Memory");
        assertViolates(ProviderArchitecture.jnaOnlyInJnaPackages(), LeaksPointer.class, "com.sun.jna.Pointer");
        assertAccepts(ProviderArchitecture.jnaOnlyInJnaPackages(), PointerInJnaPackage.class);
    }

    @Test
    void publicSignaturesCatchAPointerLeak() {
        ArchRule rule = ProviderArchitecture.publicSignaturesOutsideJnaPackagesNeverMentionJna();
        assertViolates(rule, LeaksPointer.class, "LeaksPointer.buffer()");
        // Private use is the other rule's business; the signature rule only guards what users see.
        assertAccepts(rule, UsesJnaOutsideJnaPackage.class);
        assertAccepts(rule, PointerInJnaPackage.class);
    }

    @Test
    void noDependencyOnOtherProvidersCatchesAReachIntoBsd() {
        ArchRule rule = ProviderArchitecture.noDependencyOnOtherProviders("dev.tappers.macos");
        assertViolates(rule, ReachesIntoBsd.class, "dev.tappers.bsd.archfixture.OtherProviderClass");
        assertAccepts(rule, UsesOwnAndSharedPackages.class);
        // The bsd provider itself may use its own packages.
        assertAccepts(ProviderArchitecture.noDependencyOnOtherProviders("dev.tappers.bsd"), ReachesIntoBsd.class);
    }

    @Test
    void rulesForBundlesEveryRule() {
        assertTrue(ProviderArchitecture.rulesFor("dev.tappers.macos").size() == 4);
        assertThrows(IllegalArgumentException.class, () -> ProviderArchitecture.noDependencyOnOtherProviders(" "));
    }
}
