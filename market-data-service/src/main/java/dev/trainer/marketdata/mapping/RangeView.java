package dev.trainer.marketdata.mapping;

import dev.trainer.domain.market.Timeframe;
import dev.trainer.marketdata.service.TimeRange;
import java.time.Instant;

/** A range of open times [from, until) as the REST API shows it: epoch ms, ISO-8601, and the candles it spans. */
public record RangeView(long fromMs, long untilMs, Instant from, Instant until, long candles) {

    public static RangeView of(TimeRange range, Timeframe timeframe) {
        return new RangeView(range.fromMs(), range.untilMs(), Instant.ofEpochMilli(range.fromMs()), Instant.ofEpochMilli(range.untilMs()),
                range.candles(timeframe));
    }
}
