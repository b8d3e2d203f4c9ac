package dev.trainer.marketdata.service;

import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.ExchangeFetchException;
import dev.trainer.exchanges.FetchResult;
import dev.trainer.exchanges.FetchWindow;
import dev.trainer.exchanges.MarketPair;
import dev.trainer.marketdata.config.MarketDataConfig;
import dev.trainer.marketdata.repository.CandleRepository;
import dev.trainer.marketdata.repository.CoverageRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The one path by which candles come from an exchange into the store, for training requests, the fetch endpoint and
 * the scheduler: the series' coverage says which parts of [since, until) were fetched before, only the rest is asked
 * for, in slices of at most {@code market-data.fetch.slice-candles}. A slice is fetched whole (every page) before any
 * of it is stored; its candles (upsert, on conflict do nothing) and its coverage then commit in one transaction of
 * their own. A slice that fails, for instance on a malformed page, stores nothing and ends the fetch with its
 * {@link ExchangeFetchException}; slices stored before it stay, with their coverage. {@link #tryFetchMissing} reports
 * such a failure instead of throwing it, with what is still not covered.
 */
@ApplicationScoped
public class MissingRangeFetcher {

    private static final Logger LOG = Logger.getLogger(MissingRangeFetcher.class);

    private final CandleRepository candles;
    private final CoverageRepository coverage;
    private final MarketDataConfig config;

    public MissingRangeFetcher(CandleRepository candles, CoverageRepository coverage, MarketDataConfig config) {
        this.candles = candles;
        this.coverage = coverage;
        this.config = config;
    }

    /**
     * Fetches what the coverage lacks of [since, until) and stores it.
     *
     * @throws ExchangeFetchException a slice failed: it stored nothing, the slices before it stay stored
     */
    public FetchReport fetchMissing(ExchangeSource source, MarketPair pair, Timeframe timeframe, Instant since, Instant until) {
        Attempt attempt = tryFetchMissing(source, pair, timeframe, since, until);
        if (attempt.failure() != null) {
            throw attempt.failure();
        }
        return attempt.report();
    }

    /**
     * What a fetch of [since, until) did, including one that failed: the report counts the slices stored before the
     * failure, and {@code stillMissing} is what the coverage then still lacks of the window (empty after a fetch that
     * succeeded).
     */
    public record Attempt(FetchReport report, ExchangeFetchException failure, List<TimeRange> stillMissing) {

        public boolean failed() {
            return failure != null;
        }
    }

    /**
     * As {@link #fetchMissing}, but a failing exchange does not throw: the fetch ends at the failed slice, whatever
     * was stored before it stays, and the answer says what failed and what of the window is still not covered. For
     * a caller that can go on with what is stored (a training request over a period mostly stored).
     */
    public Attempt tryFetchMissing(ExchangeSource source, MarketPair pair, Timeframe timeframe, Instant since, Instant until) {
        String exchange = source.exchange();
        String series = exchange + " " + pair + " " + timeframe;
        TimeRange wanted = window(source, timeframe, since, until);
        List<TimeRange> missing = uncovered(source, pair, timeframe, wanted);
        int requests = 0;
        int received = 0;
        int added = 0;
        try {
            for (TimeRange range : missing) {
                for (TimeRange slice : range.slices(timeframe, config.fetch().sliceCandles())) {
                    FetchResult result = source.fetcher().fetch(pair, timeframe, Instant.ofEpochMilli(slice.fromMs()),
                            Instant.ofEpochMilli(slice.untilMs()), (count, positionMs) -> LOG.debugf("%s: %d candles, up to %s",
                                    series, count, Instant.ofEpochMilli(positionMs)));
                    int stored = QuarkusTransaction.requiringNew().call(() -> {
                        int n = candles.upsert(exchange, pair.toString(), timeframe.label(), result.candles());
                        coverage.record(exchange, pair.toString(), timeframe.label(), new TimeRange(result.fromMs(), result.untilMs()));
                        return n;
                    });
                    requests += result.requests();
                    received += result.candles().size();
                    added += stored;
                    LOG.infof("%s: fetched [%s, %s): %d candles (%d new) in %d requests", series, Instant.ofEpochMilli(result.fromMs()),
                            Instant.ofEpochMilli(result.untilMs()), result.candles().size(), stored, result.requests());
                }
            }
        } catch (ExchangeFetchException e) {
            // the requests of the failed slice are not known here; the report counts those of the slices stored
            FetchReport partial = new FetchReport(exchange, pair.toString(), timeframe.label(), wanted, missing, requests,
                    received, added);
            return new Attempt(partial, e, uncovered(source, pair, timeframe, wanted));
        }
        return new Attempt(new FetchReport(exchange, pair.toString(), timeframe.label(), wanted, missing, requests, received,
                added), null, List.of());
    }

    /** The open times a fetch of [since, until) asks for now: on the timeframe's grid, cut at the candle still forming. */
    public TimeRange window(ExchangeSource source, Timeframe timeframe, Instant since, Instant until) {
        FetchWindow window = source.fetcher().window(timeframe, since, until);
        return new TimeRange(window.fromMs(), window.untilMs());
    }

    /** The parts of {@code wanted} that the series' coverage lacks: what a fetch would ask the exchange for. */
    public List<TimeRange> uncovered(ExchangeSource source, MarketPair pair, Timeframe timeframe, TimeRange wanted) {
        return wanted.minus(QuarkusTransaction.requiringNew()
                .call(() -> coverage.ranges(source.exchange(), pair.toString(), timeframe.label())));
    }
}
