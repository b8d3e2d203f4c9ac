package dev.trainer.circuitbreaker;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.SeriesRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test events as the services upstream publish them. */
final class TestEvents {

    private TestEvents() {
    }


    static ConfigTrained configTrained(String configId, String strategy, SeriesRef market, String stage) {
        return new ConfigTrained(EventTypes.newEventId(), ConfigTrained.SCHEMA_VERSION, Instant.now(), configId,
                "job-" + configId, "user-1", strategy, market, Map.of("fast", 5.0, "slow", 40.0),
                Map.of("trade_count", 50.0), Map.of("trade_count", 40L, "net_profit_fraction", 0.03),
                Map.of("p_value", 0.04), stage, List.of("a reason"), "fp-1", 0.98, "test", 42L, "random",
                "walk_forward", 100, Map.of("version", "V3"), new long[0], new double[0]);
    }
}
