package dev.trainer.validation.mapping;

import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.validation.config.ValidationConfig;
import dev.trainer.validation.service.ValidationOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The V3 configuration: the JSON object a trading layer loads to run a trained configuration. Its shape
 * (version "V3"; keys snake_case with units; see validation-service/README.md):
 *
 * <pre>{@code
 * {
 *   "version": "V3",
 *   "config_id": "…",
 *   "strategy": "LIQUIDITY_SWEEP_V3",
 *   "market": {"exchange": "binance", "pair": "BTC/USDT", "timeframe": "5m"},
 *   "parameters": {"<name>": <number>, …},                 // the final parameters, sorted by name
 *   "risk": {
 *     "fee_per_side_fraction": 0.001,                      // per fill, fraction of traded value
 *     "slippage_per_side_fraction": 0.0005,                // per fill, fraction of price
 *     "risk_per_trade_fraction": 0.01,                     // equity risked per trade
 *     "costs_source": "backtest_metrics" | "validation_defaults"
 *   },
 *   "stage": "PAPER" | "DISCOVERY" | "VALIDATION" | "MATURE",
 *   "stage_reasons": ["…", …],                             // every rule checked, the significance gate's too
 *   "statistics": {                                        // as ConfigTrained.statistics: null + <key>_undefined_reason
 *     "p_value": 0.0001, "probabilistic_sharpe_ratio": 0.99 (probability),
 *     "deflated_sharpe_ratio": 0.97 (probability), "minimum_track_record_length_days": 12.3,
 *     "probability_of_backtest_overfitting": 0.2, "sharpe_per_day": 0.64, "kurtosis_raw": 3.1, …
 *   },
 *   "provenance": {
 *     "job_id": "…", "user_id": "…", "data_fingerprint": "…", "quality_score": 0.97 (fraction),
 *     "code_version": "0.1.0-SNAPSHOT", "seed": 42, "optimization_method": "random",
 *     "objective": "net_profit", "validation_method": "walk_forward", "trials_evaluated": 1000,
 *     "window_count": 9
 *   }
 * }
 * }</pre>
 * It holds nothing time-dependent, so the same inputs give the same object.
 */
public final class V3Config {

    public static final String VERSION = "V3";

    private V3Config() {
    }

    public static Map<String, Object> of(String configId, OptimizationCompleted result, ValidationOutcome outcome,
            ValidationConfig config) {
        Map<String, Object> market = new LinkedHashMap<>();
        market.put("exchange", result.market().exchange());
        market.put("pair", result.market().pair());
        market.put("timeframe", result.market().timeframe());

        Map<String, Object> v3 = new LinkedHashMap<>();
        v3.put("version", VERSION);
        v3.put("config_id", configId);
        v3.put("strategy", result.strategy());
        v3.put("market", market);
        v3.put("parameters", new TreeMap<>(result.finalParameters() == null ? Map.of() : result.finalParameters()));
        v3.put("risk", risk(result, config.risk()));
        v3.put("stage", outcome.stage());
        v3.put("stage_reasons", List.copyOf(outcome.reasons()));
        // the evidence travels with the configuration, so a trading layer can apply a stricter policy of its own
        v3.put("statistics", new LinkedHashMap<>(outcome.statistics()));
        v3.put("provenance", provenance(result, config));
        return v3;
    }

    /**
     * The costs the configuration was validated with. OptimizationCompleted does not carry the job's costs, so they
     * are taken from the test windows' metrics when these report them (same keys as here, equal in every window),
     * otherwise from this service's settings (validation.risk.*), and {@code costs_source} says which.
     */
    static Map<String, Object> risk(OptimizationCompleted result, ValidationConfig.Risk defaults) {
        Double fee = common(result, "fee_per_side_fraction");
        Double slippage = common(result, "slippage_per_side_fraction");
        Double risk = common(result, "risk_per_trade_fraction");
        boolean fromBacktest = fee != null && slippage != null && risk != null;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fee_per_side_fraction", fromBacktest ? fee : defaults.feePerSideFraction());
        out.put("slippage_per_side_fraction", fromBacktest ? slippage : defaults.slippagePerSideFraction());
        out.put("risk_per_trade_fraction", fromBacktest ? risk : defaults.riskPerTradeFraction());
        out.put("costs_source", fromBacktest ? "backtest_metrics" : "validation_defaults");
        return out;
    }

    static Map<String, Object> provenance(OptimizationCompleted result, ValidationConfig config) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("job_id", result.jobId());
        out.put("user_id", result.userId());
        out.put("data_fingerprint", result.dataFingerprint());
        out.put("quality_score", result.qualityScore());
        out.put("code_version", config.codeVersion());
        out.put("seed", result.seed());
        out.put("optimization_method", result.method());
        out.put("objective", result.objective());
        out.put("validation_method", result.validationMethod());
        out.put("trials_evaluated", result.trialsEvaluated());
        out.put("window_count", result.windows() == null ? 0 : result.windows().size());
        return out;
    }

    /** The value every test window reports under a key, or null if one does not or they differ. */
    private static Double common(OptimizationCompleted result, String key) {
        if (result.windows() == null || result.windows().isEmpty()) {
            return null;
        }
        Double seen = null;
        for (OptimizationCompleted.Window w : result.windows()) {
            Object v = w.outOfSampleMetrics() == null ? null : w.outOfSampleMetrics().get(key);
            if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                return null;
            }
            if (seen != null && seen != n.doubleValue()) {
                return null;
            }
            seen = n.doubleValue();
        }
        return seen;
    }
}
