package dev.trainer.exchanges;

/** Told after every page: how many candles the fetch holds so far and up to which time (epoch ms, exclusive) it got. */
@FunctionalInterface
public interface FetchProgress {

    FetchProgress NONE = (candles, positionMs) -> {
    };

    void onPage(int candlesSoFar, long positionMs);
}
