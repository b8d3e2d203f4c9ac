package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.repository.BreakerState;
import dev.trainer.circuitbreaker.repository.BreakerStateRepository;
import dev.trainer.circuitbreaker.messaging.BreakerEventSender;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The resets that time makes: max_daily_loss re-arms when the UTC day has rolled over past the day that tripped it
 * (DAILY_ROLLOVER), and a breaker with a cool-down re-arms once it has elapsed (COOL_DOWN_ELAPSED). Runs every
 * check-interval, and then sends breaker.events a crash or a broker outage left unsent.
 */
@ApplicationScoped
public class BreakerTimers {

    private final BreakerWriterLock lock;
    private final BreakerStateRepository stateRows;
    private final BreakerStates states;
    private final DailyLossBreaker dailyLoss;
    private final BreakerEventSender sender;
    private final Clock clock;

    public BreakerTimers(BreakerWriterLock lock, BreakerStateRepository stateRows, BreakerStates states,
            DailyLossBreaker dailyLoss, BreakerEventSender sender, Clock clock) {
        this.lock = lock;
        this.stateRows = stateRows;
        this.states = states;
        this.dailyLoss = dailyLoss;
        this.sender = sender;
        this.clock = clock;
    }

    @Scheduled(identity = "breaker-timers", every = "${circuit-breaker.check-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        check(clock.instant());
        sender.sendPending();
    }

    /** Applies the resets due at {@code now}; answers how many breakers it re-armed. */
    @Transactional
    public int check(Instant now) {
        lock.acquire();
        int reset = 0;
        LocalDate today = DailyLossBreaker.utcDay(now);
        if (dailyLoss.rollOver(today, now)) {
            reset++;
        }
        for (BreakerState s : stateRows.coolDownsElapsed(now)) {
            states.reset(s, Cause.COOL_DOWN_ELAPSED, "cool-down elapsed at " + s.coolDownUntil + " (tripped at "
                    + s.trippedAt + ")", null, now);
            reset++;
        }
        return reset;
    }
}
