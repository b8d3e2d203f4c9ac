package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.config.CircuitBreakerConfig;
import dev.trainer.circuitbreaker.repository.ActiveConfiguration;
import dev.trainer.circuitbreaker.repository.ActiveConfigurationRepository;
import dev.trainer.circuitbreaker.repository.BreakerStateRepository;
import dev.trainer.circuitbreaker.repository.ConfigurationDailyPnl;
import dev.trainer.domain.risk.Measurement;
import dev.trainer.domain.risk.ReturnCorrelation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * max_correlation_spike per configuration. A configuration's daily returns are its out-of-sample daily returns from
 * configs.trained followed by its live ones (realised P&amp;L of a UTC day / configuration capital; a live day replaces
 * an out-of-sample day of the same date). When two watched configurations correlate at or above the threshold, the
 * newer one (received later) trips: the older one keeps trading.
 */
@ApplicationScoped
public class CorrelationBreaker {

    static final long DAY_MS = 86_400_000L;

    private final ActiveConfigurationRepository configurations;
    private final ConfigurationDailyPnl livePnl;
    private final BreakerStateRepository stateRows;
    private final BreakerStates states;
    private final Thresholds thresholds;
    private final CircuitBreakerConfig config;

    public CorrelationBreaker(ActiveConfigurationRepository configurations, ConfigurationDailyPnl livePnl,
            BreakerStateRepository stateRows, BreakerStates states, Thresholds thresholds,
            CircuitBreakerConfig config) {
        this.configurations = configurations;
        this.livePnl = livePnl;
        this.stateRows = stateRows;
        this.states = states;
        this.thresholds = thresholds;
        this.config = config;
    }

    /** Judges a configuration that just arrived against every older one. */
    @Transactional(TxType.MANDATORY)
    public void onArrival(ActiveConfiguration arrived, Instant now) {
        judgeAgainstOlder(arrived, configurations.inArrivalOrder(), new Streams(livePnl.byConfiguration()), now);
    }

    /**
     * Books a fill's realised P&amp;L on its configuration's UTC day; for a watched configuration, judges it against the
     * older ones and every newer one against it (only that pair changed for them).
     */
    @Transactional(TxType.MANDATORY)
    public void onLivePnl(String configId, Instant filledAt, double realisedPnlQuote, Instant now) {
        livePnl.add(configId, Math.floorDiv(filledAt.toEpochMilli(), DAY_MS) * DAY_MS, realisedPnlQuote);
        Optional<ActiveConfiguration> found = configurations.findByIdOptional(configId);
        if (found.isEmpty()) {
            return; // judged when it arrives, with these returns
        }
        ActiveConfiguration changed = found.get();
        List<ActiveConfiguration> all = configurations.inArrivalOrder();
        Streams streams = new Streams(livePnl.byConfiguration());
        judgeAgainstOlder(changed, all, streams, now);
        for (ActiveConfiguration newer : all) {
            if (newer.receivedSeq <= changed.receivedSeq || trippedAlready(newer)) {
                continue;
            }
            Scope scope = Scope.config(newer.configId);
            Measurement m = ReturnCorrelation.measure(correlation(newer, changed, streams),
                    thresholds.inForce(Breaker.MAX_CORRELATION_SPIKE, scope));
            if (m.tripped()) {
                states.judge(Breaker.MAX_CORRELATION_SPIKE, scope, m, context(newer, changed), now);
            }
        }
    }

    private void judgeAgainstOlder(ActiveConfiguration x, List<ActiveConfiguration> all, Streams streams,
            Instant now) {
        double best = Double.NaN;
        ActiveConfiguration partner = null;
        int older = 0;
        for (ActiveConfiguration y : all) {
            if (y.receivedSeq >= x.receivedSeq) {
                continue;
            }
            older++;
            double c = correlation(x, y, streams);
            if (!Double.isNaN(c) && (partner == null || c > best)) {
                best = c;
                partner = y;
            }
        }
        Scope scope = Scope.config(x.configId);
        Measurement m = ReturnCorrelation.measure(best, thresholds.inForce(Breaker.MAX_CORRELATION_SPIKE, scope));
        String context = partner != null ? context(x, partner)
                : "configuration " + x.configId + " against the " + older + " configuration(s) received before it";
        states.judge(Breaker.MAX_CORRELATION_SPIKE, scope, m, context, now);
    }

    private boolean trippedAlready(ActiveConfiguration c) {
        return stateRows.find(Breaker.MAX_CORRELATION_SPIKE.planName(), Scope.config(c.configId).text())
                .map(s -> s.tripped()).orElse(false);
    }

    private static String context(ActiveConfiguration newer, ActiveConfiguration older) {
        return "configuration " + newer.configId + " against " + older.configId + ", received before it";
    }

    private double correlation(ActiveConfiguration a, ActiveConfiguration b, Streams streams) {
        Stream sa = streams.of(a);
        Stream sb = streams.of(b);
        return ReturnCorrelation.rolling(sa.dayStartsMs, sa.returns, sb.dayStartsMs, sb.returns,
                config.correlation().windowDays(), config.correlation().minCommonDays());
    }

    /** The daily return streams of one judgement, each built once, from live days read once for all configurations. */
    private final class Streams {
        private final Map<String, SortedMap<Long, Double>> liveDays;
        private final Map<String, Stream> built = new HashMap<>();

        Streams(Map<String, SortedMap<Long, Double>> liveDays) {
            this.liveDays = liveDays;
        }

        Stream of(ActiveConfiguration c) {
            return built.computeIfAbsent(c.configId, id -> stream(c, liveDays.getOrDefault(id, EMPTY_DAYS)));
        }
    }

    /** Out-of-sample returns, then live ones; a live day replaces an out-of-sample day of the same date. */
    private Stream stream(ActiveConfiguration c, SortedMap<Long, Double> live) {
        TreeMap<Long, Double> byDay = new TreeMap<>();
        for (int i = 0; i < c.oosDayStartsMs.length; i++) {
            byDay.put(c.oosDayStartsMs[i], c.oosDailyReturns[i]);
        }
        double capital = config.configurationCapitalQuote();
        live.forEach((day, pnl) -> byDay.put(day, pnl / capital));
        long[] days = new long[byDay.size()];
        double[] returns = new double[byDay.size()];
        int i = 0;
        for (Map.Entry<Long, Double> e : byDay.entrySet()) {
            days[i] = e.getKey();
            returns[i++] = e.getValue();
        }
        return new Stream(days, returns);
    }

    /**
     * Why an out-of-sample stream of configs.trained cannot be used (days not at 00:00 UTC, not ascending, lengths
     * differ, a return not finite), or empty when it can. Asks ReturnCorrelation itself, which checks every stream.
     */
    public static Optional<String> streamProblem(long[] dayStartsMs, double[] returns) {
        try {
            ReturnCorrelation.rolling(dayStartsMs, returns, new long[0], new double[0], 2, 2);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static final SortedMap<Long, Double> EMPTY_DAYS = Collections.emptySortedMap();

    private record Stream(long[] dayStartsMs, double[] returns) {
    }
}
