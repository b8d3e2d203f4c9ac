package dev.trainer.circuitbreaker.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock of "now" (UTC): fresh candles, trip times, cool-downs and today's UTC day. The timed checks take "now" as
 * an argument (BreakerTimers.check), so tests move time without replacing this bean.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
