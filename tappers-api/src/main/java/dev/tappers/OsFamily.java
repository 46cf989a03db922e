package dev.tappers;

import java.util.Locale;

/** The operating-system families a provider can declare. */
public enum OsFamily {
    /** Linux. */
    LINUX,
    /** macOS ({@code os.name} "Mac OS X" or "Darwin"). */
    MACOS,
    /** FreeBSD. */
    FREEBSD,
    /** OpenBSD. */
    OPENBSD,
    /** NetBSD. */
    NETBSD,
    /** DragonFly BSD. */
    DRAGONFLY,
    /** Oracle Solaris and the illumos distributions, which both report "SunOS". */
    SOLARIS,
    /** IBM AIX. */
    AIX,
    /** Windows. */
    WINDOWS,
    /** Any other system: no built-in provider declares it. */
    OTHER;

    /**
     * The family of the running JVM, from {@code os.name}.
     *
     * @return the family, or {@link #OTHER}
     */
    public static OsFamily current() {
        return fromOsName(System.getProperty("os.name", ""));
    }

    /**
     * Maps an {@code os.name} value to a family; illumos reports "SunOS" like Solaris.
     *
     * @param osName a value of the {@code os.name} system property
     * @return the family, or {@link #OTHER}
     */
    public static OsFamily fromOsName(String osName) {
        String n = osName.toLowerCase(Locale.ROOT).replace(" ", "");
        if (n.startsWith("linux")) {
            return LINUX;
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return MACOS;
        }
        if (n.startsWith("windows")) {
            return WINDOWS;
        }
        if (n.startsWith("freebsd")) {
            return FREEBSD;
        }
        if (n.startsWith("openbsd")) {
            return OPENBSD;
        }
        if (n.startsWith("netbsd")) {
            return NETBSD;
        }
        if (n.startsWith("dragonfly")) {
            return DRAGONFLY;
        }
        if (n.startsWith("sunos") || n.startsWith("solaris") || n.startsWith("illumos")) {
            return SOLARIS;
        }
        if (n.startsWith("aix")) {
            return AIX;
        }
        return OTHER;
    }
}
