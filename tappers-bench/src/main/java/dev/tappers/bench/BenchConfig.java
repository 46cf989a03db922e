package dev.tappers.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What one benchmark run does: how many packets per round, how many warm-up and measured rounds, the time limit
 * of a round, and the UDP payload sizes. The C reference takes the same options with the same defaults.
 *
 * @param packets    packets per round, in each test
 * @param warmups    rounds run first and not reported (they let the JIT compile the loops)
 * @param rounds     rounds measured; the table shows their median, minimum and maximum
 * @param maxSeconds a round stops after this long even if it has not reached {@code packets}
 * @param payloads   UDP payload sizes in bytes; each is sent and received as its own test
 */
record BenchConfig(int packets, int warmups, int rounds, int maxSeconds, List<Integer> payloads) {
    static final int DEFAULT_PACKETS = 200_000;
    static final int DEFAULT_WARMUPS = 2;
    static final int DEFAULT_ROUNDS = 3;
    static final int DEFAULT_MAX_SECONDS = 10;
    static final List<Integer> DEFAULT_PAYLOADS = List.of(64, 512, 1400);

    /** The largest payload whose packet fits the TUN's default MTU of 1500: 1500 - 20 (IPv4) - 8 (UDP). */
    static final int MAX_PAYLOAD = 1500 - Ipv4Udp.HEADER_BYTES;

    BenchConfig {
        payloads = List.copyOf(payloads);
        check("packets", packets, 1, 10_000_000);
        check("warmups", warmups, 0, 20);
        check("rounds", rounds, 1, 20);
        check("max-seconds", maxSeconds, 1, 120);
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("benchmark option --payloads: give at least one size");
        }
        for (int p : payloads) {
            // The receive test ends on a packet with a 1-byte payload, so no data packet may have one.
            check("payloads", p, Ipv4Udp.END_MARKER_PAYLOAD + 1, MAX_PAYLOAD);
        }
    }

    static BenchConfig defaults() {
        return new BenchConfig(DEFAULT_PACKETS, DEFAULT_WARMUPS, DEFAULT_ROUNDS, DEFAULT_MAX_SECONDS, DEFAULT_PAYLOADS);
    }

    /**
     * Reads {@code --packets=N --warmups=N --rounds=N --max-seconds=N --payloads=A,B,C}; anything not given keeps
     * its default.
     *
     * @throws IllegalArgumentException for an unknown option, a value that is not a number, or one out of range
     */
    static BenchConfig parse(String... args) {
        int packets = DEFAULT_PACKETS;
        int warmups = DEFAULT_WARMUPS;
        int rounds = DEFAULT_ROUNDS;
        int maxSeconds = DEFAULT_MAX_SECONDS;
        List<Integer> payloads = DEFAULT_PAYLOADS;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("benchmark option \"" + arg + "\": expected --name=value; " + usage());
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "packets": packets = number(name, value); break;
                case "warmups": warmups = number(name, value); break;
                case "rounds": rounds = number(name, value); break;
                case "max-seconds": maxSeconds = number(name, value); break;
                case "payloads":
                    List<Integer> sizes = new ArrayList<>();
                    for (String s : value.split(",", -1)) {
                        sizes.add(number(name, s));
                    }
                    payloads = sizes;
                    break;
                default:
                    throw new IllegalArgumentException("benchmark option \"" + arg + "\" is unknown; " + usage());
            }
        }
        return new BenchConfig(packets, warmups, rounds, maxSeconds, payloads);
    }

    static String usage() {
        return "options: --packets=N (default " + DEFAULT_PACKETS + ") --warmups=N (" + DEFAULT_WARMUPS + ") --rounds=N ("
                + DEFAULT_ROUNDS + ") --max-seconds=N (" + DEFAULT_MAX_SECONDS + ") --payloads=A,B,... (64,512,1400)";
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("benchmark option --" + name + ": \"" + value + "\" is not a whole number");
        }
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("benchmark option --" + name + ": " + value + " is out of range " + min + "-" + max);
        }
    }

    /** The header line both implementations print, so their outputs can be compared line by line. */
    String describe() {
        StringBuilder sizes = new StringBuilder();
        for (int p : payloads) {
            sizes.append(sizes.length() == 0 ? "" : ",").append(p);
        }
        return "packets per round " + packets + ", warm-up rounds " + warmups + ", measured rounds " + rounds
                + ", max " + maxSeconds + " s per round, payloads " + sizes;
    }
}
