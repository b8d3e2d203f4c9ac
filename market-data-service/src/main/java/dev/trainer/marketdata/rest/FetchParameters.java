package dev.trainer.marketdata.rest;

import dev.trainer.contracts.TimeBounds;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.MarketPair;
import dev.trainer.exchanges.UserTimes;
import dev.trainer.marketdata.service.ExchangeSource;
import dev.trainer.marketdata.service.ExchangeSources;
import dev.trainer.support.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A fetch request checked all at once, so that a 400 names every bad field. */
record FetchParameters(ExchangeSource source, MarketPair pair, Timeframe timeframe, Instant since, Instant until,
        List<FieldProblem> problems) {

    /** The body of POST /api/market-data/fetches; times as ISO-8601 instants or dates. */
    public record FetchRequest(String exchange, String pair, String timeframe, String since, String until) {
    }

    static FetchParameters check(FetchRequest request, ExchangeSources exchanges) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null) {
            problems.add(new FieldProblem("body", "a fetch request is required: {exchange, pair, timeframe, since, until}"));
            return new FetchParameters(null, null, null, null, null, problems);
        }
        List<String> enabled = exchanges.all().stream().map(ExchangeSource::exchange).toList();
        ExchangeSource source = null;
        if (request.exchange() == null || request.exchange().isBlank()) {
            problems.add(new FieldProblem("exchange", "is required, one of " + enabled));
        } else {
            source = exchanges.forExchange(request.exchange()).orElse(null);
            if (source == null) {
                problems.add(new FieldProblem("exchange", "'" + request.exchange() + "' is not an exchange candles are fetched from;"
                        + " enabled: " + enabled));
            }
        }
        MarketPair pair = null;
        if (request.pair() == null || request.pair().isBlank()) {
            problems.add(new FieldProblem("pair", "is required, e.g. BTC/USDT"));
        } else {
            try {
                pair = MarketPair.parse(request.pair());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("pair", e.getMessage()));
            }
        }
        Timeframe timeframe = null;
        if (request.timeframe() == null || request.timeframe().isBlank()) {
            problems.add(new FieldProblem("timeframe", "is required, e.g. 1h"));
        } else {
            try {
                timeframe = Timeframe.parse(request.timeframe());
                if (source != null && !source.timeframes().contains(timeframe)) {
                    problems.add(new FieldProblem("timeframe", source.exchange() + " has no timeframe " + timeframe + "; it has "
                            + source.timeframes().stream().sorted().map(Timeframe::label).toList()));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("timeframe", e.getMessage()));
            }
        }
        Instant since = time("since", request.since(), true, problems);
        Instant until = time("until", request.until(), true, problems);
        if (since != null && until != null && !since.isBefore(until)) {
            problems.add(new FieldProblem("until", until + " must be after since " + since));
        }
        return new FetchParameters(source, pair, timeframe, since, until, List.copyOf(problems));
    }

    /** A time as users write it (UserTimes), within TimeBounds; null when absent (a problem if required) or bad. */
    static Instant time(String field, String text, boolean required, List<FieldProblem> problems) {
        if (!required && text == null) {
            return null;
        }
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "is required, e.g. 2024-01-01T00:00:00Z"));
            return null;
        }
        try {
            Instant t = UserTimes.parse(text);
            // a time out of range would overflow where it becomes epoch milliseconds
            Optional<String> outOfRange = TimeBounds.problem(t);
            if (outOfRange.isPresent()) {
                problems.add(new FieldProblem(field, outOfRange.get()));
                return null;
            }
            return t;
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }
}
