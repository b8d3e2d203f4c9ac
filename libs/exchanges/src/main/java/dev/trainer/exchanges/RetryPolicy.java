package dev.trainer.exchanges;

/**
 * How often a page is asked for again after a rate limit (HTTP 429/418) or a transient failure, and how long the
 * fetcher waits: the exchange's {@code Retry-After} when it sends one, else {@code firstBackoffMs} doubling per attempt;
 * never longer than {@code maxWaitSeconds} (a longer {@code Retry-After}, such as a Binance IP ban, ends the fetch).
 */
public record RetryPolicy(int maxAttempts, long firstBackoffMs, long maxWaitSeconds) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, 1_000, 60);

    public RetryPolicy {
        if (maxAttempts < 1 || firstBackoffMs < 0 || maxWaitSeconds < 0) {
            throw new IllegalArgumentException("maxAttempts >= 1, firstBackoffMs >= 0 and maxWaitSeconds >= 0; got " + maxAttempts
                    + ", " + firstBackoffMs + ", " + maxWaitSeconds);
        }
    }

    /** The wait before attempt {@code attempt + 1} when the exchange did not say how long. */
    long backoffMs(int attempt) {
        long wait = firstBackoffMs << Math.min(attempt - 1, 20);
        return Math.min(wait, maxWaitSeconds * 1000);
    }
}
