package dev.trainer.domain.optimize;

import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.backtest.Backtester;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.ParameterSpace;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.domain.testing.SeriesFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterSearchTest {

    private static final TradingStrategy SMA = StrategyCatalog.get("SMA_CROSSOVER");

    /** A smooth score with its peak at fast = 17, slow = 120 (inside the space, not on a corner). */
    private static double peaked(ParameterSet p) {
        double f = (p.get("fast") - 17) / 10, s = (p.get("slow") - 120) / 60;
        return 1 - f * f - s * s;
    }

    private static final ParameterSpace SMA_RANGES = ParameterSpace.builder()
            .intRange("fast", 2, 60).intRange("slow", 20, 300).build();

    private record Run(List<ParameterSet> trials, ParameterSet best, double bestScore) {
    }

    private static Run drive(ParameterSearch search, ToDoubleFunction<ParameterSet> score) {
        List<ParameterSet> all = new ArrayList<>();
        ParameterSet best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        List<ParameterSet> round;
        while (!(round = search.ask()).isEmpty()) {
            double[] s = new double[round.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = score.applyAsDouble(round.get(i));
                if (s[i] > bestScore) {
                    bestScore = s[i];
                    best = round.get(i);
                }
            }
            all.addAll(round);
            search.tell(s);
        }
        return new Run(all, best, bestScore);
    }

    private static void assertDistinctAndAccepted(List<ParameterSet> trials) {
        Set<ParameterSet> seen = new HashSet<>();
        for (ParameterSet p : trials) {
            assertTrue(seen.add(p), "asked twice: " + p);
            SMA.validate(p); // throws for a rejected combination (fast >= slow)
            assertTrue(SMA_RANGES.contains(p), "outside the space: " + p);
        }
    }

    @Test
    void unitCubeMapsEveryGridPointBackToItself() {
        ParameterSpace grid = StrategyCatalog.get("LIQUIDITY_SWEEP_V3").defaultSpace();
        UnitCube cube = new UnitCube(grid);
        for (long i = 0; i < grid.gridSize(); i += 997) {
            ParameterSet p = grid.gridPoint(i);
            assertEquals(p, cube.toParameters(cube.toUnit(p)));
        }
        assertEquals(grid.gridSize(), cube.distinctPoints());
        assertEquals((60 - 2 + 1) * (300 - 20 + 1), new UnitCube(SMA_RANGES).distinctPoints());
    }

    @Test
    void sobolPlanIsDistinctAcceptedAndTheSameEveryTime() {
        TrialPlan a = TrialPlanner.plan(SMA, SMA_RANGES, "sobol", 200, 1);
        TrialPlan b = TrialPlanner.plan(SMA, SMA_RANGES, "sobol", 200, 99);
        assertEquals(200, a.size());
        assertEquals(a.trials(), b.trials(), "Sobol points do not depend on the seed");
        assertDistinctAndAccepted(a.trials());
    }

    @Test
    void bayesianSearchFindsThePeakReproduciblyWithinItsBudget() {
        ParameterSearch s1 = ParameterSearches.create(SearchMethod.BAYESIAN, SMA, SMA_RANGES, null, 60, 7, 4);
        Run r1 = drive(s1, ParameterSearchTest::peaked);
        assertEquals(60, r1.trials().size());
        assertDistinctAndAccepted(r1.trials());
        assertTrue(r1.bestScore() > 0.98, "best " + r1.best() + " scored " + r1.bestScore());

        Run again = drive(ParameterSearches.create(SearchMethod.BAYESIAN, SMA, SMA_RANGES, null, 60, 7, 4),
                ParameterSearchTest::peaked);
        assertEquals(r1.trials(), again.trials(), "same seed, same scores: same trials");

        // the model matters: 60 uniform draws of the same seed do worse on this peak
        Run random = drive(ParameterSearches.create(SearchMethod.RANDOM, SMA, SMA_RANGES, 60, null, 7, 4),
                ParameterSearchTest::peaked);
        assertTrue(r1.bestScore() > random.bestScore(), "bayesian " + r1.bestScore() + " vs random "
                + random.bestScore());
    }

    @Test
    void bayesianSearchSurvivesScoresThatAreNotFinite() {
        // half of the space "has too few trades"
        Run r = drive(ParameterSearches.create(SearchMethod.BAYESIAN, SMA, SMA_RANGES, 10, 40, 3, 5),
                p -> p.get("slow") > 150 ? Double.NEGATIVE_INFINITY : peaked(p));
        assertEquals(40, r.trials().size());
        assertDistinctAndAccepted(r.trials());
        assertTrue(r.bestScore() > 0.9, "best " + r.bestScore());
    }

    @Test
    void cmaesConvergesOnThePeakReproducibly() {
        ParameterSearch search = ParameterSearches.create(SearchMethod.CMAES, SMA, SMA_RANGES, null, 300, 11, 1);
        Run r = drive(search, ParameterSearchTest::peaked);
        assertTrue(r.trials().size() <= 300);
        assertDistinctAndAccepted(r.trials());
        assertNotNull(r.best());
        assertTrue(Math.abs(r.best().get("fast") - 17) <= 1 && Math.abs(r.best().get("slow") - 120) <= 3,
                "best " + r.best());
        Run again = drive(ParameterSearches.create(SearchMethod.CMAES, SMA, SMA_RANGES, null, 300, 11, 1),
                ParameterSearchTest::peaked);
        assertEquals(r.trials(), again.trials());
        Run otherSeed = drive(ParameterSearches.create(SearchMethod.CMAES, SMA, SMA_RANGES, null, 300, 12, 1),
                ParameterSearchTest::peaked);
        assertFalse(r.trials().equals(otherSeed.trials()), "the seed must matter");
    }

    @Test
    void cmaesStopsOnASmallGridInsteadOfAskingForever() {
        ParameterSpace tiny = ParameterSpace.builder().values("fast", 5, 10).values("slow", 40, 60).build();
        Run r = drive(ParameterSearches.create(SearchMethod.CMAES, SMA, tiny, 6, 1_000, 1, 1),
                ParameterSearchTest::peaked);
        assertTrue(r.trials().size() <= 4, "only 4 parameter sets exist, asked " + r.trials().size());
    }

    @Test
    void searchesRefuseWhatTheyCannotDo() {
        assertThrows(IllegalArgumentException.class,
                () -> ParameterSearches.create(SearchMethod.GRID, SMA, SMA_RANGES, null, null, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ParameterSearches.create(SearchMethod.BAYESIAN, SMA, SMA_RANGES, null, null, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ParameterSearches.create(SearchMethod.RANDOM, SMA, SMA_RANGES, 0, null, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SearchMethod.parse("annealing"));
        assertEquals(SearchMethod.CMAES, SearchMethod.parse("CMA-ES"));
    }

    @Test
    void searchRunReportsTheBestTrialAsTheEngineScoresIt() {
        CandleSeries s = SeriesFixtures.randomWalk(3_000, 5, Timeframe.M15, 0.004);
        PreparedSeries prepared = SMA.prepare(s);
        BacktestSettings settings = BacktestSettings.defaults();
        ParameterSearch search = ParameterSearches.create(SearchMethod.BAYESIAN, SMA, SMA_RANGES, 8, 30, 2, 6);
        List<Integer> progress = new ArrayList<>();
        SearchRun.Outcome out = SearchRun.run(search, prepared, SMA, settings, Objective.NET_PROFIT, 1, 2,
                progress::add);
        assertEquals(30, out.trials());
        assertEquals(30, progress.get(progress.size() - 1));
        assertNotNull(out.bestParameters());
        double recomputed = Objective.NET_PROFIT.score(new Backtester().metrics(prepared, SMA, out.bestParameters(),
                settings), 1);
        assertEquals(recomputed, out.bestScore(), 0.0);
    }

    @Test
    void expectedImprovementIsHigherForHigherMeanOrMoreUncertainty() {
        double base = BayesianSearch.expectedImprovement(0, 1, 0);
        assertEquals(1 / Math.sqrt(2 * Math.PI), base, 1e-12); // sd * phi(0)
        assertTrue(BayesianSearch.expectedImprovement(0.5, 1, 0) > base);
        assertTrue(BayesianSearch.expectedImprovement(0, 2, 0) > base);
        assertEquals(0.3, BayesianSearch.expectedImprovement(0.3, 0, 0), 1e-12);
    }
}
