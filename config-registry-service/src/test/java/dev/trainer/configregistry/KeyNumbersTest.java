package dev.trainer.configregistry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainer.configregistry.mapping.KeyNumbers;
import org.junit.jupiter.api.Test;

class KeyNumbersTest {

    @Test
    void readsTheStatisticsOfSkillAgainstLuckUnderTheValidatorsKeys() {
        KeyNumbers key = KeyNumbers.of(TestEvents.config("S")
                .statistic("probabilistic_sharpe_ratio", 0.95)
                .statistic("deflated_sharpe_ratio", 0.9)
                .statistic("probability_of_backtest_overfitting", 0.3)
                .statistic("minimum_track_record_length_days", 12.5)
                .statistic("out_of_sample_days", 29)
                .days(30)
                .build());
        assertEquals(0.95, key.probabilisticSharpeProbability());
        assertEquals(0.9, key.deflatedSharpeProbability());
        assertEquals(0.3, key.probabilityOfBacktestOverfitting());
        assertEquals(12.5, key.minimumTrackRecordLengthDays());
        assertEquals(29, key.outOfSampleDays());
    }

    @Test
    void withoutTheStatisticsTheOutOfSampleDaysAreTheMetricsDayCount() {
        KeyNumbers key = KeyNumbers.of(TestEvents.config("S").days(31).build());
        assertEquals(31, key.outOfSampleDays());
        assertNull(key.deflatedSharpeProbability());
    }

    @Test
    void absentUndefinedOrNonNumericStatisticsAreNull() {
        KeyNumbers key = KeyNumbers.of(TestEvents.config("S")
                .statistic("deflated_sharpe_ratio", null)
                .statistic("deflated_sharpe_ratio_undefined_reason", "fewer than 2 trials")
                .statistic("probability_of_backtest_overfitting", "0.3")
                .build());
        assertNull(key.deflatedSharpeProbability());
        assertNull(key.probabilityOfBacktestOverfitting());
        assertNull(key.probabilisticSharpeProbability());
        assertNull(key.minimumTrackRecordLengthDays());
    }
}
