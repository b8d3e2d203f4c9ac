package dev.trainer.domain.risk;

/** The four market regimes of the regime classifier: trend direction times volatility level. */
public enum Regime {
    UP_CALM, UP_VOLATILE, DOWN_CALM, DOWN_VOLATILE;

    public boolean up() {
        return this == UP_CALM || this == UP_VOLATILE;
    }

    public boolean volatileRegime() {
        return this == UP_VOLATILE || this == DOWN_VOLATILE;
    }
}
