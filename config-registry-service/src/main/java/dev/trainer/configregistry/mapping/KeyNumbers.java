package dev.trainer.configregistry.mapping;

import dev.trainer.contracts.events.ConfigTrained;
import java.util.Map;

/**
 * The key numbers of a configuration that get first-class columns, read from its out-of-sample metrics and
 * statistics (the maps' snake_case keys carry the units, as the columns do). A number that is absent or
 * undefined (null, with a {@code <key>_undefined_reason} in the map) is null.
 */
public record KeyNumbers(Double netProfitFraction, Double sharpeDaily, Double maxDrawdownFraction,
        Double grossWinRateFraction, Integer tradeCount, Double pValue, Double zScore, Double stabilityScore) {

    public static KeyNumbers of(ConfigTrained config) {
        Map<String, Object> oos = config.outOfSampleMetrics() == null ? Map.of() : config.outOfSampleMetrics();
        Map<String, Object> stats = config.statistics() == null ? Map.of() : config.statistics();
        Double trades = number(oos, "trade_count");
        return new KeyNumbers(number(oos, "net_profit_fraction"), number(oos, "sharpe_daily"),
                number(oos, "max_drawdown_fraction"), number(oos, "gross_win_rate_fraction"),
                trades == null ? null : (int) Math.round(trades), number(stats, "p_value"), number(stats, "z_score"),
                number(stats, "stability_score"));
    }

    static Double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return null;
    }
}
