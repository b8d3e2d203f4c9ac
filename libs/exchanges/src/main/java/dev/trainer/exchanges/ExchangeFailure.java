package dev.trainer.exchanges;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.knowm.xchange.exceptions.ExchangeUnavailableException;
import org.knowm.xchange.exceptions.FrequencyLimitExceededException;
import org.knowm.xchange.exceptions.InternalServerException;
import org.knowm.xchange.exceptions.RateLimitExceededException;
import si.mazi.rescu.HttpResponseAware;
import si.mazi.rescu.HttpStatusException;
import si.mazi.rescu.HttpStatusIOException;

/**
 * What an exception from an XChange client means for the fetch. XChange and rescu report the same HTTP answer in
 * several shapes: rescu's HttpStatusIOException (with the body and headers), the exchange's own exception type parsed
 * from the error body (BinanceException also carries the headers, CoinbaseProException does not), XChange's
 * RateLimitExceededException for errors an exchange reports in a 200 body (Kraken), or Jackson's exceptions.
 */
record ExchangeFailure(Kind kind, OptionalLong retryAfterSeconds, String description) {

    enum Kind {
        MALFORMED, RATE_LIMITED, TRANSIENT, UNREACHABLE, REFUSED
    }

    private static final int CLIP_CHARS = 200;

    boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.TRANSIENT;
    }

    static ExchangeFailure of(Throwable failure, Clock clock) {
        String description = describe(failure);
        if (find(failure, MalformedPageException.class) != null || find(failure, JsonProcessingException.class) != null
                || find(failure, NumberFormatException.class) != null || find(failure, DateTimeException.class) != null) {
            return new ExchangeFailure(Kind.MALFORMED, OptionalLong.empty(), description);
        }
        int status = httpStatus(failure);
        if (status == 429 || status == 418) {
            return new ExchangeFailure(Kind.RATE_LIMITED, retryAfterSeconds(failure, clock), description);
        }
        if (status >= 200 && status < 300) {
            // rescu reports a 2xx body it could not read as the method's return type this way
            return new ExchangeFailure(Kind.MALFORMED, OptionalLong.empty(), description);
        }
        if (status >= 500) {
            return new ExchangeFailure(Kind.TRANSIENT, OptionalLong.empty(), description);
        }
        if (status >= 400) {
            return new ExchangeFailure(Kind.REFUSED, OptionalLong.empty(), description);
        }
        if (find(failure, RateLimitExceededException.class) != null || find(failure, FrequencyLimitExceededException.class) != null) {
            return new ExchangeFailure(Kind.RATE_LIMITED, OptionalLong.empty(), description);
        }
        if (find(failure, ExchangeUnavailableException.class) != null || find(failure, InternalServerException.class) != null) {
            return new ExchangeFailure(Kind.TRANSIENT, OptionalLong.empty(), description);
        }
        if (find(failure, ConnectException.class) != null || find(failure, UnknownHostException.class) != null) {
            return new ExchangeFailure(Kind.UNREACHABLE, OptionalLong.empty(), description);
        }
        if (find(failure, IOException.class) != null) {
            return new ExchangeFailure(Kind.TRANSIENT, OptionalLong.empty(), description);
        }
        if (find(failure, IndexOutOfBoundsException.class) != null || find(failure, ClassCastException.class) != null
                || find(failure, NullPointerException.class) != null) {
            // XChange's adapters fail this way on rows of an unexpected shape
            return new ExchangeFailure(Kind.MALFORMED, OptionalLong.empty(), description);
        }
        return new ExchangeFailure(Kind.REFUSED, OptionalLong.empty(), description);
    }

    private static int httpStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpStatusException h && h.getHttpStatusCode() > 0) {
                return h.getHttpStatusCode();
            }
        }
        return -1;
    }

    /** Seconds from {@code Retry-After}: a number of seconds or an HTTP date. Empty when absent or unreadable. */
    private static OptionalLong retryAfterSeconds(Throwable failure, Clock clock) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpResponseAware aware && aware.getResponseHeaders() != null) {
                for (Map.Entry<String, List<String>> header : aware.getResponseHeaders().entrySet()) {
                    if (header.getKey() != null && header.getKey().equalsIgnoreCase("Retry-After") && !header.getValue().isEmpty()) {
                        return parseRetryAfter(header.getValue().get(0).trim(), clock);
                    }
                }
            }
        }
        return OptionalLong.empty();
    }

    static OptionalLong parseRetryAfter(String value, Clock clock) {
        if (value.matches("\\d{1,9}")) {
            return OptionalLong.of(Long.parseLong(value));
        }
        try {
            long at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return OptionalLong.of(Math.max(0, (at - clock.millis() + 999) / 1000));
        } catch (DateTimeException e) {
            return OptionalLong.empty();
        }
    }

    private static String describe(Throwable failure) {
        HttpStatusIOException http = find(failure, HttpStatusIOException.class);
        if (http != null) {
            String body = http.getHttpBody();
            return "HTTP " + http.getHttpStatusCode() + ": " + clip(http.getMessage())
                    + (body == null || body.isBlank() ? "" : "; body: " + clip(body));
        }
        Throwable informative = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                informative = t;
                break;
            }
        }
        return informative.getClass().getSimpleName() + ": " + clip(String.valueOf(informative.getMessage()));
    }

    private static String clip(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= CLIP_CHARS ? oneLine : oneLine.substring(0, CLIP_CHARS) + "...";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
