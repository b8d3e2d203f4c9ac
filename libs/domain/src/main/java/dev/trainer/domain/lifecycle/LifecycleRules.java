package dev.trainer.domain.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan's assign_lifecycle_stage, in order:
 * <ol>
 *   <li>PAPER if net profit &lt; 0, Sharpe &lt; 0.5 (or undefined), or fill rate &lt; 0.7;</li>
 *   <li>DISCOVERY if fewer than 30 trades;</li>
 *   <li>VALIDATION if 30 to 99 trades;</li>
 *   <li>MATURE if 100+ trades, Sharpe &gt; 1.5 and adverse selection &lt; 0.3 <em>and</em> the significance gate
 *   passes (our addition: a Sharpe found by searching 200,000 combinations is not evidence by itself); a
 *   configuration that meets the plan's MATURE rules but fails the gate is held at VALIDATION;</li>
 *   <li>otherwise VALIDATION. DECAY is never assigned by training (it needs live monitoring).</li>
 * </ol>
 * The gate guards only MATURE: the lower stages already limit what may be traded, and it is at MATURE that a lucky
 * backtest would do harm. Every reason for the stage is recorded, including every check of the gate, passed or not.
 */
public final class LifecycleRules {

    public static final double MIN_SHARPE = 0.5;
    public static final double MIN_FILL_RATE = 0.7;
    public static final int DISCOVERY_BELOW_TRADES = 30;
    public static final int MATURE_FROM_TRADES = 100;
    public static final double MATURE_MIN_SHARPE = 1.5;
    public static final double MATURE_MAX_ADVERSE_SELECTION = 0.3;

    private LifecycleRules() {
    }

    public static LifecycleAssignment assign(LifecycleInputs in) {
        return assign(in, SignificanceGate.none());
    }

    public static LifecycleAssignment assign(LifecycleInputs in, SignificanceGate gate) {
        List<String> paper = new ArrayList<>();
        double fillRate = in.fillRate() == null ? 1.0 : in.fillRate();
        double adverse = in.adverseSelection() == null ? 0.0 : in.adverseSelection();
        if (!(in.netProfitFraction() >= 0)) {
            paper.add("net profit " + pct(in.netProfitFraction()) + " is negative");
        }
        if (Double.isNaN(in.sharpe())) {
            paper.add("Sharpe ratio is undefined");
        } else if (in.sharpe() < MIN_SHARPE) {
            paper.add("Sharpe ratio " + num(in.sharpe()) + " is below " + MIN_SHARPE);
        }
        if (fillRate < MIN_FILL_RATE) {
            paper.add("fill rate " + pct(fillRate) + " is below " + pct(MIN_FILL_RATE));
        }
        if (!paper.isEmpty()) {
            return new LifecycleAssignment(LifecycleStage.PAPER, paper);
        }
        int n = in.sampleSize();
        List<String> reasons = new ArrayList<>();
        reasons.add("net profit " + pct(in.netProfitFraction()) + ", Sharpe " + num(in.sharpe()) + ", fill rate "
                + pct(fillRate) + " pass the paper-trading hurdles");
        if (n < DISCOVERY_BELOW_TRADES) {
            reasons.add(n + " trades: fewer than " + DISCOVERY_BELOW_TRADES);
            return new LifecycleAssignment(LifecycleStage.DISCOVERY, reasons);
        }
        if (n < MATURE_FROM_TRADES) {
            reasons.add(n + " trades: between " + DISCOVERY_BELOW_TRADES + " and " + (MATURE_FROM_TRADES - 1));
            return new LifecycleAssignment(LifecycleStage.VALIDATION, reasons);
        }
        if (in.sharpe() > MATURE_MIN_SHARPE && adverse < MATURE_MAX_ADVERSE_SELECTION) {
            reasons.add(n + " trades, Sharpe " + num(in.sharpe()) + " above " + MATURE_MIN_SHARPE
                    + ", adverse selection " + num(adverse) + " below " + MATURE_MAX_ADVERSE_SELECTION);
            SignificanceGate.Verdict verdict = (gate == null ? SignificanceGate.none() : gate).judge(in.significance());
            if (verdict.passed()) {
                reasons.addAll(verdict.reasons());
                return new LifecycleAssignment(LifecycleStage.MATURE, reasons);
            }
            reasons.add("meets the plan's MATURE rules but is held at VALIDATION by the significance gate");
            reasons.addAll(verdict.reasons());
            return new LifecycleAssignment(LifecycleStage.VALIDATION, reasons);
        }
        if (in.sharpe() <= MATURE_MIN_SHARPE) {
            reasons.add(n + " trades but Sharpe " + num(in.sharpe()) + " is not above " + MATURE_MIN_SHARPE);
        }
        if (adverse >= MATURE_MAX_ADVERSE_SELECTION) {
            reasons.add(n + " trades but adverse selection " + num(adverse) + " is not below "
                    + MATURE_MAX_ADVERSE_SELECTION);
        }
        return new LifecycleAssignment(LifecycleStage.VALIDATION, reasons);
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
