package dev.tappers.tck.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A provider module's main classes against {@link ProviderArchitecture}'s rules: subclass it with the provider
 * class and the rules apply to its root package and everything under it.
 */
public abstract class ProviderArchitectureTest {
    private JavaClasses main;

    /** The provider class; its package is the provider's root package. */
    protected abstract Class<?> providerClass();

    private JavaClasses main() {
        if (main == null) {
            main = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(providerClass().getPackageName());
        }
        return main;
    }

    @Test
    void mainClassesWereImported() {
        // Guards against a rule passing because the importer found nothing.
        assertTrue(main().contain(providerClass()), "the importer did not find the main classes");
        assertTrue(main().stream().noneMatch(c -> c.getSimpleName().endsWith("Test")), "test classes were imported");
    }

    @TestFactory
    List<DynamicTest> providerRules() {
        return ProviderArchitecture.rulesFor(providerClass().getPackageName()).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(main())))
                .collect(Collectors.toList());
    }
}
