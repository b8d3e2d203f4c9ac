package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.config.CircuitBreakerConfig;
import dev.trainer.circuitbreaker.repository.ConfigurationActivity;
import dev.trainer.circuitbreaker.repository.ConfigurationActivityRepository;
import dev.trainer.circuitbreaker.repository.MarketSeries;
import dev.trainer.circuitbreaker.repository.MarketSeriesRepository;
import dev.trainer.circuitbreaker.repository.PendingFill;
import dev.trainer.circuitbreaker.repository.PendingFillRepository;
import dev.trainer.contracts.events.ExecutionReported;
import dev.trainer.domain.risk.AdverseSelection;
import dev.trainer.domain.risk.Side;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * max_adverse_selection per configuration. A fill is judged by the open of the first clean candle of its exchange and
 * pair (any timeframe) that opens at or after filledAt + horizon: at once when such a candle is already held (the
 * fill came late), else when it arrives. The share is taken over the configuration's last window-fills judged fills.
 */
@ApplicationScoped
public class AdverseSelectionBreaker {

    private final PendingFillRepository pending;
    private final MarketSeriesRepository series;
    private final ConfigurationActivityRepository activity;
    private final BreakerStates states;
    private final Thresholds thresholds;
    private final CircuitBreakerConfig config;

    public AdverseSelectionBreaker(PendingFillRepository pending, MarketSeriesRepository series,
            ConfigurationActivityRepository activity, BreakerStates states, Thresholds thresholds,
            CircuitBreakerConfig config) {
        this.pending = pending;
        this.series = series;
        this.activity = activity;
        this.states = states;
        this.thresholds = thresholds;
        this.config = config;
    }

    @Transactional(TxType.MANDATORY)
    public void onFill(ExecutionReported fill, Instant now) {
        PendingFill p = new PendingFill();
        p.eventId = fill.eventId();
        p.configId = fill.configId();
        p.exchange = fill.market().exchange();
        p.pair = fill.market().pair();
        p.side = Side.parse(fill.side()).name();
        p.filledPrice = fill.filledPrice();
        p.filledAt = fill.filledAt();
        p.dueAtMs = fill.filledAt().toEpochMilli() + config.adverseSelection().horizon().toMillis();
        double held = heldPriceAtOrAfter(p.exchange, p.pair, p.dueAtMs);
        if (Double.isNaN(held)) {
            pending.persist(p);
        } else {
            judge(p, held, now);
        }
    }

    /**
     * Judges the market's pending fills that the new candles (ascending open times, with their opens) reach.
     */
    @Transactional(TxType.MANDATORY)
    public void onCandles(String exchange, String pair, long[] openTimesMs, double[] opens, int count, Instant now) {
        if (count == 0) {
            return;
        }
        List<PendingFill> due = pending.dueBy(exchange, pair, openTimesMs[count - 1]);
        for (PendingFill p : due) {
            int at = firstAtOrAfter(openTimesMs, count, p.dueAtMs);
            judge(p, opens[at], now);
            pending.delete(p);
        }
    }

    /** The open of the earliest held candle of the market opening at or after {@code dueAtMs}; NaN when none is held. */
    private double heldPriceAtOrAfter(String exchange, String pair, long dueAtMs) {
        long bestTime = Long.MAX_VALUE;
        double bestOpen = Double.NaN;
        for (MarketSeries s : series.ofMarket(exchange, pair)) {
            int at = firstAtOrAfter(s.openTimesMs, s.openTimesMs.length, dueAtMs);
            if (at < s.openTimesMs.length && s.openTimesMs[at] < bestTime) {
                bestTime = s.openTimesMs[at];
                bestOpen = s.opens[at];
            }
        }
        return bestOpen;
    }

    /** The index of the first of the ascending {@code times[0..count)} that is >= {@code t}; count if none. */
    static int firstAtOrAfter(long[] times, int count, long t) {
        int at = Arrays.binarySearch(times, 0, count, t);
        if (at < 0) {
            return -at - 1;
        }
        while (at > 0 && times[at - 1] == t) {
            at--;
        }
        return at;
    }

    private void judge(PendingFill p, double priceAfterHorizon, Instant now) {
        boolean adverse = AdverseSelection.adverse(Side.parse(p.side), p.filledPrice, priceAfterHorizon);
        ConfigurationActivity a = activity.of(p.configId);
        int window = config.adverseSelection().windowFills();
        boolean[] judged = Arrays.copyOf(a.judgedAdverse, a.judgedAdverse.length + 1);
        judged[judged.length - 1] = adverse;
        if (judged.length > window) {
            judged = Arrays.copyOfRange(judged, judged.length - window, judged.length);
        }
        a.judgedAdverse = judged;
        int adverseCount = 0;
        for (boolean b : judged) {
            adverseCount += b ? 1 : 0;
        }
        Scope scope = Scope.config(p.configId);
        states.judge(Breaker.MAX_ADVERSE_SELECTION, scope, AdverseSelection.measure(adverseCount, judged.length,
                config.adverseSelection().minFills(), thresholds.inForce(Breaker.MAX_ADVERSE_SELECTION, scope)),
                "configuration " + p.configId + " (fill " + p.eventId + " " + p.side + " at " + p.filledPrice
                        + ", price after the horizon " + priceAfterHorizon + (adverse ? ": adverse" : ": not adverse")
                        + ")", now);
    }
}
