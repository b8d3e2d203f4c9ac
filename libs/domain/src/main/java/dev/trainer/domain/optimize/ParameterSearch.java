package dev.trainer.domain.optimize;

import dev.trainer.domain.strategy.ParameterSet;

import java.util.List;

/**
 * A search over a parameter space in rounds: {@link #ask()} gives the next round's parameter sets (each new: never
 * one asked before), the caller backtests them and hands the scores back with {@link #tell}, in the order asked.
 * Grid, random and Sobol searches know every trial up front and give them in one round; Bayesian and CMA-ES
 * searches choose each round from the scores so far.
 *
 * <p>Reproducible: the trials depend only on the space, the seed and the scores told, never on timing or on how
 * many workers ran them. Scores are "higher is better"; a trial that cannot be scored (too few trades, an undefined
 * metric, parameters the strategy rejects) is told as {@link Double#NEGATIVE_INFINITY} or NaN.
 */
public interface ParameterSearch {

    /** The next round, or an empty list when the search is over. Call {@link #tell} before asking again. */
    List<ParameterSet> ask();

    /** The scores of the last round asked, in its order. */
    void tell(double[] scores);

    /** Trials asked so far. */
    int asked();

    /** The most trials this search will ask in total (its budget), for progress and estimates. */
    int budget();
}
