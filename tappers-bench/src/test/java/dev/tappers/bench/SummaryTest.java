package dev.tappers.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SummaryTest {

    @Test
    void anOddCountHasTheMiddleValueAsMedian() {
        assertEquals(new Summary(300, 100, 900), Summary.of(900, 100, 300));
        assertEquals(new Summary(5, 5, 5), Summary.of(5));
    }

    @Test
    void anEvenCountAveragesTheTwoMiddleValues() {
        assertEquals(new Summary(250, 100, 900), Summary.of(900, 100, 200, 300));
    }

    @Test
    void oneSlowRoundDoesNotMoveTheMedian() {
        assertEquals(1000, Summary.of(1000, 1010, 10).median());
    }

    @Test
    void theCallersArrayIsLeftAsItWas() {
        double[] rates = {3, 1, 2};
        Summary.of(rates);
        assertEquals(3, rates[0]);
    }

    @Test
    void nothingOrNotANumberIsRefused() {
        assertThrows(IllegalArgumentException.class, Summary::of);
        assertThrows(IllegalArgumentException.class, () -> Summary.of(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Summary.of(Double.POSITIVE_INFINITY));
    }
}
