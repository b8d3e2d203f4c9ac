package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.config.CircuitBreakerConfig;
import dev.trainer.circuitbreaker.repository.MarketSeries;
import dev.trainer.circuitbreaker.repository.MarketSeriesRepository;
import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.QualityFlags;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.domain.risk.RegimeBreak;
import dev.trainer.domain.risk.RegimeClassifier;
import dev.trainer.domain.risk.UnusualMove;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * unusual_market_threshold and regime_break_threshold, per series, tripping the market scope (exchange and pair, any
 * timeframe). Only candles newer than the series' newest one seen change anything, so history sent again for another
 * training job counts once; of those, only candles opened within max-candle-age of now are judged, the older ones
 * only fill the trailing windows. Synthetic (forward-filled) candles are no market prices and are skipped. The
 * series' trailing candles are read and written once per chunk.
 */
@ApplicationScoped
public class MarketBreakers {

    private static final Logger LOG = Logger.getLogger(MarketBreakers.class);

    private final MarketSeriesRepository series;
    private final BreakerStates states;
    private final Thresholds thresholds;
    private final AdverseSelectionBreaker adverseSelection;
    private final CircuitBreakerConfig config;
    private final RegimeClassifier classifier;
    private final int capacity;

    public MarketBreakers(MarketSeriesRepository series, BreakerStates states, Thresholds thresholds,
            AdverseSelectionBreaker adverseSelection, CircuitBreakerConfig config) {
        this.series = series;
        this.states = states;
        this.thresholds = thresholds;
        this.adverseSelection = adverseSelection;
        this.config = config;
        this.classifier = new RegimeClassifier(config.regime().trendWindowReturns(),
                config.regime().volatilityWindowReturns());
        this.capacity = Math.max(config.market().trailingCloses(), classifier.closesNeeded());
    }

    /** {@code chunk} has passed InputChecks. */
    @Transactional(TxType.MANDATORY)
    public void onChunk(CleanCandlesChunk chunk, Instant now) {
        SeriesRef ref = chunk.series();
        CandleColumns c = chunk.candles();
        MarketSeries s = series.find(ref.exchange(), ref.pair(), ref.timeframe()).orElseGet(() -> newSeries(ref));
        int held = s.closes.length;
        int n = c.size();
        long[] times = Arrays.copyOf(s.openTimesMs, held + n);
        double[] opens = Arrays.copyOf(s.opens, held + n);
        double[] closes = Arrays.copyOf(s.closes, held + n);
        int size = held;
        long last = s.lastOpenTimeMs;
        long freshFromMs = now.minus(config.market().maxCandleAge()).toEpochMilli();
        Scope market = Scope.market(ref.exchange(), ref.pair());
        int trailing = config.market().trailingCloses();
        // read once per chunk: every candle of a chunk is judged by the thresholds in force when it arrived
        double unusualThreshold = thresholds.inForce(Breaker.UNUSUAL_MARKET_THRESHOLD, market);
        double regimeThreshold = thresholds.inForce(Breaker.REGIME_BREAK_THRESHOLD, market);
        int fresh = 0;
        for (int i = 0; i < n; i++) {
            long t = c.openTimeMs()[i];
            if (t <= last || synthetic(chunk, i)) {
                continue;
            }
            times[size] = t;
            opens[size] = c.open()[i];
            closes[size] = c.close()[i];
            if (t >= freshFromMs) {
                fresh++;
                String context = "series " + ref.key() + ", candle opened " + Instant.ofEpochMilli(t);
                states.judge(Breaker.UNUSUAL_MARKET_THRESHOLD, market,
                        UnusualMove.measure(Arrays.copyOfRange(closes, Math.max(0, size - trailing), size),
                                closes[size], unusualThreshold),
                        context, now);
                states.judge(Breaker.REGIME_BREAK_THRESHOLD, market,
                        RegimeBreak.measure(classifier.classify(Arrays.copyOfRange(closes,
                                Math.max(0, size + 1 - classifier.closesNeeded()), size + 1)),
                                regimeThreshold),
                        context, now);
            }
            last = t;
            size++;
        }
        int added = size - held;
        int keepFrom = Math.max(0, size - capacity);
        s.openTimesMs = Arrays.copyOfRange(times, keepFrom, size);
        s.opens = Arrays.copyOfRange(opens, keepFrom, size);
        s.closes = Arrays.copyOfRange(closes, keepFrom, size);
        s.lastOpenTimeMs = last;
        s.updatedAt = now;
        if (s.id == null) {
            series.persist(s);
        }
        adverseSelection.onCandles(ref.exchange(), ref.pair(), Arrays.copyOfRange(times, held, size),
                Arrays.copyOfRange(opens, held, size), added, now);
        LOG.debugf("series %s chunk %d/%d: %d of %d candles new, %d judged", ref.key(), chunk.chunkIndex() + 1,
                chunk.chunkCount(), added, n, fresh);
    }

    private static boolean synthetic(CleanCandlesChunk chunk, int i) {
        return chunk.qualityFlags() != null && (chunk.qualityFlags()[i] & QualityFlags.SYNTHETIC) != 0;
    }

    private static MarketSeries newSeries(SeriesRef ref) {
        MarketSeries s = new MarketSeries();
        s.exchange = ref.exchange();
        s.pair = ref.pair();
        s.timeframe = ref.timeframe();
        s.lastOpenTimeMs = Long.MIN_VALUE;
        s.openTimesMs = new long[0];
        s.opens = new double[0];
        s.closes = new double[0];
        return s;
    }
}
