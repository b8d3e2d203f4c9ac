package dev.trainer.validation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "validation")
public interface ValidationConfig {

    /** The build that validated a configuration, written into its provenance (default: the project version). */
    @WithDefault("unknown")
    String codeVersion();

    /** Costs for the V3 configuration's risk block, used when the backtest metrics do not carry them. */
    Risk risk();

    /** The significance gate a configuration must pass, on top of the plan's rules, to be MATURE. */
    Gate gate();

    /**
     * Thresholds are inclusive; an undefined statistic fails its check. Defaults: deflated Sharpe ratio at least
     * 0.95, probability of backtest overfitting at most 0.5, out-of-sample track record at least the minimum track
     * record length, no p-value threshold.
     */
    interface Gate {

        /** false: MATURE by the plan's rules alone. */
        @WithDefault("true")
        boolean enabled();

        /** Minimum deflated Sharpe ratio, a probability. */
        @WithDefault("0.95")
        double minDeflatedSharpe();

        /** Maximum probability of backtest overfitting. */
        @WithDefault("0.5")
        double maxProbabilityOfOverfitting();

        /** Whether the out-of-sample days must reach the minimum track record length (95 %, SR0 = 0). */
        @WithDefault("true")
        boolean minTrackRecord();

        /** Maximum one-sided p-value of the mean out-of-sample trade return; not checked when absent. */
        Optional<Double> maxPValue();
    }

    interface Risk {

        /** Exchange fee per fill (per side), as a fraction of traded value: the plan's 0.1 %. */
        @WithDefault("0.001")
        double feePerSideFraction();

        /** Slippage per fill (per side), as a fraction of price: the plan's 0.05 %. */
        @WithDefault("0.0005")
        double slippagePerSideFraction();

        /** Equity risked per trade, as a fraction of equity: the plan's 1 %. */
        @WithDefault("0.01")
        double riskPerTradeFraction();
    }
}
