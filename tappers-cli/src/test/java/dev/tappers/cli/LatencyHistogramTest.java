package dev.tappers.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatencyHistogramTest {
    @Test
    void percentilesOfKnownSamples() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(-1, h.percentileMicros(0.5));
        for (int us = 1; us <= 100; us++) {
            h.record(us * 1000L + 999); // sub-microsecond parts are dropped
        }
        assertEquals(100, h.count());
        assertEquals(50, h.percentileMicros(0.50));
        assertEquals(99, h.percentileMicros(0.99));
        assertEquals(100, h.percentileMicros(1.0));
        assertEquals(1, h.percentileMicros(0.0));
    }

    @Test
    void slowSamplesShareTheLastBucket() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(5_000_000_000L);
        h.record(-3); // a clock step backwards counts as 0, never a crash
        assertEquals(0, h.percentileMicros(0.5));
        assertEquals(LatencyHistogram.MAX_MICROS, h.percentileMicros(0.99));
        assertEquals(">=100 ms", DemoCommand.micros(h.percentileMicros(0.99)));
        assertEquals("1.5 ms", DemoCommand.micros(1500));
        assertEquals("42 us", DemoCommand.micros(42));
    }
}
