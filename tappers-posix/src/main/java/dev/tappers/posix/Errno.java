package dev.tappers.posix;

import dev.tappers.OsFamily;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * errno numbers and their symbolic names on each POSIX system, with a short hint for the ones a user can act on.
 *
 * <p>The numbers differ between systems above 34 (EAGAIN is 11 on Linux, Solaris and AIX but 35 on macOS and
 * the BSDs; EOPNOTSUPP is 95, 102, 45, 122 or 64), so a provider must never print another system's name for a
 * number. Every value sits in {@link Code} once, in one row per name and one column per system.
 */
public final class Errno {

    /** The systems with a column in {@link Code}, in column order. */
    private static final OsFamily[] COLUMNS = {
        OsFamily.LINUX, OsFamily.MACOS, OsFamily.FREEBSD, OsFamily.OPENBSD, OsFamily.NETBSD,
        OsFamily.DRAGONFLY, OsFamily.SOLARIS, OsFamily.AIX,
    };

    /**
     * One row per symbolic name; columns: Linux, macOS, FreeBSD, OpenBSD, NetBSD, DragonFly, Solaris, AIX.
     *
     * <p>Sources: golang/sys @e8c1c32, generated from each system's headers: {@code unix/zerrors_linux.go} +
     * {@code zerrors_linux_amd64.go} (asm-generic/errno-base.h and errno.h: x86, arm, arm64, riscv, powerpc, s390;
     * mips, sparc, alpha and parisc number errno differently and are not covered), {@code zerrors_darwin_arm64.go}
     * (xnu bsd/sys/errno.h), {@code zerrors_freebsd_amd64.go}, {@code zerrors_openbsd_amd64.go},
     * {@code zerrors_netbsd_amd64.go}, {@code zerrors_dragonfly_amd64.go} (each system's sys/errno.h),
     * {@code zerrors_solaris_amd64.go} (illumos sys/errno.h) and {@code zerrors_aix_ppc64.go} (AIX sys/errno.h).
     *
     * <p>Where two names share a number on a system (EWOULDBLOCK = EAGAIN, ENOTSUP = EOPNOTSUPP on some), the row
     * declared first gives the name printed for that number; the alias still resolves in {@link #number}. A system
     * whose headers lack the name has {@link #ABSENT} in its column.
     */
    private static final int COLUMN_COUNT = 8;
    /** In a column of {@link Code}: the system has no such errno (errno values are positive). */
    private static final int ABSENT = -1;

