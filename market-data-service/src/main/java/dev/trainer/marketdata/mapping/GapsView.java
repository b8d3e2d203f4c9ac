package dev.trainer.marketdata.mapping;

import dev.trainer.marketdata.service.GapFinder.SeriesGaps;
import java.util.List;

/** The candles a series lacks in a range: how many were expected, stored and missing, and the missing ones as ranges. */
public record GapsView(String exchange, String pair, String timeframe, RangeView range, long expectedCandles, long storedCandles,
        long missingCandles, List<RangeView> gaps) {

    public static GapsView of(SeriesGaps gaps) {
        return new GapsView(gaps.exchange(), gaps.pair(), gaps.timeframe().label(), RangeView.of(gaps.range(), gaps.timeframe()),
                gaps.expectedCandles(), gaps.storedCandles(), gaps.missingCandles(),
                gaps.gaps().stream().map(g -> RangeView.of(g, gaps.timeframe())).toList());
    }
}
