package dev.trainer.domain.risk;

import java.util.Locale;

/** The side of a fill, as reported on the executions topic. */
public enum Side {
    BUY, SELL;

    /** Parses "buy", "SELL", "Sell", ... (any case, surrounding blanks ignored). */
    public static Side parse(String text) {
        if (text != null) {
            String upper = text.strip().toUpperCase(Locale.ROOT);
            for (Side side : values()) {
                if (side.name().equals(upper)) {
                    return side;
                }
            }
        }
        throw new IllegalArgumentException("side must be BUY or SELL (any case), got " + (text == null ? "null"
                : "'" + text + "'"));
    }
}
