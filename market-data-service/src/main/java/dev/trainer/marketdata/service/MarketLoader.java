package dev.trainer.marketdata.service;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.RawCandlesChunk;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.ExchangeFetchException;
import dev.trainer.exchanges.MarketPair;
import dev.trainer.marketdata.config.MarketDataConfig;
import dev.trainer.marketdata.mapping.CandleColumnsMapper;
import dev.trainer.marketdata.messaging.MarketDataPublisher;
import dev.trainer.marketdata.repository.CandleRepository;
import dev.trainer.marketdata.repository.MarketLoad;
import dev.trainer.marketdata.repository.MarketLoadRepository;
import dev.trainer.training.TrainingRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Serves one training request: for every market it asks for, fetches candles from the exchange's source, stores
 * them, and publishes what is stored for the requested period on candles.raw. From an exchange reached through
 * XChange only what the store lacks is fetched ({@link MissingRangeFetcher}). A market that cannot be served (unknown
 * exchange, pair or timeframe, or an exchange that fails) is reported on training.status instead, with the reason.
 */
@ApplicationScoped
public class MarketLoader {

    private static final Logger LOG = Logger.getLogger(MarketLoader.class);
    static final String SERVICE = "market-data-service";

    private final CandleSources sources;
    private final CandleRepository candles;
    private final MarketLoadRepository loads;
    private final MarketDataPublisher publisher;
    private final MarketDataConfig config;
    private final MissingRangeFetcher missing;

    public MarketLoader(CandleSources sources, CandleRepository candles, MarketLoadRepository loads,
            MarketDataPublisher publisher, MarketDataConfig config, MissingRangeFetcher missing) {
        this.sources = sources;
        this.candles = candles;
        this.loads = loads;
        this.publisher = publisher;
        this.config = config;
        this.missing = missing;
    }

    @Transactional(TxType.MANDATORY)
    public void load(TrainingRequested request) {
        Instant[] period = TrainingRequests.period(request, Instant.now());
        Instant from = period[0], until = period[1];
        for (SeriesRef market : request.markets()) {
            try {
                loadMarket(request.jobId(), market, from, until);
            } catch (MarketUnavailableException e) {
                LOG.warnf("job %s: market %s cannot be served: %s", request.jobId(), market, e.getMessage());
                record(request.jobId(), market, 0, 0, "FAILED", e.getMessage());
                publisher.status(status(request.jobId(), market, "MARKET_FAILED", e.getMessage(), Map.of()));
            }
        }
    }

    private void loadMarket(String jobId, SeriesRef market, Instant from, Instant until) {
        CandleSource source = sources.forExchange(market.exchange())
                .orElseThrow(() -> new MarketUnavailableException("unknown exchange '" + market.exchange()
                        + "'; known: " + sources.all().keySet()));
        Timeframe timeframe;
        try {
            timeframe = Timeframe.parse(market.timeframe());
        } catch (IllegalArgumentException e) {
            throw new MarketUnavailableException(e.getMessage());
        }
        if (!source.timeframes().contains(timeframe)) {
            throw new MarketUnavailableException(market.exchange() + " has no timeframe " + market.timeframe()
                    + "; it has " + source.timeframes().stream().map(Timeframe::label).sorted().toList());
        }
        int added = source instanceof ExchangeSource exchange ? fetchMissing(exchange, market, timeframe, from, until)
                : storeFromSource(source, market, timeframe, from, until);
        List<Candle> stored = candles.range(market.exchange(), market.pair(), market.timeframe(), from.toEpochMilli(),
                until.toEpochMilli());
        List<List<Candle>> chunks = chunk(stored, config.chunkSizeCandles());
        for (int i = 0; i < chunks.size(); i++) {
            publisher.rawCandles(new RawCandlesChunk(EventTypes.deterministicId(jobId, market.key(), "raw", Integer.toString(i)),
                    RawCandlesChunk.SCHEMA_VERSION, Instant.now(), jobId, market, from, until, i, chunks.size(),
                    CandleColumnsMapper.toColumns(chunks.get(i))));
        }
        record(jobId, market, stored.size(), chunks.size(), "PUBLISHED", null);
        publisher.status(status(jobId, market, "MARKET_LOADED", stored.size() + " candles published in " + chunks.size() + " chunks",
                Map.of("candle_count", stored.size(), "new_candle_count", added, "chunk_count", chunks.size())));
        LOG.infof("job %s: %s: %d candles (%d new) published in %d chunks", jobId, market, stored.size(), added, chunks.size());
    }

    private int storeFromSource(CandleSource source, SeriesRef market, Timeframe timeframe, Instant from, Instant until) {
        if (!source.pairs().contains(market.pair())) {
            throw new MarketUnavailableException(market.exchange() + " has no pair " + market.pair() + "; it has " + source.pairs());
        }
        return candles.upsert(market.exchange(), market.pair(), market.timeframe(), source.candles(market.pair(), timeframe, from, until));
    }

    /** What the store lacks comes from the exchange, each fetched range committed on its own before it is published. */
    private int fetchMissing(ExchangeSource exchange, SeriesRef market, Timeframe timeframe, Instant from, Instant until) {
        MarketPair pair;
        try {
            pair = MarketPair.parse(market.pair());
        } catch (IllegalArgumentException e) {
            throw new MarketUnavailableException(market.exchange() + ": " + e.getMessage());
        }
        if (!pair.toString().equals(market.pair())) {
            // stored under the pair as written, so it must be written one way only
            throw new MarketUnavailableException(market.exchange() + ": write the pair " + pair + ", not " + market.pair());
        }
        try {
            return missing.fetchMissing(exchange, pair, timeframe, from, until).newCandles();
        } catch (ExchangeFetchException e) {
            throw new MarketUnavailableException(e.getMessage());
        }
    }

    /** An empty series still goes out as one empty chunk, so the cleaning step can refuse it with a reason. */
    static List<List<Candle>> chunk(List<Candle> candles, int size) {
        List<List<Candle>> chunks = new ArrayList<>();
        for (int from = 0; from < candles.size(); from += size) {
            chunks.add(candles.subList(from, Math.min(candles.size(), from + size)));
        }
        if (chunks.isEmpty()) {
            chunks.add(List.of());
        }
        return chunks;
    }

    private void record(String jobId, SeriesRef market, int candleCount, int chunkCount, String status, String message) {
        MarketLoad.Key key = new MarketLoad.Key(jobId, market.exchange(), market.pair(), market.timeframe());
        MarketLoad load = loads.findByIdOptional(key).orElseGet(MarketLoad::new);
        load.key = key;
        load.candleCount = candleCount;
        load.chunkCount = chunkCount;
        load.status = status;
        load.message = message;
        load.loadedAt = Instant.now();
        loads.persist(load);
    }

    private static TrainingStatus status(String jobId, SeriesRef market, String state, String message, Map<String, Object> details) {
        return new TrainingStatus(EventTypes.deterministicId(jobId, market.key(), SERVICE, state), TrainingStatus.SCHEMA_VERSION,
                Instant.now(), jobId, SERVICE, market, state, message, details);
    }

    static final class MarketUnavailableException extends RuntimeException {
        MarketUnavailableException(String message) {
            super(message);
        }
    }
}
