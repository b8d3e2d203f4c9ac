package dev.trainer.optimizer.mapping;

import dev.trainer.domain.backtest.MetricValue;
import dev.trainer.domain.backtest.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few metrics every search trial reports and the ledger keeps, as columns: what ranking, progress and the
 * deflated Sharpe ratio's trial variance need. The rest (and per-period returns) a trial's replay gives on demand.
 * Undefined values are NaN.
 */
public final class TrialSummary {

    public static final List<String> NAMES = List.of("trade_count", "win_count", "net_profit_fraction",
            "max_drawdown_fraction", "sharpe_daily", "profit_factor");
    public static final String SHARPE_DAILY = "sharpe_daily";

    private TrialSummary() {
    }

    /** The summary of one backtest, in {@link #NAMES} order. */
    public static void write(Metrics m, List<double[]> columns, int trial) {
        columns.get(0)[trial] = m.tradeCount();
        columns.get(1)[trial] = m.winCount();
        columns.get(2)[trial] = m.netProfitFraction();
        columns.get(3)[trial] = m.maxDrawdownFraction();
        columns.get(4)[trial] = value(m.sharpeDaily());
        columns.get(5)[trial] = value(m.profitFactor());
    }

    /** Named values as the REST API shows metrics: undefined ones null. */
    public static Map<String, Object> asMap(List<String> names, double[] values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size() && values != null && i < values.length; i++) {
            double v = values[i];
            out.put(names.get(i), Double.isNaN(v) ? null : names.get(i).endsWith("_count") ? (Object) (long) v : (Object) v);
        }
        return out;
    }

    private static double value(MetricValue v) {
        return v.isDefined() ? v.value() : Double.NaN;
    }
}
