package dev.tappers.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchConfigTest {

    @Test
    void noOptionsGiveTheDefaults() {
        assertEquals(new BenchConfig(200_000, 2, 3, 10, List.of(64, 512, 1400)), BenchConfig.parse());
        assertEquals(BenchConfig.defaults(), BenchConfig.parse());
    }

    @Test
    void optionsOverrideTheDefaultsOneByOne() {
        BenchConfig c = BenchConfig.parse("--packets=20000", "--rounds=5", "--payloads=100,200");
        assertEquals(new BenchConfig(20_000, 2, 5, 10, List.of(100, 200)), c);
        assertEquals(new BenchConfig(200_000, 0, 3, 4, List.of(64, 512, 1400)),
                BenchConfig.parse("--warmups=0", "--max-seconds=4"));
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        assertMessage("--packets", () -> BenchConfig.parse("--packets=many"));
        assertMessage("--packets", () -> BenchConfig.parse("--packets=0"));
        assertMessage("--rounds", () -> BenchConfig.parse("--rounds=0"));
        assertMessage("--max-seconds", () -> BenchConfig.parse("--max-seconds=1000"));
        assertMessage("--frobs", () -> BenchConfig.parse("--frobs=1"));
        assertMessage("expected --name=value", () -> BenchConfig.parse("packets"));
        // 1 byte is the receive test's end marker; 1473 bytes would not fit a 1500-byte MTU.
        assertMessage("--payloads", () -> BenchConfig.parse("--payloads=64,1"));
        assertMessage("--payloads", () -> BenchConfig.parse("--payloads=1473"));
        assertMessage("--payloads", () -> BenchConfig.parse("--payloads=64,,512"));
    }

    @Test
    void describeListsWhatARunDoes() {
        assertEquals("packets per round 20000, warm-up rounds 1, measured rounds 2, max 10 s per round, payloads 64,512",
                new BenchConfig(20_000, 1, 2, 10, List.of(64, 512)).describe());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
