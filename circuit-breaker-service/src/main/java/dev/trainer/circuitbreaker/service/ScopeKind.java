package dev.trainer.circuitbreaker.service;

/** What a breaker's state belongs to, and so what one trip stops. */
public enum ScopeKind {

    /** Every watched configuration. */
    PORTFOLIO("portfolio"),
    /** One configuration. */
    CONFIG("config:<configId>"),
    /** Every configuration trading that exchange and pair, whatever its timeframe. */
    MARKET("market:<exchange>|<pair>"),
    /** Every configuration on that exchange. */
    EXCHANGE("exchange:<exchange>");

    private final String pattern;

    ScopeKind(String pattern) {
        this.pattern = pattern;
    }

    /** How scopes of this kind are written, e.g. market:&lt;exchange&gt;|&lt;pair&gt;. */
    public String pattern() {
        return pattern;
    }
}
