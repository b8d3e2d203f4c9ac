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
 * {@link ExchangeFetchException}; slices stored before it stay, with their coverage.
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

    public FetchReport fetchMissing(ExchangeSource source, MarketPair pair, Timeframe timeframe, Instant since, Instant until) {
        String exchange = source.exchange();
        String series = exchange + " " + pair + " " + timeframe;
        FetchWindow window = source.fetcher().window(timeframe, since, until);
        TimeRange wanted = new TimeRange(window.fromMs(), window.untilMs());
        List<TimeRange> missing = wanted.minus(QuarkusTransaction.requiringNew()
                .call(() -> coverage.ranges(exchange, pair.toString(), timeframe.label())));
        int requests = 0;
        int received = 0;
        int added = 0;
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
        return new FetchReport(exchange, pair.toString(), timeframe.label(), wanted, missing, requests, received, added);
    }
}
