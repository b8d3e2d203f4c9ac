package dev.trainer.marketdata.mapping;

import dev.trainer.domain.market.Timeframe;
import dev.trainer.marketdata.service.FetchReport;
import dev.trainer.marketdata.service.TimeRange;
import java.util.List;

/**
 * The answer to a fetch: the window asked for (cut at the candle still forming), the ranges of it that were missing
 * and were fetched (none when it was all stored before), the requests made, the candles received and stored anew, and
 * the series' coverage afterwards.
 */
public record FetchView(String exchange, String pair, String timeframe, RangeView window, List<RangeView> fetched, int requests,
        int candlesReceived, int newCandles, List<RangeView> coverage) {

    public static FetchView of(FetchReport report, List<TimeRange> coverage) {
        Timeframe tf = Timeframe.parse(report.timeframe());
        return new FetchView(report.exchange(), report.pair(), report.timeframe(), RangeView.of(report.window(), tf),
                report.fetched().stream().map(r -> RangeView.of(r, tf)).toList(), report.requests(), report.candlesReceived(),
                report.newCandles(), coverage.stream().map(r -> RangeView.of(r, tf)).toList());
    }
}
