package dev.trainer.validation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "validation")
public interface ValidationConfig {

    /** The build that validated a configuration, written into its provenance (default: the project version). */
    @WithDefault("unknown")
    String codeVersion();

    /** Costs for the V3 configuration's risk block, used when the backtest metrics do not carry them. */
    Risk risk();

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
