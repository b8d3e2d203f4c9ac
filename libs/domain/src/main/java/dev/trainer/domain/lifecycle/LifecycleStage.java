package dev.trainer.domain.lifecycle;

/** Where a trained configuration stands, from "do not trade" to "trusted". */
public enum LifecycleStage {
    /** Bad or unproven performance: paper trading only. */
    PAPER,
    /** Promising but fewer than 30 trades. */
    DISCOVERY,
    /**
     * 30 to 99 trades, or 100+ without the strength required for MATURE, or with it but failing the significance
     * gate.
     */
    VALIDATION,
    /** 100+ trades, Sharpe &gt; 1.5, low adverse selection, and the significance gate passed. */
    MATURE,
    /** Was good, live monitoring says it no longer is. Never assigned by training. */
    DECAY
}
