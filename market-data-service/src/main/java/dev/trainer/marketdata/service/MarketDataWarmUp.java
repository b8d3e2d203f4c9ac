package dev.trainer.marketdata.service;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.RawCandlesChunk;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.marketdata.config.MarketDataConfig;
import dev.trainer.marketdata.mapping.CandleColumnsMapper;
import dev.trainer.support.StartupWarmUp;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the first training request after a start would pay for, done before the service reports ready: the bundled
 * Bitstamp trades read and aggregated into candles for every timeframe (kept by {@link BundledBitstampSource}), and
 * a request's way through JSON (a training request in, candle chunks and a status out) with the topics' own
 * serializers. Measured on 2 cores, the first job's request waited 2.5 s before this service had read it and 3 s
 * more before its candles went out, against 0.2 s in all for the next jobs. Nothing is stored or sent.
 */
@ApplicationScoped
public class MarketDataWarmUp {

    private final StartupWarmUp warmUp;
    private final BundledBitstampSource bundled;
    private final int chunkSize;

    public MarketDataWarmUp(MarketDataConfig config, BundledBitstampSource bundled) {
        this.warmUp = new StartupWarmUp("market-data", config.warmUp());
        this.bundled = bundled;
        this.chunkSize = config.chunkSizeCandles();
    }

    void start(@Observes StartupEvent event) {
        warmUp.start(this::pass);
    }

    private void pass() {
        Instant from = Instant.EPOCH;
        Instant until = Instant.now();
        SeriesRef market = new SeriesRef(BundledBitstampSource.EXCHANGE, BundledBitstampSource.PAIR, Timeframe.M1.label());
        StartupWarmUp.roundTrip(Topics.TRAINING_REQUESTS, new TrainingRequested(EventTypes.newEventId(),
                TrainingRequested.SCHEMA_VERSION, Instant.now(), "warm-up", "warm-up", "LIQUIDITY_SWEEP_V3",
                List.of(market.pair()), List.of(market.exchange()), List.of(market.timeframe()),
                new TrainingRequested.Optimization("grid", null, null, 42, "net_profit", 1, null),
                new TrainingRequested.Validation("train_test_split", null, null, null, 0.8), 1, from, until, 3600, 1,
                new TrainingRequested.Costs(0.001, 0.0005)));
        List<Candle> minutes = List.of();
        for (Timeframe timeframe : bundled.timeframes()) {
            List<Candle> candles = bundled.candles(BundledBitstampSource.PAIR, timeframe, from, until);
            if (timeframe == Timeframe.M1) {
                minutes = candles;
            }
        }
        for (int i = 0; i < minutes.size(); i += chunkSize) {
            List<Candle> chunk = minutes.subList(i, Math.min(minutes.size(), i + chunkSize));
            StartupWarmUp.roundTrip(Topics.CANDLES_RAW, new RawCandlesChunk(EventTypes.newEventId(), RawCandlesChunk.SCHEMA_VERSION,
                    Instant.now(), "warm-up", market, from, until, i / chunkSize, (minutes.size() + chunkSize - 1) / chunkSize,
                    CandleColumnsMapper.toColumns(chunk)));
        }
        StartupWarmUp.roundTrip(Topics.TRAINING_STATUS, new TrainingStatus(EventTypes.newEventId(), TrainingStatus.SCHEMA_VERSION,
                Instant.now(), "warm-up", MarketLoader.SERVICE, market, TrainingStatus.State.MARKET_LOADED, "warm-up",
                Map.of("candle_count", minutes.size(), "new_candle_count", 0, "chunk_count", 1)));
    }

    public StartupWarmUp state() {
        return warmUp;
    }
}
