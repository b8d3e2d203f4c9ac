package dev.trainer.marketdata.service;

import dev.trainer.exchanges.ExchangeFetchException;
import dev.trainer.marketdata.config.MarketDataConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the series of {@code market-data.scheduled-series} up to date: every {@code market-data.schedule-every} it
 * fetches what each one lacks of the last {@code market-data.scheduled-history}, through {@link MissingRangeFetcher},
 * so a run after a stored one asks only for the candles closed since. Nothing runs when no series is configured; the
 * tests switch the schedule off. The series are checked at startup, so a wrong one stops the service.
 */
@Startup
@ApplicationScoped
public class ScheduledSeriesUpdater {

    private static final Logger LOG = Logger.getLogger(ScheduledSeriesUpdater.class);

    private final List<ScheduledSeries> series = new ArrayList<>();
    private final ExchangeSources exchanges;
    private final MissingRangeFetcher fetcher;
    private final MarketDataConfig config;

    public ScheduledSeriesUpdater(ExchangeSources exchanges, MissingRangeFetcher fetcher, MarketDataConfig config) {
        this.exchanges = exchanges;
        this.fetcher = fetcher;
        this.config = config;
        for (String text : config.scheduledSeries().orElse(List.of())) {
            ScheduledSeries s;
            try {
                s = ScheduledSeries.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("market-data.scheduled-series: " + e.getMessage());
            }
            ExchangeSource source = exchanges.forExchange(s.exchange()).orElseThrow(() -> new IllegalStateException(
                    "market-data.scheduled-series: " + s + ": no enabled exchange '" + s.exchange() + "'; enabled: "
                            + exchanges.all().stream().map(ExchangeSource::exchange).toList()));
            if (!source.timeframes().contains(s.timeframe())) {
                throw new IllegalStateException("market-data.scheduled-series: " + s + ": " + s.exchange() + " has no timeframe "
                        + s.timeframe());
            }
            series.add(s);
        }
    }

    public List<ScheduledSeries> series() {
        return List.copyOf(series);
    }

    @Scheduled(identity = "scheduled-series", every = "${market-data.schedule-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        updateAll(Instant.now());
    }

    /** One run: each series fetched up to {@code now}; one series failing does not keep the others from their turn. */
    public List<FetchReport> updateAll(Instant now) {
        List<FetchReport> reports = new ArrayList<>();
        for (ScheduledSeries s : series) {
            ExchangeSource source = exchanges.forExchange(s.exchange()).orElseThrow();
            try {
                reports.add(fetcher.fetchMissing(source, s.pair(), s.timeframe(), now.minus(config.scheduledHistory()), now));
            } catch (ExchangeFetchException e) {
                LOG.warnf("scheduled series %s not brought up to date (%s): %s", s, e.reason(), e.getMessage());
            }
        }
        return reports;
    }
}
