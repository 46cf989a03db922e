package dev.tappers.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgsTest {
    private static final Set<String> FLAGS = Set.of("--json");
    private static final Set<String> VALUED = Set.of("-w", "-c", "--duration");

    private static Args parse(String... tokens) throws UsageException {
        return Args.parse(List.of(tokens), FLAGS, VALUED);
    }

    @Test
    void wordsFlagsAndValuesAreSeparated() throws Exception {
        Args a = parse("tun0", "-w", "out.pcapng", "--json", "-c", "5", "extra");
        assertEquals(List.of("tun0", "extra"), a.words());
        assertTrue(a.has("--json"));
        assertEquals(Optional.of("out.pcapng"), a.value("-w"));
        assertEquals(Optional.of(5), a.intValue("-c", 1, 10));
        assertFalse(a.has("--duration"));
        assertEquals(Optional.empty(), a.value("--duration"));
    }

    @Test
    void longOptionTakesItsValueAfterAnEqualsSign() throws Exception {
        assertEquals(Optional.of("2s"), parse("--duration=2s").value("--duration"));
    }

    @Test
    void aLoneDashIsAWordAndAValue() throws Exception {
        Args a = parse("-w", "-", "-");
        assertEquals(Optional.of("-"), a.value("-w"));
        assertEquals(List.of("-"), a.words());
    }

    @Test
    void doubleDashEndsTheOptions() throws Exception {
        Args a = parse("--", "--json", "-w");
        assertEquals(List.of("--json", "-w"), a.words());
        assertFalse(a.has("--json"));
    }

    @Test
    void helpAndDebugAreKnownToEveryCommand() throws Exception {
        Args a = Args.parse(List.of("-h", "--debug"), Set.of(), Set.of());
        assertTrue(a.has(Args.HELP));
        assertTrue(a.has(Args.DEBUG));
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhat() {
        assertEquals("unknown option --jsn", assertThrows(UsageException.class, () -> parse("--jsn")).getMessage());
        assertEquals("option -w needs a value", assertThrows(UsageException.class, () -> parse("-w")).getMessage());
        assertEquals("option --json takes no value",
                assertThrows(UsageException.class, () -> parse("--json=yes")).getMessage());
        assertEquals("option -c given twice",
                assertThrows(UsageException.class, () -> parse("-c", "1", "-c", "2")).getMessage());
        assertEquals(ExitCode.USAGE, assertThrows(UsageException.class, () -> parse("-x")).exitCode());
    }

    @Test
    void wordCountsAreChecked() throws Exception {
        assertEquals("missing NAME", assertThrows(UsageException.class,
                () -> parse().words(1, 1, "NAME")).getMessage());
        assertEquals("unexpected argument 'b'", assertThrows(UsageException.class,
                () -> parse("a", "b").words(1, 1, "NAME")).getMessage());
        assertEquals(List.of("a"), parse("a").words(1, 1, "NAME"));
    }

    @Test
    void numbersAreWholeAndInRange() {
        assertEquals("-c 'x' is not a whole number",
                assertThrows(UsageException.class, () -> parse("-c", "x").intValue("-c", 1, 9)).getMessage());
        assertEquals("-c 0 is out of range 1-9",
                assertThrows(UsageException.class, () -> parse("-c", "0").intValue("-c", 1, 9)).getMessage());
        assertEquals("-c 10 is out of range 1-9",
                assertThrows(UsageException.class, () -> parse("-c", "10").intValue("-c", 1, 9)).getMessage());
    }

    @Test
    void durationsHaveUnitsAndBounds() throws Exception {
        Duration max = Duration.ofMinutes(5);
        assertEquals(Duration.ofMillis(500), Args.parseDuration("d", "500ms", max));
        assertEquals(Duration.ofSeconds(7), Args.parseDuration("d", "7s", max));
        assertEquals(Duration.ofSeconds(7), Args.parseDuration("d", "7", max));
        assertEquals(Duration.ofMinutes(2), Args.parseDuration("d", "2m", max));
        for (String bad : List.of("", "s", "-1s", "1.5s", "1h", "0", "0ms", "6m", "9999999999")) {
            assertThrows(UsageException.class, () -> Args.parseDuration("d", bad, max), bad);
        }
    }
}
