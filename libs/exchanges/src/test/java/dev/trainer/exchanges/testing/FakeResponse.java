package dev.trainer.exchanges.testing;

import dev.trainer.exchanges.SupportedExchange;
import java.util.Map;

/** An answer a test makes the fake exchange give instead of its next normal one. */
public record FakeResponse(int status, Map<String, String> headers, String body) {

    public FakeResponse {
        headers = Map.copyOf(headers);
    }

    /** Queued before other answers, lets the next request be answered normally. */
    public static FakeResponse normal() {
        return new FakeResponse(0, Map.of(), "");
    }

    boolean isNormal() {
        return status == 0;
    }

    public static FakeResponse ok(String body) {
        return new FakeResponse(200, Map.of(), body);
    }

    /** HTTP 429 with {@code Retry-After} and the exchange's own body for it. */
    public static FakeResponse tooManyRequests(SupportedExchange exchange, int retryAfterSeconds) {
        return new FakeResponse(429, Map.of("Retry-After", Integer.toString(retryAfterSeconds)), rateLimitBody(exchange));
    }

    /** HTTP 429 without {@code Retry-After}. */
    public static FakeResponse tooManyRequests(SupportedExchange exchange) {
        return new FakeResponse(429, Map.of(), rateLimitBody(exchange));
    }

    /** Binance's answer to an IP that kept going after 429s: 418 and a ban of {@code retryAfterSeconds}. */
    public static FakeResponse banned(int retryAfterSeconds) {
        return new FakeResponse(418, Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
                "{\"code\":-1003,\"msg\":\"Way too many requests; IP(127.0.0.1) banned until 1700000000000. Please use the websocket for live updates to avoid bans.\"}");
    }

    static String rateLimitBody(SupportedExchange exchange) {
        return switch (exchange) {
            case BINANCE, BINANCE_US -> "{\"code\":-1003,\"msg\":\"Too many requests; current limit of IP(127.0.0.1) is 6000 requests per minute. Please use the websocket for live updates to avoid polling the API.\"}";
            case KRAKEN -> "{\"error\":[\"EGeneral:Too many requests\"]}";
            case COINBASE -> "{\"message\":\"Public rate limit exceeded\"}";
            case BITSTAMP -> "{\"status\":\"error\",\"reason\":\"Rate limit exceeded\",\"code\":\"API0001\"}";
        };
    }
}
