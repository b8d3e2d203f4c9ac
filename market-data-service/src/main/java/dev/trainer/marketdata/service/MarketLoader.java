package dev.trainer.marketdata.service;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.RawCandlesChunk;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.contracts.events.TrainingStatus.State;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Serves one training request: for every market it asks for, fetches candles from the exchange's source, stores
 * them, and publishes what is stored for the requested period on candles.raw. From an exchange reached through
 * XChange only what the store lacks is fetched ({@link MissingRangeFetcher}): a period fully stored (imported, or
 * fetched before) asks the exchange nothing. A market that cannot be served (unknown exchange, pair or timeframe, or
 * an exchange that fails while nothing of the period is stored) is reported on training.status as MARKET_FAILED
 * instead, with the reason. An exchange that fails while candles of the period are stored does not stop the market:
 * those candles are published as usual, and on training.status MARKET_WARNING, naming the failure and what
 * is not stored, goes out before MARKET_LOADED; the cleaning step counts that span as missing against the gate.
 */
@ApplicationScoped
public class MarketLoader {

    private static final Logger LOG = Logger.getLogger(MarketLoader.class);
    static final String SERVICE = "market-data-service";
    private static final int MAX_RANGES_NAMED = 5;

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
                publisher.status(status(request.jobId(), market, State.MARKET_FAILED, e.getMessage(), Map.of()));
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
        MissingRangeFetcher.Attempt fetched = null;
        int added;
        if (source instanceof ExchangeSource exchange) {
            fetched = fetchMissing(exchange, market, timeframe, from, until);
            added = fetched.report().newCandles();
        } else {
            added = storeFromSource(source, market, timeframe, from, until);
        }
        List<Candle> stored = candles.range(market.exchange(), market.pair(), market.timeframe(), from.toEpochMilli(),
                until.toEpochMilli());
        String warning = null;
        if (fetched != null && fetched.failed()) {
            if (stored.isEmpty()) {
                throw new MarketUnavailableException(fetched.failure().getMessage());
            }
            if (!fetched.stillMissing().isEmpty()) {
                warning = warning(fetched, timeframe, stored.size());
            } else {
                // another fetch covered the window meanwhile: nothing is missing after all
                LOG.warnf("job %s: %s: the exchange failed, but the period is stored: %s", jobId, market,
                        fetched.failure().getMessage());
            }
        }
        List<List<Candle>> chunks = chunk(stored, config.chunkSizeCandles());
        for (int i = 0; i < chunks.size(); i++) {
            publisher.rawCandles(new RawCandlesChunk(EventTypes.deterministicId(jobId, market.key(), "raw", Integer.toString(i)),
                    RawCandlesChunk.SCHEMA_VERSION, Instant.now(), jobId, market, from, until, i, chunks.size(),
                    CandleColumnsMapper.toColumns(chunks.get(i))));
        }
        record(jobId, market, stored.size(), chunks.size(), "PUBLISHED", warning);
        if (warning != null) {
            LOG.warnf("job %s: %s: %s", jobId, market, warning);
            publisher.status(status(jobId, market, State.MARKET_WARNING, warning, warningDetails(fetched, timeframe, stored.size())));
        }
        publisher.status(status(jobId, market, State.MARKET_LOADED, stored.size() + " candles published in " + chunks.size() + " chunks",
                Map.of("candle_count", stored.size(), "new_candle_count", added, "chunk_count", chunks.size())));
        LOG.infof("job %s: %s: %d candles (%d new) published in %d chunks", jobId, market, stored.size(), added, chunks.size());
    }

    /**
     * The market goes on with the candles stored although the exchange failed: the message names the failure and
     * what of the period is not stored, in UTC with its candle count.
     */
    static String warning(MissingRangeFetcher.Attempt fetched, Timeframe timeframe, int storedCandles) {
        List<TimeRange> missing = fetched.stillMissing();
        StringBuilder ranges = new StringBuilder();
        int shown = Math.min(missing.size(), MAX_RANGES_NAMED);
        for (int i = 0; i < shown; i++) {
            ranges.append(i == 0 ? "" : i == missing.size() - 1 ? " and " : ", ").append(range(missing.get(i)));
        }
        if (missing.size() > shown) {
            ranges.append(" and ").append(missing.size() - shown).append(" more ranges");
        }
        return "the exchange failed, so the market goes on with the " + storedCandles + " candles stored for the period; "
                + "not stored: " + missingCandles(missing, timeframe) + " candles in " + ranges + " (UTC); the failure: "
                + fetched.failure().getMessage();
    }

    /** The warning's numbers: counts in candles, times as ISO-8601 instants in UTC. */
    static Map<String, Object> warningDetails(MissingRangeFetcher.Attempt fetched, Timeframe timeframe, int storedCandles) {
        List<TimeRange> missing = fetched.stillMissing();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("candle_count", storedCandles);
        details.put("missing_candle_count", missingCandles(missing, timeframe));
        details.put("missing_from", Instant.ofEpochMilli(missing.get(0).fromMs()).toString());
        details.put("missing_until", Instant.ofEpochMilli(missing.get(missing.size() - 1).untilMs()).toString());
        details.put("missing_ranges", missing.stream().map(r -> Map.of("from", Instant.ofEpochMilli(r.fromMs()).toString(),
                "until", Instant.ofEpochMilli(r.untilMs()).toString(), "candle_count", r.candles(timeframe))).toList());
        details.put("failure_reason", fetched.failure().reason().name());
        details.put("failure", fetched.failure().getMessage());
        return details;
    }

    private static long missingCandles(List<TimeRange> missing, Timeframe timeframe) {
        return missing.stream().mapToLong(r -> r.candles(timeframe)).sum();
    }

    private static String range(TimeRange r) {
        return "[" + Instant.ofEpochMilli(r.fromMs()) + ", " + Instant.ofEpochMilli(r.untilMs()) + ")";
    }

    private int storeFromSource(CandleSource source, SeriesRef market, Timeframe timeframe, Instant from, Instant until) {
        if (!source.pairs().contains(market.pair())) {
            throw new MarketUnavailableException(market.exchange() + " has no pair " + market.pair() + "; it has " + source.pairs());
        }
        return candles.upsert(market.exchange(), market.pair(), market.timeframe(), source.candles(market.pair(), timeframe, from, until));
    }

    /**
     * What the store lacks comes from the exchange, each fetched range committed on its own before it is published.
     * A failing exchange does not throw here: the caller goes on with what is stored, if anything.
     */
    private MissingRangeFetcher.Attempt fetchMissing(ExchangeSource exchange, SeriesRef market, Timeframe timeframe,
            Instant from, Instant until) {
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
        return missing.tryFetchMissing(exchange, pair, timeframe, from, until);
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

    private static TrainingStatus status(String jobId, SeriesRef market, State state, String message, Map<String, Object> details) {
        return new TrainingStatus(EventTypes.deterministicId(jobId, market.key(), SERVICE, state.name()), TrainingStatus.SCHEMA_VERSION,
                Instant.now(), jobId, SERVICE, market, state, message, details);
    }

    static final class MarketUnavailableException extends RuntimeException {
        MarketUnavailableException(String message) {
            super(message);
        }
    }
}
