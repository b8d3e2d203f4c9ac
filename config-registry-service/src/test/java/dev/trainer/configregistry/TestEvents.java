package dev.trainer.configregistry;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.SeriesRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test events as the services upstream publish them. */
final class TestEvents {

    private TestEvents() {
    }



    /** A configuration as validation-service publishes it, with the given key numbers. */
    static ConfigTrained configTrained(String configId, String strategy, SeriesRef market, String stage,
            double netProfitFraction, Double sharpeDaily, long tradeCount) {
        Map<String, Object> oos = new LinkedHashMap<>();
        oos.put("window_count", 3);
        oos.put("trade_count", tradeCount);
        oos.put("net_profit_fraction", netProfitFraction);
        oos.put("sharpe_daily", sharpeDaily);
        if (sharpeDaily == null) {
            oos.put("sharpe_daily_undefined_reason", "fewer than 2 out-of-sample days");
        }
        oos.put("max_drawdown_fraction", 0.07);
        oos.put("gross_win_rate_fraction", 0.55);
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("p_value", 0.012);
        statistics.put("z_score", 2.4);
        statistics.put("stability_score", 0.61);
        statistics.put("trials_evaluated", 200);
        Map<String, Object> v3 = new LinkedHashMap<>();
        v3.put("version", "V3");
        v3.put("strategy", strategy);
        v3.put("parameters", Map.of("fast", 5.0, "slow", 40.0));
        v3.put("risk", Map.of("fee_per_side_fraction", 0.001));
        v3.put("stage", stage);
        return new ConfigTrained(EventTypes.newEventId(), ConfigTrained.SCHEMA_VERSION, Instant.now(), configId,
                "job-" + configId, "user-7", strategy, market, Map.of("fast", 5.0, "slow", 40.0),
                Map.of("trade_count", 80.0, "sharpe_daily", 2.0), oos, statistics, stage,
                List.of("because of a test"), "fingerprint-" + configId, 0.97, "0.1.0-test", 42L, "grid",
                "walk_forward", 200, v3);
    }
}
