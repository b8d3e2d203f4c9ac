package dev.trainer.circuitbreaker.rest;

/**
 * The body of PUT /api/circuit-breakers/overrides/{breaker}/{scope}.
 *
 * @param threshold the threshold for this scope, in the breaker's unit (see /definitions): fractions in (0, 1],
 *                  sigma &gt; 0, milliseconds and trades whole numbers &gt;= 1, probability in (0, 1)
 * @param actor     who sets it; required
 * @param note      why; required
 */
public record OverrideRequest(Double threshold, String actor, String note) {
}
