package dev.trainer.exchanges;

/** A fetch that failed; the message names the exchange, pair, timeframe and range, and what went wrong. */
public class ExchangeFetchException extends RuntimeException {

    public enum Reason {
        /** The exchange answered something that is not candles. Nothing of the fetch should be kept. */
        MALFORMED_RESPONSE,
        /** Still rate-limited (HTTP 429/418) after the allowed attempts, or asked to wait longer than the cap. */
        RATE_LIMITED,
        /** Unreachable or failing (timeouts, HTTP 5xx) after the allowed attempts. */
        UNAVAILABLE,
        /** The exchange refused the request (unknown pair, bad parameter): retrying cannot help. */
        REFUSED
    }

    private final Reason reason;

    public ExchangeFetchException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
