package dev.tappers.linux;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tappers.tck.architecture.ProviderArchitecture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The no-subprocess rule over all main code this provider runs, not only its own package: the API
 * ({@code dev.tappers}) and the shared POSIX tables ({@code dev.tappers.posix}) have no architecture test of
 * their own that forbids ProcessBuilder and Runtime.exec. (The TCK, which starts helper JVMs for tests, is left
 * out.)
 */
class NoSubprocessAnywhereTest {
    @Test
    void apiPosixAndLinuxMainCodeStartNoProcess() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/dev/tappers/tck/") && !location.contains("/test-classes/"))
                .importPackages("dev.tappers");
        assertTrue(main.contain(dev.tappers.posix.Errno.class) && main.contain(dev.tappers.linux.jna.Syscalls.class)
                && main.contain(dev.tappers.Tun.class), "imported API, POSIX and Linux main classes");
        ProviderArchitecture.noSubprocesses().check(main);
    }
}
