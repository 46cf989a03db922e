package dev.tappers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OsFamilyTest {

    /** Values of the {@code os.name} property as the JDKs on these systems report them. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Linux|LINUX",
            "Mac OS X|MACOS",
            "Darwin|MACOS",
            "Windows 11|WINDOWS",
            "Windows 10|WINDOWS",
            "Windows Server 2022|WINDOWS",
            "FreeBSD|FREEBSD",
            "OpenBSD|OPENBSD",
            "NetBSD|NETBSD",
            "DragonFlyBSD|DRAGONFLY",
            "SunOS|SOLARIS",
            "Solaris|SOLARIS",
            "AIX|AIX",
            "OS/400|OTHER",
            "z/OS|OTHER",
            "HP-UX|OTHER",
            "''|OTHER",
    })
    void mapsOsNames(String osName, OsFamily expected) {
        assertEquals(expected, OsFamily.fromOsName(osName));
    }

    @Test
    void caseDoesNotMatter() {
        assertEquals(OsFamily.LINUX, OsFamily.fromOsName("LINUX"));
        assertEquals(OsFamily.MACOS, OsFamily.fromOsName("macos"));
        assertEquals(OsFamily.FREEBSD, OsFamily.fromOsName("freebsd"));
    }

    @Test
    void currentFollowsTheOsNameProperty() {
        assertEquals(OsFamily.fromOsName(System.getProperty("os.name")), OsFamily.current());
    }
}
