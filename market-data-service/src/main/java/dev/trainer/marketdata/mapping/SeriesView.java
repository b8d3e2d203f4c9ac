package dev.trainer.marketdata.mapping;

import dev.trainer.domain.market.Timeframe;
import dev.trainer.marketdata.repository.CandleRepository.SeriesCoverage;
import dev.trainer.marketdata.repository.CoverageRepository.SeriesKey;
import dev.trainer.marketdata.service.TimeRange;
import java.util.List;
import java.util.Map;

/**
 * A stored series: its candle count and first and last open times (epoch ms), and its covered ranges
 * ({@code fetched}: ranges fetched from an exchange or imported from its dump; empty for the offline dataset).
 */
public record SeriesView(String exchange, String pair, String timeframe, long candleCount, long firstOpenTimeMs,
        long lastOpenTimeMs, List<RangeView> fetched) {

    public static List<SeriesView> of(List<SeriesCoverage> stored, Map<SeriesKey, List<TimeRange>> fetched) {
        return stored.stream().map(s -> {
            List<TimeRange> ranges = fetched.getOrDefault(new SeriesKey(s.exchange(), s.pair(), s.timeframe()), List.of());
            List<RangeView> views = ranges.isEmpty() ? List.of()
                    : ranges.stream().map(r -> RangeView.of(r, Timeframe.parse(s.timeframe()))).toList();
            return new SeriesView(s.exchange(), s.pair(), s.timeframe(), s.candleCount(), s.firstOpenTimeMs(), s.lastOpenTimeMs(), views);
        }).toList();
    }
}
