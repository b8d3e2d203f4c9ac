package dev.trainer.marketdata.rest;

import dev.trainer.candleimport.ImportTarget;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.MarketPair;
import dev.trainer.support.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The query parameters of an import, checked all at once so that a 400 names every bad one. The pair is stored in
 * its canonical form ({@code btc/usdt} becomes {@code BTC/USDT}), as fetched candles are.
 */
record ImportParameters(ImportTarget target, List<FieldProblem> problems) {

    private static final int EXCHANGE_MAX_CHARS = 64; // the width of candles.exchange
    private static final Pattern EXCHANGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    static ImportParameters check(String exchange, String pair, String timeframe) {
        List<FieldProblem> problems = new ArrayList<>();
        if (exchange == null || exchange.isBlank()) {
            problems.add(new FieldProblem("exchange", "is required, e.g. exchange=binance"));
        } else if (exchange.length() > EXCHANGE_MAX_CHARS || !EXCHANGE.matcher(exchange).matches()) {
            problems.add(new FieldProblem("exchange", "'" + exchange + "' must be at most " + EXCHANGE_MAX_CHARS
                    + " letters, digits, '.', '_' or '-'"));
        }
        MarketPair marketPair = null;
        if (pair == null || pair.isBlank()) {
            problems.add(new FieldProblem("pair", "is required, e.g. pair=BTC/USDT"));
        } else {
            try {
                marketPair = MarketPair.parse(pair);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("pair", e.getMessage()));
            }
        }
        Timeframe tf = null;
        if (timeframe == null || timeframe.isBlank()) {
            problems.add(new FieldProblem("timeframe", "is required, e.g. timeframe=1m"));
        } else {
            try {
                tf = Timeframe.parse(timeframe);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("timeframe", e.getMessage()));
            }
        }
        return new ImportParameters(problems.isEmpty() ? new ImportTarget(exchange, marketPair.toString(), tf) : null,
                List.copyOf(problems));
    }
}