    private enum Code {
        //               Linux macOS FreeBSD OpenBSD NetBSD DragonFly Solaris AIX
        EPERM(             1,    1,     1,      1,     1,      1,       1,    1),
        ENOENT(            2,    2,     2,      2,     2,      2,       2,    2),
        ESRCH(             3,    3,     3,      3,     3,      3,       3,    3),
        EINTR(             4,    4,     4,      4,     4,      4,       4,    4),
        EIO(               5,    5,     5,      5,     5,      5,       5,    5),
        ENXIO(             6,    6,     6,      6,     6,      6,       6,    6),
        EBADF(             9,    9,     9,      9,     9,      9,       9,    9),
        // A descriptor in a bad state (Linux: /dev/net/tun never attached to an interface); SVR4's, not BSD's.
        EBADFD(           77, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT,  81, ABSENT),
        EAGAIN(           11,   35,    35,     35,    35,     35,      11,   11),
        ENOMEM(           12,   12,    12,     12,    12,     12,      12,   12),
        EACCES(           13,   13,    13,     13,    13,     13,      13,   13),
        EFAULT(           14,   14,    14,     14,    14,     14,      14,   14),
        EBUSY(            16,   16,    16,     16,    16,     16,      16,   16),
        EEXIST(           17,   17,    17,     17,    17,     17,      17,   17),
        ENODEV(           19,   19,    19,     19,    19,     19,      19,   19),
        ENOTDIR(          20,   20,    20,     20,    20,     20,      20,   20),
        EINVAL(           22,   22,    22,     22,    22,     22,      22,   22),
        ENFILE(           23,   23,    23,     23,    23,     23,      23,   23),
        EMFILE(           24,   24,    24,     24,    24,     24,      24,   24),
        ENOTTY(           25,   25,    25,     25,    25,     25,      25,   25),
        ENOSPC(           28,   28,    28,     28,    28,     28,      28,   28),
        EROFS(            30,   30,    30,     30,    30,     30,      30,   30),
        EPIPE(            32,   32,    32,     32,    32,     32,      32,   32),
        ERANGE(           34,   34,    34,     34,    34,     34,      34,   34),
        ENOSYS(           38,   78,    78,     78,    78,     78,      89,  109),
        EINPROGRESS(     115,   36,    36,     36,    36,     36,     150,   55),
        EALREADY(        114,   37,    37,     37,    37,     37,     149,   56),
        ENOTSOCK(         88,   38,    38,     38,    38,     38,      95,   57),
        EMSGSIZE(         90,   40,    40,     40,    40,     40,      97,   59),
        ENOPROTOOPT(      92,   42,    42,     42,    42,     42,      99,   61),
        EPROTONOSUPPORT(  93,   43,    43,     43,    43,     43,     120,   62),
        EOPNOTSUPP(       95,  102,    45,     45,    45,     45,     122,   64),
        EAFNOSUPPORT(     97,   47,    47,     47,    47,     47,     124,   66),
        EADDRINUSE(       98,   48,    48,     48,    48,     48,     125,   67),
        EADDRNOTAVAIL(    99,   49,    49,     49,    49,     49,     126,   68),
        ENETDOWN(        100,   50,    50,     50,    50,     50,     127,   69),
        ENETUNREACH(     101,   51,    51,     51,    51,     51,     128,   70),
        ECONNRESET(      104,   54,    54,     54,    54,     54,     131,   73),
        ENOBUFS(         105,   55,    55,     55,    55,     55,     132,   74),
        EISCONN(         106,   56,    56,     56,    56,     56,     133,   75),
        ENOTCONN(        107,   57,    57,     57,    57,     57,     134,   76),
        ETIMEDOUT(       110,   60,    60,     60,    60,     60,     145,   78),
        ECONNREFUSED(    111,   61,    61,     61,    61,     61,     146,   79),
        EHOSTUNREACH(    113,   65,    65,     65,    65,     65,     148,   81),
        // Aliases: declared last so the number prints as the primary name above.
        EWOULDBLOCK(      11,   35,    35,     35,    35,     35,      11,   11),
        ENOTSUP(          95,   45,    45,     91,    86,     45,      48,  124);

        private final int[] numbers;

        Code(int... numbers) {
            if (numbers.length != COLUMN_COUNT) {
                throw new IllegalStateException(name() + " has " + numbers.length + " columns, not " + COLUMN_COUNT);
            }
            this.numbers = numbers;
        }
    }

    private static final Map<OsFamily, Map<Integer, String>> NAMES = new EnumMap<>(OsFamily.class);
    private static final Map<OsFamily, Map<String, Integer>> NUMBERS = new EnumMap<>(OsFamily.class);
    private static final Set<String> ALL_NAMES;

    static {
        assert COLUMNS.length == COLUMN_COUNT;
        for (int column = 0; column < COLUMNS.length; column++) {
            Map<Integer, String> names = new HashMap<>();
            Map<String, Integer> numbers = new LinkedHashMap<>();
            for (Code code : Code.values()) {
                int n = code.numbers[column];
                if (n != ABSENT) {
                    names.putIfAbsent(n, code.name());
                    numbers.put(code.name(), n);
                }
            }
            NAMES.put(COLUMNS[column], Collections.unmodifiableMap(names));
            NUMBERS.put(COLUMNS[column], Collections.unmodifiableMap(numbers));
        }
        Set<String> all = new LinkedHashSet<>();
        for (Code code : Code.values()) {
            all.add(code.name());
        }
        ALL_NAMES = Collections.unmodifiableSet(all);
    }

    private Errno() {
    }

    /** The systems this class has a table for: every POSIX family of {@link OsFamily}. */
    public static Set<OsFamily> systems() {
        return Collections.unmodifiableSet(NAMES.keySet());
    }

