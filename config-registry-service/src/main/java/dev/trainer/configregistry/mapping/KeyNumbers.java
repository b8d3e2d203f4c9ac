package dev.trainer.configregistry.mapping;

import dev.trainer.contracts.events.ConfigTrained;
import java.util.Map;

/**
 * The key numbers of a configuration that get first-class columns, read from its out-of-sample metrics and
 * statistics (the maps' snake_case keys carry the units, as the columns do). A number that is absent or
 * undefined (null, with a {@code <key>_undefined_reason} in the map) is null.
 *
 * @param outOfSampleDays                   days of out-of-sample daily returns ({@code out_of_sample_days} of the
 *                                          statistics, else {@code day_count} of the metrics)
 * @param probabilisticSharpeProbability    PSR against a Sharpe ratio of 0, 0..1
 * @param deflatedSharpeProbability         DSR, 0..1
 * @param probabilityOfBacktestOverfitting  PBO, 0..1
 * @param minimumTrackRecordLengthDays      out-of-sample days for the PSR to reach its confidence level
 */
public record KeyNumbers(Double netProfitFraction, Double sharpeDaily, Double maxDrawdownFraction,
        Double grossWinRateFraction, Integer tradeCount, Integer outOfSampleDays, Double pValue, Double zScore,
        Double stabilityScore, Double probabilisticSharpeProbability, Double deflatedSharpeProbability,
        Double probabilityOfBacktestOverfitting, Double minimumTrackRecordLengthDays) {

    /*
     * The statistics of skill against luck under validation-service's keys (SignificanceStatistics.writeTo): the
     * "ratios" there are probabilities, and the columns say so. No contract names these keys; a rename upstream
     * leaves the columns null, which the registry's tests cannot see.
     */
    static final String PSR_KEY = "probabilistic_sharpe_ratio";
    static final String DSR_KEY = "deflated_sharpe_ratio";
    static final String PBO_KEY = "probability_of_backtest_overfitting";
    static final String MIN_TRL_KEY = "minimum_track_record_length_days";

    public static KeyNumbers of(ConfigTrained config) {
        Map<String, Object> oos = config.outOfSampleMetrics() == null ? Map.of() : config.outOfSampleMetrics();
        Map<String, Object> stats = config.statistics() == null ? Map.of() : config.statistics();
        // the statistics' own T first; configurations validated before there were such statistics have day_count only
        Integer days = count(stats, "out_of_sample_days");
        return new KeyNumbers(number(oos, "net_profit_fraction"), number(oos, "sharpe_daily"),
                number(oos, "max_drawdown_fraction"), number(oos, "gross_win_rate_fraction"),
                count(oos, "trade_count"), days != null ? days : count(oos, "day_count"),
                number(stats, "p_value"), number(stats, "z_score"), number(stats, "stability_score"),
                number(stats, PSR_KEY), number(stats, DSR_KEY), number(stats, PBO_KEY), number(stats, MIN_TRL_KEY));
    }

    static Double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return null;
    }

    private static Integer count(Map<String, Object> map, String key) {
        Double value = number(map, key);
        return value == null ? null : (int) Math.round(value);
    }
}
