package dev.tappers.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.tappers.Tappers;
import dev.tappers.spi.TappersProvider;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API module depends on the JDK and itself only (ARCHITECTURE.md, "Dependency rules"): no JNA, no provider,
 * no shared POSIX code, no TCK, so an application compiles against it without any native or test library.
 */
class ApiArchitectureTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tappers");

    /** The API's own packages and the JDK's java.* packages, nothing else. */
    static final ArchRule ONLY_JDK_AND_ITSELF = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.tappers", "dev.tappers.spi")
            .because("the API depends on the JDK only; providers bring the native code");

    static final ArchRule NO_JNA = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
            .because("JNA types live only in a provider's jna package");

    static final ArchRule NO_PROVIDER_OR_TOOLING_PACKAGES = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.tappers.linux..", "dev.tappers.macos..",
                    "dev.tappers.bsd..", "dev.tappers.solaris..", "dev.tappers.aix..", "dev.tappers.windows..",
                    "dev.tappers.posix..", "dev.tappers.tck..")
            .because("providers and the TCK depend on the API, never the other way round");

    @Test
    void theApiClassesWereImported() {
        // A rule over nothing passes; make sure the main classes, and only they, are under test.
        assertTrue(API.contain(Tappers.class) && API.contain(TappersProvider.class), "main classes not imported");
        assertTrue(API.stream().noneMatch(c -> c.getPackageName().startsWith("dev.tappers.architecture")),
                "test classes were imported");
    }

    @Test
    void apiDependsOnlyOnTheJdkAndItself() {
        ONLY_JDK_AND_ITSELF.check(API);
    }

    @Test
    void apiNeverMentionsJna() {
        NO_JNA.check(API);
    }

    @Test
    void apiNeverReachesIntoProvidersPosixOrTheTck() {
        NO_PROVIDER_OR_TOOLING_PACKAGES.check(API);
    }

    @Test
    void theJdkOnlyRuleCanFail() {
        // This test class depends on JUnit and ArchUnit: exactly what the API must never do.
        EvaluationResult result = ONLY_JDK_AND_ITSELF.evaluate(new ClassFileImporter().importClasses(ApiArchitectureTest.class));
        assertTrue(result.hasViolation(), "the rule accepted a class that depends on JUnit and ArchUnit");
        assertTrue(result.getFailureReport().toString().contains("com.tngtech.archunit"), result.getFailureReport().toString());
    }
}