    /**
     * The symbolic names in the table, such as "EPERM", including aliases such as "EWOULDBLOCK". Not every system
     * has every one: see {@link #knownNames(OsFamily)}.
     */
    public static Set<String> knownNames() {
        return ALL_NAMES;
    }

    /** The symbolic names that {@code os} has. */
    public static Set<String> knownNames(OsFamily os) {
        return table(NUMBERS, os, "names").keySet();
    }

    /**
     * The symbolic name of {@code errno} on {@code os}, such as "EPERM", or "errno N" for a number not in the
     * table (so a message still shows the raw value).
     *
     * @throws IllegalArgumentException if {@code os} is not a POSIX system (Windows, OTHER)
     */
    public static String name(OsFamily os, int errno) {
        String name = table(NAMES, os, "name errno " + errno).get(errno);
        return name != null ? name : "errno " + errno;
    }

    /**
     * The number of the symbolic {@code name} on {@code os}, such as 35 for "EAGAIN" on macOS.
     *
     * @throws IllegalArgumentException if the name is not in the table, {@code os} lacks it, or {@code os} is not
     *                                  a POSIX system
     */
    public static int number(OsFamily os, String name) {
        Objects.requireNonNull(name, "name");
        String upper = name.toUpperCase(Locale.ROOT);
        Integer n = table(NUMBERS, os, "number of " + name).get(upper);
        if (n == null) {
            throw new IllegalArgumentException("errno number: " + (ALL_NAMES.contains(upper)
                    ? os + " has no " + upper : "name '" + name + "' is not one of " + ALL_NAMES));
        }
        return n;
    }

    /**
     * What the user can do about {@code errno} on {@code os}, when there is something useful to say: missing
     * privileges, a missing interface, a busy device... Empty for numbers where the errno name says it all.
     */
    public static Optional<String> hint(OsFamily os, int errno) {
        String name = table(NAMES, os, "hint for errno " + errno).get(errno);
        if (name == null) {
            return Optional.empty();
        }
        switch (name) {
            case "EPERM":
            case "EACCES":
                // Linux checks CAP_NET_ADMIN for TUN/TAP and interface changes; the others check for root
                // (or an equivalent privilege that is usually only root's).
                return Optional.of(os == OsFamily.LINUX ? "needs CAP_NET_ADMIN or root" : "needs root");
            case "ENODEV":
            case "ENXIO":
                return Optional.of("no such interface");
            case "ENOENT":
                return Optional.of("no such file or device node (is the driver loaded?)");
            case "EBUSY":
                return Optional.of("in use (another process may hold the device)");
            case "EEXIST":
                return Optional.of("already exists");
            case "EADDRINUSE":
                return Optional.of("the address or name is already in use");
            case "EADDRNOTAVAIL":
                return Optional.of("the address is not assigned to this interface");
            case "EAFNOSUPPORT":
                return Optional.of("address family not supported (is IPv6 disabled?)");
            case "EPROTONOSUPPORT":
                return Optional.of("protocol not supported by this kernel (module missing?)");
            case "EOPNOTSUPP":
            case "ENOTSUP":
            case "ENOTTY":
            case "ENOSYS":
                return Optional.of("not supported by this kernel or driver");
            case "EMFILE":
                // Every device holds at least one descriptor, and each configuration call opens a socket briefly.
                return Optional.of("this process has reached its limit of open descriptors (RLIMIT_NOFILE,"
                        + " ulimit -n): close devices or sockets it no longer needs, or raise the limit");
            case "ENFILE":
                return Optional.of("the system-wide limit of open files is reached (fs.file-max)");
            case "ENOMEM":
            case "ENOBUFS":
                return Optional.of("the kernel is out of memory or buffers");
            case "EMSGSIZE":
                return Optional.of("the packet is larger than the interface MTU");
            case "ENETDOWN":
                return Optional.of("the interface is down");
            default:
                return Optional.empty();
        }
    }

    private static <T> T table(Map<OsFamily, T> tables, OsFamily os, String operation) {
        Objects.requireNonNull(os, "os");
        T table = tables.get(os);
        if (table == null) {
            throw new IllegalArgumentException("errno " + operation + ": os " + os
                    + " has no POSIX errno table; known: " + NAMES.keySet());
        }
        return table;
    }
}
