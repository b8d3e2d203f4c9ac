package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.repository.ConfigurationActivity;
import dev.trainer.circuitbreaker.repository.ConfigurationActivityRepository;
import dev.trainer.domain.risk.Latency;
import dev.trainer.domain.risk.LossStreak;
import dev.trainer.contracts.events.ExecutionReported;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;

/**
 * What one valid fill changes, in this order: latency_threshold_ms on its exchange, consecutive_losses_limit and
 * max_adverse_selection of its configuration, max_correlation_spike (when it realised P&amp;L), max_daily_loss of the
 * portfolio. A fill of a configuration not watched yet counts all the same: its configuration's state is kept and
 * applies when the configuration arrives.
 */
@ApplicationScoped
public class FillBreakers {

    private final BreakerStates states;
    private final Thresholds thresholds;
    private final ConfigurationActivityRepository activity;
    private final AdverseSelectionBreaker adverseSelection;
    private final CorrelationBreaker correlation;
    private final DailyLossBreaker dailyLoss;

    public FillBreakers(BreakerStates states, Thresholds thresholds, ConfigurationActivityRepository activity,
            AdverseSelectionBreaker adverseSelection, CorrelationBreaker correlation, DailyLossBreaker dailyLoss) {
        this.states = states;
        this.thresholds = thresholds;
        this.activity = activity;
        this.adverseSelection = adverseSelection;
        this.correlation = correlation;
        this.dailyLoss = dailyLoss;
    }

    /** {@code fill} has passed InputChecks. */
    @Transactional(TxType.MANDATORY)
    public void onFill(ExecutionReported fill, Instant now) {
        String configId = fill.configId();
        Scope exchange = Scope.exchange(fill.market().exchange());
        states.judge(Breaker.LATENCY_THRESHOLD_MS, exchange,
                Latency.measure(fill.latencyMs(), Math.round(thresholds.inForce(Breaker.LATENCY_THRESHOLD_MS, exchange))),
                "fill " + fill.eventId() + " of configuration " + configId, now);

        Scope config = Scope.config(configId);
        ConfigurationActivity a = activity.of(configId);
        a.lossStreak = LossStreak.next(a.lossStreak, fill.realizedPnl());
        states.judge(Breaker.CONSECUTIVE_LOSSES_LIMIT, config, LossStreak.measure(a.lossStreak,
                (int) Math.round(thresholds.inForce(Breaker.CONSECUTIVE_LOSSES_LIMIT, config))),
                "configuration " + configId, now);

        adverseSelection.onFill(fill, now);
        if (fill.realizedPnl() != null) {
            correlation.onLivePnl(configId, fill.filledAt(), fill.realizedPnl(), now);
        }
        dailyLoss.onFill(fill.filledAt(), fill.realizedPnl(), configId, now);
    }
}
