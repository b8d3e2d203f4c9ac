package dev.trainer.domain.optimize;

import dev.trainer.domain.strategy.ParameterSet;

import java.util.List;

/**
 * The parameter sets an optimisation will backtest.
 *
 * @param method            "grid" or "random"
 * @param trials            the parameter sets, in a reproducible order
 * @param droppedInvalid    combinations the strategy rejected (e.g. fast &gt;= slow)
 * @param droppedDuplicates random draws that repeated an earlier trial (always 0 for grids)
 * @param examples          up to 3 rejection messages, to tell the user why combinations were dropped
 */
public record TrialPlan(String method, List<ParameterSet> trials, long droppedInvalid, long droppedDuplicates,
        List<String> examples) {

    public TrialPlan {
        trials = List.copyOf(trials);
        examples = List.copyOf(examples);
    }

    public int size() {
        return trials.size();
    }
}
