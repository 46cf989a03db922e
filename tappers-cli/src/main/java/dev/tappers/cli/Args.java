package dev.tappers.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One command's arguments, parsed by hand: positional words, flags ({@code --json}) and options with a value
 * ({@code -w FILE}, {@code --duration 5s} or {@code --duration=5s}). {@code --} ends the options; a lone
 * {@code -} is a word (it means stdout for {@code -w}). {@code --help}/{@code -h} and {@code --debug} are known
 * to every command.
 */
final class Args {
    static final String HELP = "--help";
    static final String DEBUG = "--debug";

    private final List<String> words;
    private final Map<String, String> options;

    private Args(List<String> words, Map<String, String> options) {
        this.words = Collections.unmodifiableList(words);
        this.options = Collections.unmodifiableMap(options);
    }

    /**
     * Parses {@code tokens}. {@code flags} and {@code valued} list the options this command knows, by their long
     * or short spelling ({@code "-w"}, {@code "--json"}); anything else that starts with {@code -} is an error.
     */
    static Args parse(List<String> tokens, Set<String> flags, Set<String> valued) throws UsageException {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean optionsEnded = false;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (optionsEnded || !t.startsWith("-") || t.equals("-")) {
                words.add(t);
                continue;
            }
            if (t.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String key = t;
            String inlineValue = null;
            int eq = t.indexOf('=');
            if (t.startsWith("--") && eq > 0) {
                key = t.substring(0, eq);
                inlineValue = t.substring(eq + 1);
            }
            if (key.equals("-h")) {
                key = HELP;
            }
            if (key.equals(HELP) || key.equals(DEBUG) || flags.contains(key)) {
                if (inlineValue != null) {
                    throw new UsageException("option " + key + " takes no value");
                }
                options.put(key, "");
            } else if (valued.contains(key)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= tokens.size()) {
                        throw new UsageException("option " + key + " needs a value");
                    }
                    value = tokens.get(++i);
                }
                if (options.containsKey(key)) {
                    throw new UsageException("option " + key + " given twice");
                }
                options.put(key, value);
            } else {
                throw new UsageException("unknown option " + key);
            }
        }
        return new Args(words, options);
    }

    List<String> words() {
        return words;
    }

    boolean has(String option) {
        return options.containsKey(option);
    }

    Optional<String> value(String option) {
        return Optional.ofNullable(options.get(option));
    }

    /** Exactly {@code min} to {@code max} positional words, or a usage error naming what was expected. */
    List<String> words(int min, int max, String expected) throws UsageException {
        if (words.size() < min) {
            throw new UsageException("missing " + expected);
        }
        if (words.size() > max) {
            throw new UsageException("unexpected argument '" + words.get(max) + "'");
        }
        return words;
    }

    /** An option's value as a whole number in {@code min..max}. */
    Optional<Integer> intValue(String option, int min, int max) throws UsageException {
        Optional<String> v = value(option);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parseInt(option, v.get(), min, max));
    }

    static int parseInt(String what, String text, int min, int max) throws UsageException {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException(what + " '" + text + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw new UsageException(what + " " + n + " is out of range " + min + "-" + max);
        }
        return n;
    }

    /**
     * An option's value as a duration: a number with the unit {@code ms}, {@code s} or {@code m} (seconds when the
     * unit is left out), from 1 ms to {@code max}.
     */
    Optional<Duration> durationValue(String option, Duration max) throws UsageException {
        Optional<String> v = value(option);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parseDuration(option, v.get(), max));
    }

    static Duration parseDuration(String what, String text, Duration max) throws UsageException {
        String number = text;
        long unitMillis = 1000;
        if (text.endsWith("ms")) {
            number = text.substring(0, text.length() - 2);
            unitMillis = 1;
        } else if (text.endsWith("s")) {
            number = text.substring(0, text.length() - 1);
        } else if (text.endsWith("m")) {
            number = text.substring(0, text.length() - 1);
            unitMillis = 60_000;
        }
        if (number.isEmpty() || !number.chars().allMatch(c -> c >= '0' && c <= '9') || number.length() > 9) {
            throw new UsageException(what + " '" + text + "' is not a duration such as 500ms, 5s or 2m");
        }
        Duration d = Duration.ofMillis(Long.parseLong(number) * unitMillis);
        if (d.isZero() || d.compareTo(max) > 0) {
            throw new UsageException(what + " " + text + " is out of range 1ms-" + max.toSeconds() + "s");
        }
        return d;
    }
}
