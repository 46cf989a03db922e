package dev.tappers.posix;

import dev.tappers.OsFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrnoTest {

    /** Values that differ between systems, re-read from golang/sys zerrors_<os>_<arch>.go @e8c1c32. */
    private static final Map<OsFamily, Map<String, Integer>> SPOT_CHECKS = Map.of(
            OsFamily.LINUX, Map.of("EAGAIN", 11, "EOPNOTSUPP", 95, "ENOTSUP", 95, "EADDRINUSE", 98,
                    "ENOBUFS", 105, "ENOTCONN", 107, "EMSGSIZE", 90, "EAFNOSUPPORT", 97, "ENETDOWN", 100),
            OsFamily.MACOS, Map.of("EAGAIN", 35, "EOPNOTSUPP", 102, "ENOTSUP", 45, "EADDRINUSE", 48,
                    "ENOBUFS", 55, "ENOTCONN", 57, "EMSGSIZE", 40, "EPROTONOSUPPORT", 43),
            OsFamily.FREEBSD, Map.of("EAGAIN", 35, "EOPNOTSUPP", 45, "ENOTSUP", 45, "EADDRNOTAVAIL", 49),
            OsFamily.OPENBSD, Map.of("EWOULDBLOCK", 35, "EOPNOTSUPP", 45, "ENOTSUP", 91, "ENETDOWN", 50),
            OsFamily.NETBSD, Map.of("EAGAIN", 35, "EOPNOTSUPP", 45, "ENOTSUP", 86, "EAFNOSUPPORT", 47),
            OsFamily.DRAGONFLY, Map.of("EAGAIN", 35, "EOPNOTSUPP", 45, "ENOTSUP", 45, "ENOSYS", 78),
            OsFamily.SOLARIS, Map.of("EAGAIN", 11, "EOPNOTSUPP", 122, "ENOTSUP", 48, "EADDRINUSE", 125,
                    "ENOBUFS", 132, "ENOTCONN", 134, "EMSGSIZE", 97, "EPROTONOSUPPORT", 120),
            OsFamily.AIX, Map.of("EAGAIN", 11, "EWOULDBLOCK", 11, "EOPNOTSUPP", 64, "ENOTSUP", 124,
                    "EADDRINUSE", 67, "ENOBUFS", 74, "ENOTCONN", 76, "EMSGSIZE", 59, "ENETDOWN", 69));

    @Test
    void coversEveryPosixFamily() {
        assertEquals(EnumSet.complementOf(EnumSet.of(OsFamily.WINDOWS, OsFamily.OTHER)), EnumSet.copyOf(Errno.systems()));
    }

    @Test
    void numbersThatDifferBetweenSystemsMatchTheirHeaders() {
        SPOT_CHECKS.forEach((os, values) -> values.forEach((name, number) ->
                assertEquals(number, Errno.number(os, name), os + " " + name)));
    }

    @ParameterizedTest
    @EnumSource(value = OsFamily.class, names = {"WINDOWS", "OTHER"}, mode = EnumSource.Mode.EXCLUDE)
    void errnoBaseIsTheSameEverywhere(OsFamily os) {
        // The V7 numbers 1-34 are shared by every system in the table.
        assertEquals("EPERM", Errno.name(os, 1));
        assertEquals("ENOENT", Errno.name(os, 2));
        assertEquals("ESRCH", Errno.name(os, 3));
        assertEquals("EINTR", Errno.name(os, 4));
        assertEquals("EIO", Errno.name(os, 5));
        assertEquals("ENXIO", Errno.name(os, 6));
        assertEquals("EBADF", Errno.name(os, 9));
        assertEquals("ENOMEM", Errno.name(os, 12));
        assertEquals("EACCES", Errno.name(os, 13));
        assertEquals("EFAULT", Errno.name(os, 14));
        assertEquals("EBUSY", Errno.name(os, 16));
        assertEquals("EEXIST", Errno.name(os, 17));
        assertEquals("ENODEV", Errno.name(os, 19));
        assertEquals("EINVAL", Errno.name(os, 22));
        assertEquals("ENFILE", Errno.name(os, 23));
        assertEquals("EMFILE", Errno.name(os, 24));
        assertEquals("ENOTTY", Errno.name(os, 25));
        assertEquals("ENOSPC", Errno.name(os, 28));
        assertEquals("EPIPE", Errno.name(os, 32));
        assertEquals("ERANGE", Errno.name(os, 34));
    }

    @ParameterizedTest
    @EnumSource(value = OsFamily.class, names = {"WINDOWS", "OTHER"}, mode = EnumSource.Mode.EXCLUDE)
    void nameAndNumberRoundTripAndAliasesPrintTheirPrimaryName(OsFamily os) {
        for (String name : Errno.knownNames(os)) {
            int n = Errno.number(os, name);
            String printed = Errno.name(os, n);
            assertEquals(n, Errno.number(os, printed), os + " " + name);
            if (!name.equals("EWOULDBLOCK") && !name.equals("ENOTSUP")) {
                assertEquals(name, printed, os + " " + n);
            }
        }
        assertEquals("EAGAIN", Errno.name(os, Errno.number(os, "EWOULDBLOCK")));
    }

    @Test
    void primaryNamesAreUniquePerSystemSoNoNumberHidesAnother() {
        for (OsFamily os : Errno.systems()) {
            long distinct = Errno.knownNames(os).stream().filter(n -> !n.equals("EWOULDBLOCK") && !n.equals("ENOTSUP"))
                    .mapToInt(n -> Errno.number(os, n)).distinct().count();
            assertEquals(Errno.knownNames(os).size() - 2, distinct, os.toString());
        }
    }

    /** golang/sys @e8c1c32: zerrors_linux_amd64.go 0x4d, zerrors_solaris_amd64.go 0x51, in no other zerrors file. */
    @Test
    void ebadfdIsLinuxsAndSolarissOnly() {
        assertEquals(77, Errno.number(OsFamily.LINUX, "EBADFD"));
        assertEquals("EBADFD", Errno.name(OsFamily.LINUX, 77));
        assertEquals(81, Errno.number(OsFamily.SOLARIS, "EBADFD"));
        assertEquals("EBADFD", Errno.name(OsFamily.SOLARIS, 81));
        assertTrue(Errno.knownNames().contains("EBADFD"));
        for (OsFamily os : EnumSet.of(OsFamily.MACOS, OsFamily.FREEBSD, OsFamily.OPENBSD, OsFamily.NETBSD,
                OsFamily.DRAGONFLY, OsFamily.AIX)) {
            assertTrue(!Errno.knownNames(os).contains("EBADFD"), os.toString());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Errno.number(os, "EBADFD"));
            assertEquals("errno number: " + os + " has no EBADFD", e.getMessage());
            assertEquals("errno 77", Errno.name(os, 77), "a system without EBADFD prints no name for Linux's number");
        }
    }

    @Test
    void enotsupHasItsOwnNameWhereItHasItsOwnNumber() {
        assertEquals("ENOTSUP", Errno.name(OsFamily.MACOS, 45));
        assertEquals("EOPNOTSUPP", Errno.name(OsFamily.MACOS, 102));
        assertEquals("EOPNOTSUPP", Errno.name(OsFamily.FREEBSD, 45));
        assertEquals("ENOTSUP", Errno.name(OsFamily.SOLARIS, 48));
        assertEquals("EOPNOTSUPP", Errno.name(OsFamily.LINUX, 95));
    }

    @Test
    void sameNumberMeansDifferentThingsOnDifferentSystems() {
        assertEquals("EAGAIN", Errno.name(OsFamily.MACOS, 35));
        assertEquals("errno 35", Errno.name(OsFamily.LINUX, 35)); // EDEADLK there, not in the table
        assertEquals("ENOTSOCK", Errno.name(OsFamily.MACOS, 38));
        assertEquals("ENOSYS", Errno.name(OsFamily.LINUX, 38));
    }

    @Test
    void unknownNumbersPrintTheRawValue() {
        assertEquals("errno 9999", Errno.name(OsFamily.LINUX, 9999));
        assertEquals("errno -1", Errno.name(OsFamily.FREEBSD, -1));
        assertEquals(Optional.empty(), Errno.hint(OsFamily.LINUX, 9999));
    }

    @Test
    void privilegeHintsNameTheLinuxCapability() {
        assertEquals(Optional.of("needs CAP_NET_ADMIN or root"), Errno.hint(OsFamily.LINUX, 1));
        assertEquals(Optional.of("needs CAP_NET_ADMIN or root"), Errno.hint(OsFamily.LINUX, 13));
        assertEquals(Optional.of("needs root"), Errno.hint(OsFamily.MACOS, 1));
        assertEquals(Optional.of("needs root"), Errno.hint(OsFamily.SOLARIS, 13));
    }

    @Test
    void hintsFollowTheSystemsNumbering() {
        assertEquals(Optional.of("no such interface"), Errno.hint(OsFamily.LINUX, 19));
        assertEquals(Optional.of("no such interface"), Errno.hint(OsFamily.OPENBSD, 6));
        assertTrue(Errno.hint(OsFamily.LINUX, 16).orElseThrow().startsWith("in use"));
        // 48 is EADDRINUSE on macOS but ENOTSUP on Solaris.
        assertTrue(Errno.hint(OsFamily.MACOS, 48).orElseThrow().contains("already in use"));
        assertTrue(Errno.hint(OsFamily.SOLARIS, 48).orElseThrow().contains("not supported"));
        assertEquals(Optional.empty(), Errno.hint(OsFamily.LINUX, 4));
    }

    @Test
    void badArgumentsAreRejectedWithTheOperation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Errno.name(OsFamily.WINDOWS, 1));
        assertTrue(e.getMessage().contains("WINDOWS"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Errno.hint(OsFamily.OTHER, 1));
        e = assertThrows(IllegalArgumentException.class, () -> Errno.number(OsFamily.LINUX, "EBOGUS"));
        assertTrue(e.getMessage().contains("EBOGUS"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Errno.name(null, 1));
        assertEquals(11, Errno.number(OsFamily.LINUX, "eagain"));
    }
}
