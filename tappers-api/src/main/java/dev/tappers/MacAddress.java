package dev.tappers;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/** A 48-bit Ethernet (EUI-48) address. Immutable. */
public final class MacAddress {
    /** The length of an Ethernet address in bytes. */
    public static final int LENGTH = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private MacAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Wraps a copy of six bytes.
     *
     * @param bytes the address, six bytes
     * @return the address
     * @throws IllegalArgumentException unless there are six bytes
     */
    public static MacAddress of(byte[] bytes) {
        Objects.requireNonNull(bytes, "mac address bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("mac address: needs " + LENGTH + " bytes, got " + bytes.length);
        }
        return new MacAddress(bytes.clone());
    }

    /**
     * Parses six hexadecimal octets separated by {@code ':'} or {@code '-'}, such as
     * {@code 02:00:5e:10:00:01}.
     *
     * @param text the address as text
     * @return the address
     * @throws IllegalArgumentException when the text is not six octets of one or two hex digits
     */
    public static MacAddress parse(String text) {
        Objects.requireNonNull(text, "mac address");
        String[] parts = text.split("[:-]", -1);
        if (parts.length != LENGTH) {
            throw new IllegalArgumentException("mac address \"" + text + "\": expected 6 octets separated by ':' or '-'");
        }
        byte[] b = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(c -> c < 128 && Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException("mac address \"" + text + "\": octet " + (i + 1) + " (\"" + p + "\") is not 1-2 hex digits");
            }
            b[i] = (byte) Integer.parseInt(p, 16);
        }
        return new MacAddress(b);
    }

    /**
     * A random unicast, locally administered address (the 0x02 bit set, the 0x01 bit clear).
     *
     * @return a new random address
     */
    public static MacAddress randomLocal() {
        byte[] b = new byte[LENGTH];
        RANDOM.nextBytes(b);
        b[0] = (byte) ((b[0] & 0xFC) | 0x02);
        return new MacAddress(b);
    }

    /**
     * The address as bytes.
     *
     * @return a copy of the six bytes
     */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /**
     * Whether this is a group address.
     *
     * @return true for group (multicast and broadcast) addresses
     */
    public boolean isMulticast() {
        return (bytes[0] & 0x01) != 0;
    }

    /**
     * Whether this address is locally administered.
     *
     * @return true when the locally administered bit (0x02) is set
     */
    public boolean isLocallyAdministered() {
        return (bytes[0] & 0x02) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress && Arrays.equals(((MacAddress) o).bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lower-case, colon-separated: {@code 02:00:5e:10:00:01}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(17);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0) {
                s.append(':');
            }
            s.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
        }
        return s.toString();
    }
}
