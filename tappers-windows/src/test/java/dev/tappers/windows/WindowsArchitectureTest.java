package dev.tappers.windows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tappers.tck.architecture.ProviderArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** This module's main classes against the provider architecture rules. */
class WindowsArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tappers.windows");

    @Test
    void mainClassesWereImported() {
        // Guards against a rule passing because the importer found nothing.
        assertTrue(MAIN.contain(WindowsTappersProvider.class), "the importer did not find the main classes");
        assertTrue(MAIN.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")), "test classes were imported");
    }

    @TestFactory
    List<DynamicTest> providerRules() {
        return ProviderArchitecture.rulesFor("dev.tappers.windows").stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(MAIN)))
                .collect(Collectors.toList());
    }
}
