package dev.trainer.marketdata.service;

import java.util.List;

/**
 * What a fetch of one series did: the window asked for (on the timeframe's grid, cut at the candle still forming),
 * the ranges of it that were missing and were fetched, the requests made, the candles received and how many of them
 * were new to the store.
 */
public record FetchReport(String exchange, String pair, String timeframe, TimeRange window, List<TimeRange> fetched,
        int requests, int candlesReceived, int newCandles) {
}
