package dev.trainer.domain.stats;

import java.util.Locale;

/** What combinatorially symmetric cross-validation ranks the trials by, in each half of the periods. */
public enum CscvMetric {

    /** Mean over sample standard deviation (n − 1) of the half's per-period returns, not annualised. */
    SHARPE("sharpe"),
    /** Mean per-period return of the half. */
    MEAN("mean");

    private final String label;

    CscvMetric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CscvMetric parse(String text) {
        for (CscvMetric m : values()) {
            if (m.label.equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric " + text + "; use sharpe or mean");
    }
}
