package dev.trainer.configregistry.rest;

import dev.trainer.configregistry.repository.BreakerPause;
import java.time.Instant;

/**
 * A tripped circuit breaker that holds a configuration PAUSED, as its TRIPPED event on breaker.events described it.
 *
 * @param breaker       the breaker's name as in the plan, e.g. max_daily_loss
 * @param scope         portfolio, config:&lt;configId&gt;, market:&lt;exchange&gt;|&lt;pair&gt; or exchange:&lt;exchange&gt;
 * @param reason        the breaker's own sentence; null if it gave none
 * @param measuredValue what tripped the breaker, in {@code unit}; null if the event gave none
 * @param threshold     the threshold in force for the scope, in {@code unit}; null if the event gave none
 * @param unit          what measuredValue and threshold are measured in, e.g. "fraction of portfolio value"
 * @param since         when the breaker tripped
 */
public record PauseView(String breaker, String scope, String reason, Double measuredValue, Double threshold, String unit,
        Instant since) {

    static PauseView of(BreakerPause p) {
        return new PauseView(p.breaker, p.scope, p.reason, p.measuredValue, p.threshold, p.unit, p.since);
    }
}
