package dev.trainer.configregistry;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.SeriesRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test events as the services upstream publish them. */
final class TestEvents {

    private TestEvents() {
    }

    /** A configuration as validation-service publishes it, with the given key numbers. */
    static ConfigTrained configTrained(String configId, String strategy, SeriesRef market, String stage,
            double netProfitFraction, Double sharpeDaily, long tradeCount) {
        return config(strategy).configId(configId).market(market).stage(stage).netProfit(netProfitFraction)
                .sharpe(sharpeDaily).trades(tradeCount).build();
    }

    /** A breaker tripping at its threshold, as circuit-breaker-service publishes it. */
    static BreakerStateChanged tripped(String breaker, String scope, double measuredValue, double threshold, String unit,
            String reason, String... configIds) {
        return new BreakerStateChanged(EventTypes.newEventId(), BreakerStateChanged.SCHEMA_VERSION, Instant.now(),
                breaker, scope, BreakerStateChanged.TRIPPED, BreakerStateChanged.ARMED, "THRESHOLD_REACHED", reason,
                measuredValue, threshold, unit, null, List.of(configIds));
    }

    /** The reset of a tripped breaker's scope, by a person through REST (MANUAL_RESET) or by the service (actor null). */
    static BreakerStateChanged armed(BreakerStateChanged tripped, String cause, String actor, String reason,
            String... configIds) {
        return new BreakerStateChanged(EventTypes.newEventId(), BreakerStateChanged.SCHEMA_VERSION, Instant.now(),
                tripped.breaker(), tripped.scope(), BreakerStateChanged.ARMED, BreakerStateChanged.TRIPPED, cause, reason,
                null, tripped.threshold(), tripped.unit(), actor, List.of(configIds));
    }

    /** A configuration of the strategy with a fresh id and ordinary numbers, to change where a test needs it. */
    static Builder config(String strategy) {
        return new Builder(strategy);
    }

    static final class Builder {
        private final String strategy;
        private String configId = "reg-" + UUID.randomUUID();
        private SeriesRef market = new SeriesRef("binance", "BTC/USDT", "5m");
        private String stage = "VALIDATION";
        private List<String> stageReasons = List.of("because of a test");
        private double netProfitFraction = 0.1;
        private Double sharpeDaily = 1.0;
        private long tradeCount = 50;
        private double maxDrawdownFraction = 0.07;
        private long dayCount = 30;
        private Map<String, Double> parameters = Map.of("fast", 5.0, "slow", 40.0);
        private final Map<String, Object> extraStatistics = new LinkedHashMap<>();

        private Builder(String strategy) {
            this.strategy = strategy;
        }

        Builder configId(String id) {
            this.configId = id;
            return this;
        }

        Builder market(SeriesRef m) {
            this.market = m;
            return this;
        }

        Builder stage(String s) {
            this.stage = s;
            return this;
        }

        Builder stageReasons(String... reasons) {
            this.stageReasons = List.of(reasons);
            return this;
        }

        Builder netProfit(double fraction) {
            this.netProfitFraction = fraction;
            return this;
        }

        Builder sharpe(Double daily) {
            this.sharpeDaily = daily;
            return this;
        }

        Builder trades(long count) {
            this.tradeCount = count;
            return this;
        }

        Builder maxDrawdown(double fraction) {
            this.maxDrawdownFraction = fraction;
            return this;
        }

        Builder days(long count) {
            this.dayCount = count;
            return this;
        }

        Builder parameters(Map<String, Double> p) {
            this.parameters = p;
            return this;
        }

        /** An entry of the statistics map beyond the ones every configuration has. */
        Builder statistic(String key, Object value) {
            extraStatistics.put(key, value);
            return this;
        }

        ConfigTrained build() {
            Map<String, Object> oos = new LinkedHashMap<>();
            oos.put("window_count", 3);
            oos.put("day_count", dayCount);
            oos.put("trade_count", tradeCount);
            oos.put("net_profit_fraction", netProfitFraction);
            oos.put("sharpe_daily", sharpeDaily);
            if (sharpeDaily == null) {
                oos.put("sharpe_daily_undefined_reason", "fewer than 2 out-of-sample days");
            }
            oos.put("max_drawdown_fraction", maxDrawdownFraction);
            oos.put("gross_win_rate_fraction", 0.55);
            Map<String, Object> statistics = new LinkedHashMap<>();
            statistics.put("p_value", 0.012);
            statistics.put("z_score", 2.4);
            statistics.put("stability_score", 0.61);
            statistics.put("trials_evaluated", 200);
            statistics.putAll(extraStatistics);
            Map<String, Object> v3 = new LinkedHashMap<>();
            v3.put("version", "V3");
            v3.put("config_id", configId);
            v3.put("strategy", strategy);
            v3.put("parameters", parameters);
            v3.put("risk", Map.of("fee_per_side_fraction", 0.001));
            v3.put("stage", stage);
            return new ConfigTrained(EventTypes.newEventId(), ConfigTrained.SCHEMA_VERSION, Instant.now(), configId,
                    "job-" + configId, "user-7", strategy, market, parameters,
                    Map.of("trade_count", 80.0, "sharpe_daily", 2.0), oos, statistics, stage, stageReasons,
                    "fingerprint-" + configId, 0.97, "0.1.0-test", 42L, "grid", "walk_forward", 200, v3,
                    new long[] {1_704_067_200_000L, 1_704_153_600_000L}, new double[] {0.01, -0.004});
        }
    }
}
