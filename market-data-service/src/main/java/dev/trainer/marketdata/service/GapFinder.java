package dev.trainer.marketdata.service;

import dev.trainer.domain.market.Timeframe;
import dev.trainer.marketdata.repository.GapRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The candles a stored series lacks in a range: each expected open time on the timeframe's grid without a candle. */
@ApplicationScoped
public class GapFinder {

    private final GapRepository gaps;

    public GapFinder(GapRepository gaps) {
        this.gaps = gaps;
    }

    public record SeriesGaps(String exchange, String pair, Timeframe timeframe, TimeRange range, long expectedCandles,
            long storedCandles, List<TimeRange> gaps) {

        public long missingCandles() {
            return gaps.stream().mapToLong(g -> g.candles(timeframe)).sum();
        }
    }

    /**
     * The gaps in {@code range} (aligned outwards to the grid), or when it is empty in the stored series' own span;
     * empty when no range is given and nothing is stored.
     */
    @Transactional
    public Optional<SeriesGaps> find(String exchange, String pair, Timeframe timeframe, Optional<TimeRange> range) {
        long d = timeframe.durationMs();
        Optional<TimeRange> span = range.map(r -> new TimeRange(timeframe.alignDown(r.fromMs()),
                timeframe.alignDown(r.untilMs() + d - 1))).or(() -> gaps.span(exchange, pair, timeframe.label(), d));
        return span.map(r -> new SeriesGaps(exchange, pair, timeframe, r, r.candles(timeframe),
                gaps.count(exchange, pair, timeframe.label(), r), gaps.gaps(exchange, pair, timeframe.label(), d, r)));
    }
}
