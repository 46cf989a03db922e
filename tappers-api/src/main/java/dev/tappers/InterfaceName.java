package dev.tappers;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The name of a network interface, checked once when it is made and never truncated.
 *
 * <p>The rules are the strictest common to the POSIX systems (Linux {@code dev_valid_name}, the BSDs' and
 * macOS's {@code IFNAMSIZ}): 1 to {@value #MAX_BYTES} bytes of UTF-8 (the 16-byte kernel buffer keeps one for
 * the NUL), not {@code "."} or {@code ".."}, and none of {@code '/'}, {@code ':'}, {@code '%'}, NUL,
 * whitespace, an unpaired surrogate or a character whose UTF-8 bytes include 0xA0 (Linux's kernel counts that byte
 * as a space). {@code '%'} is refused because Linux would read it as a template and pick another name: ask for a
 * kernel-picked name by passing no name instead.
 */
public final class InterfaceName implements Comparable<InterfaceName> {
    /** The longest name in bytes: IFNAMSIZ (16) less the terminating NUL. */
    public static final int MAX_BYTES = 15;

    private final String name;

    private InterfaceName(String name) {
        this.name = name;
    }

    /**
     * Checks and wraps a name.
     *
     * @param name the interface name
     * @return the checked name
     * @throws IllegalArgumentException naming the rule the name breaks
     */
    public static InterfaceName of(String name) {
        Objects.requireNonNull(name, "interface name");
        String problem = problemWith(name);
        if (problem != null) {
            throw new IllegalArgumentException("interface name \"" + printable(name) + "\": " + problem);
        }
        return new InterfaceName(name);
    }

    /**
     * Says why {@code name} is not a valid interface name.
     *
     * @param name the name to check
     * @return the rule it breaks, or {@code null} if it is valid
     */
    public static String problemWith(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return "is " + bytes + " bytes long; the limit is " + MAX_BYTES + " (IFNAMSIZ 16 less the NUL)";
        }
        if (name.equals(".") || name.equals("..")) {
            return "may not be \".\" or \"..\"";
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isSurrogate(name.charAt(i)) && !(Character.isHighSurrogate(name.charAt(i))
                    && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1)))
                    && !(Character.isLowSurrogate(name.charAt(i)) && i > 0 && Character.isHighSurrogate(name.charAt(i - 1)))) {
                return "contains an unpaired surrogate at index " + i + " (UTF-8 cannot encode it)";
            }
            char c = name.charAt(i);
            if (c == '/' || c == ':' || c == '%' || c == '\0' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "contains " + describe(c) + " at index " + i
                        + " (not allowed: '/', ':', '%', NUL, whitespace and control characters)";
            }
        }
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            if ((b & 0xFF) == 0xA0) {
                // Linux checks names byte by byte with its own isspace(), which counts 0xA0 (Latin-1 NBSP) as space.
                return "contains a character whose UTF-8 encoding has the byte 0xA0, which Linux reads as a space";
            }
        }
        return null;
    }

    private static String describe(char c) {
        switch (c) {
            case '\0': return "NUL";
            case ' ': return "a space";
            case '\t': return "a tab";
            default: return Character.isISOControl(c) || Character.isWhitespace(c)
                    ? String.format("U+%04X", (int) c) : "'" + c + "'";
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The name as the kernel knows it.
     *
     * @return the name
     */
    public String value() {
        return name;
    }

    /**
     * The name in UTF-8, without a NUL.
     *
     * @return a new array of the bytes
     */
    public byte[] toBytes() {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InterfaceName && ((InterfaceName) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public int compareTo(InterfaceName o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
