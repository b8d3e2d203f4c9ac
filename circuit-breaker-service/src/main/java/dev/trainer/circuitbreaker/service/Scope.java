package dev.trainer.circuitbreaker.service;

/**
 * One scope, as written on breaker.events and in the REST paths: {@code portfolio}, {@code config:<configId>},
 * {@code market:<exchange>|<pair>} or {@code exchange:<exchange>}.
 *
 * @param kind     which of the four
 * @param configId the configuration (CONFIG), else null
 * @param exchange the exchange (MARKET, EXCHANGE), else null
 * @param pair     the pair, BASE/QUOTE (MARKET), else null
 */
public record Scope(ScopeKind kind, String configId, String exchange, String pair) {

    /** As long as the registry accepts on breaker.events. */
    public static final int MAX_CHARS = 300;

    public static final Scope PORTFOLIO = new Scope(ScopeKind.PORTFOLIO, null, null, null);

    public static Scope config(String configId) {
        return new Scope(ScopeKind.CONFIG, configId, null, null);
    }

    public static Scope market(String exchange, String pair) {
        return new Scope(ScopeKind.MARKET, null, exchange, pair);
    }

    public static Scope exchange(String exchange) {
        return new Scope(ScopeKind.EXCHANGE, null, exchange, null);
    }

    /** Reads a scope string; IllegalArgumentException saying what is wrong with it. */
    public static Scope parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a scope is required: portfolio, config:<configId>, "
                    + "market:<exchange>|<pair> or exchange:<exchange>");
        }
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("a scope is at most " + MAX_CHARS + " characters, got " + text.length());
        }
        if (text.equals("portfolio")) {
            return PORTFOLIO;
        }
        if (text.startsWith("config:")) {
            return config(part(text, "config:".length(), "configId"));
        }
        if (text.startsWith("exchange:")) {
            String exchange = part(text, "exchange:".length(), "exchange");
            if (exchange.contains("|")) {
                throw new IllegalArgumentException("'" + text + "': an exchange scope names no pair");
            }
            return exchange(exchange);
        }
        if (text.startsWith("market:")) {
            String rest = text.substring("market:".length());
            int bar = rest.indexOf('|');
            if (bar < 0 || rest.indexOf('|', bar + 1) >= 0) {
                throw new IllegalArgumentException("'" + text + "': a market scope is market:<exchange>|<pair>");
            }
            return market(part(rest.substring(0, bar), 0, "exchange"), part(rest.substring(bar + 1), 0, "pair"));
        }
        throw new IllegalArgumentException("'" + text + "' is no scope: portfolio, config:<configId>, "
                + "market:<exchange>|<pair> or exchange:<exchange>");
    }

    private static String part(String text, int from, String name) {
        String part = text.substring(from);
        if (part.isBlank() || !part.equals(part.strip())) {
            throw new IllegalArgumentException("'" + text + "': the " + name + " is empty or has surrounding blanks");
        }
        return part;
    }

    /** The scope string, e.g. market:binance|BTC/USDT. */
    public String text() {
        return switch (kind) {
            case PORTFOLIO -> "portfolio";
            case CONFIG -> "config:" + configId;
            case MARKET -> "market:" + exchange + "|" + pair;
            case EXCHANGE -> "exchange:" + exchange;
        };
    }

    @Override
    public String toString() {
        return text();
    }
}
