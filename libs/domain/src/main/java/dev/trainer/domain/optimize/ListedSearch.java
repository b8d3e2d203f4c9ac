package dev.trainer.domain.optimize;

import dev.trainer.domain.strategy.ParameterSet;

import java.util.List;

/** A search whose trials are all known up front (grid, random, Sobol): one round holding the whole plan. */
public final class ListedSearch implements ParameterSearch {

    private final TrialPlan plan;
    private boolean asked;
    private boolean told;

    public ListedSearch(TrialPlan plan) {
        this.plan = plan;
    }

    public TrialPlan plan() {
        return plan;
    }

    @Override
    public List<ParameterSet> ask() {
        if (asked) {
            if (!told) {
                throw new IllegalStateException("tell the scores of the last round before asking again");
            }
            return List.of();
        }
        asked = true;
        return plan.trials();
    }

    @Override
    public void tell(double[] scores) {
        if (!asked || told || scores.length != plan.size()) {
            throw new IllegalArgumentException("expected " + plan.size() + " scores for the one round asked");
        }
        told = true;
    }

    @Override
    public int asked() {
        return asked ? plan.size() : 0;
    }

    @Override
    public int budget() {
        return plan.size();
    }
}
