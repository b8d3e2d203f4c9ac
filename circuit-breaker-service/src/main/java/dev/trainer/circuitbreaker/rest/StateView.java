package dev.trainer.circuitbreaker.rest;

import dev.trainer.circuitbreaker.repository.BreakerState;
import dev.trainer.circuitbreaker.service.Breaker;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One (breaker, scope). {@code reason}, {@code measuredValue} and {@code trippedAt} describe the trip (null while
 * ARMED); {@code threshold} is the one the trip was judged with, or while ARMED the one in force; {@code last*} is the
 * latest measurement, tripped or not (lastMeasuredValue null when it was undefined, lastMeasurement then says why).
 *
 * @param tripDay       max_daily_loss: the UTC day whose loss tripped it
 * @param coolDownUntil when it re-arms by itself; null: by hand only (or the roll-over)
 * @param configIds     the watched configurations the scope covers
 */
public record StateView(String breaker, String scope, String state, String reason, Number measuredValue,
        Number threshold, String unit, Instant trippedAt, LocalDate tripDay, Instant coolDownUntil,
        Number lastMeasuredValue, String lastMeasurement, Instant lastMeasuredAt, Instant changedAt,
        List<String> configIds) {

    static StateView of(BreakerState s, double thresholdInForce, List<String> configIds) {
        Breaker b = Breaker.of(s.breaker);
        return new StateView(s.breaker, s.scope, s.state, s.reason, shown(b, s.measuredValue),
                b.shown(s.tripped() && s.threshold != null ? s.threshold : thresholdInForce), b.unit(), s.trippedAt,
                s.tripDay, s.coolDownUntil, shown(b, s.lastMeasuredValue), s.lastMeasurement, s.lastMeasuredAt,
                s.changedAt, configIds);
    }

    private static Number shown(Breaker b, Double value) {
        return value == null || !Double.isFinite(value) ? null : b.shown(value);
    }
}
