package dev.trainer.exchanges;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleEntryCheck;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.ExchangeFetchException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fetches the candles of [since, until) from one exchange, page by page: each page starts right after the last
 * candle received (pages may hold fewer candles than asked for), until {@code until} or an empty page. Candles
 * still forming are never asked for, so {@code until} is cut at the current candle's open time. Every request waits
 * for the exchange's {@link RequestPacer}; a 429 or 418 is retried after the exchange's {@code Retry-After} (else a
 * doubling backoff), as are timeouts and 5xx answers, within the {@link RetryPolicy}. An answer that is not candles
 * ends the fetch with {@link Reason#MALFORMED_RESPONSE} and returns nothing, so a caller stores all of a range or
 * none of it; so does a candle that {@link CandleEntryCheck} refuses (a price not above 0, OHLC out of order, an open
 * time off the grid or out of range...): an exchange sending it is not sending candles.
 *
 * <p>One fetcher per exchange may serve several threads; they share the pacer.
 */
public final class CandleFetcher {

    private final CandleClient client;
    private final RequestPacer pacer;
    private final RetryPolicy retry;
    private final Clock clock;

    public CandleFetcher(CandleClient client, RequestPacer pacer, RetryPolicy retry, Clock clock) {
        this.client = client;
        this.pacer = pacer;
        this.retry = retry;
        this.clock = clock;
    }

    /** The exchange's own client at {@code baseUrl} (null: the exchange's address), real time, default retries. */
    public static CandleFetcher create(SupportedExchange exchange, String baseUrl, double requestsPerSecond) {
        return new CandleFetcher(CandleClients.create(exchange, baseUrl),
                new RequestPacer(requestsPerSecond, Clock.systemUTC(), Sleeper.REAL), RetryPolicy.DEFAULT, Clock.systemUTC());
    }

    public SupportedExchange exchange() {
        return client.exchange();
    }

    public CandleClient client() {
        return client;
    }

    /** The open times {@link #fetch} would ask for now. */
    public FetchWindow window(Timeframe timeframe, Instant since, Instant until) {
        return FetchWindow.of(timeframe, since, until, clock.millis());
    }

    public FetchResult fetch(MarketPair pair, Timeframe timeframe, Instant since, Instant until, FetchProgress progress) {
        FetchContext context = new FetchContext(client.exchange(), pair, timeframe, since, until);
        if (!client.timeframes().contains(timeframe)) {
            throw new ExchangeFetchException(Reason.REFUSED, context.describe(client.exchange() + " has no timeframe " + timeframe
                    + "; it has " + client.timeframes().stream().sorted().map(Timeframe::label).toList()), null);
        }
        long durationMs = timeframe.durationMs();
        FetchWindow window = window(timeframe, since, until);
        long fromMs = window.fromMs();
        long untilMs = window.untilMs();
        List<Candle> candles = new ArrayList<>();
        int[] requests = {0};
        long cursor = fromMs;
        while (cursor < untilMs) {
            CandlePage page = page(context, pair, timeframe, cursor, untilMs, requests);
            List<Candle> fresh = accept(context, page.candles(), timeframe, cursor, untilMs, clock.millis());
            if (!fresh.isEmpty()) {
                candles.addAll(fresh);
                cursor = fresh.get(fresh.size() - 1).openTimeMs() + durationMs;
            } else if (page.askedUntilMs() > cursor && page.askedUntilMs() < untilMs) {
                cursor = page.askedUntilMs(); // a time window without trades (Coinbase), not the end of the data
            } else {
                break;
            }
            progress.onPage(candles.size(), cursor);
        }
        progress.onPage(candles.size(), untilMs);
        return new FetchResult(candles, fromMs, untilMs, requests[0]);
    }

    private CandlePage page(FetchContext context, MarketPair pair, Timeframe timeframe, long cursor, long untilMs, int[] requests) {
        for (int attempt = 1; ; attempt++) {
            try {
                pacer.acquire();
                requests[0]++;
                return client.page(pair, timeframe, cursor, untilMs, client.maxCandlesPerPage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExchangeFetchException(Reason.UNAVAILABLE, context.describe("interrupted", cursor), e);
            } catch (Exception e) {
                ExchangeFailure failure = ExchangeFailure.of(e, clock);
                if (!failure.retryable()) {
                    throw switch (failure.kind()) {
                        case MALFORMED -> new ExchangeFetchException(Reason.MALFORMED_RESPONSE,
                                context.describe("malformed response: " + failure.description(), cursor), e);
                        case UNREACHABLE -> new ExchangeFetchException(Reason.UNAVAILABLE,
                                context.describe("cannot reach the exchange: " + failure.description(), cursor), e);
                        default -> new ExchangeFetchException(Reason.REFUSED,
                                context.describe("the exchange refused the request: " + failure.description(), cursor), e);
                    };
                }
                Reason reason = failure.kind() == ExchangeFailure.Kind.RATE_LIMITED ? Reason.RATE_LIMITED : Reason.UNAVAILABLE;
                if (failure.retryAfterSeconds().isPresent() && failure.retryAfterSeconds().getAsLong() > retry.maxWaitSeconds()) {
                    throw new ExchangeFetchException(reason, context.describe("the exchange asks to wait "
                            + failure.retryAfterSeconds().getAsLong() + " s (Retry-After), longer than the " + retry.maxWaitSeconds()
                            + " s allowed: " + failure.description(), cursor), e);
                }
                if (attempt >= retry.maxAttempts()) {
                    throw new ExchangeFetchException(reason, context.describe("gave up after " + attempt + " attempts: "
                            + failure.description(), cursor), e);
                }
                long waitMs = failure.retryAfterSeconds().isPresent() ? failure.retryAfterSeconds().getAsLong() * 1000
                        : retry.backoffMs(attempt);
                // the whole exchange waits, not only this fetch: the limit is per IP
                pacer.holdFor(waitMs);
            }
        }
    }

    /** The page's candles in [cursor, untilMs), in time order, each time once; refuses values that are not candles. */
    private static List<Candle> accept(FetchContext context, List<Candle> page, Timeframe timeframe, long cursor, long untilMs,
            long nowMs) {
        List<Candle> sorted = new ArrayList<>(page);
        sorted.sort(Comparator.comparingLong(Candle::openTimeMs));
        List<Candle> fresh = new ArrayList<>(sorted.size());
        for (Candle c : sorted) {
            boolean inRange = c.openTimeMs() >= cursor && c.openTimeMs() < untilMs;
            // the candles kept must be possible; one impossible says the whole answer cannot be trusted. Those outside
            // the range are dropped unseen: an exchange answers past the range asked for (up to its newest candle)
            String problem = inRange ? CandleEntryCheck.problem(c, timeframe, nowMs) : null;
            if (problem != null) {
                throw new ExchangeFetchException(Reason.MALFORMED_RESPONSE, context.describe("malformed response: the candle at "
                        + Instant.ofEpochMilli(c.openTimeMs()) + " is impossible: " + problem, cursor), null);
            }
            boolean repeated = !fresh.isEmpty() && fresh.get(fresh.size() - 1).openTimeMs() == c.openTimeMs();
            if (inRange && !repeated) {
                fresh.add(c);
            }
        }
        return fresh;
    }

    private record FetchContext(SupportedExchange exchange, MarketPair pair, Timeframe timeframe, Instant since, Instant until) {

        String describe(String what) {
            return exchange + " " + pair + " " + timeframe + " [" + since + ", " + until + "): " + what;
        }

        String describe(String what, long pageFromMs) {
            return describe(what + " (page from " + Instant.ofEpochMilli(pageFromMs) + ")");
        }
    }
}
