package dev.trainer.domain.optimize;

import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.ParameterSpace;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrialPlannerTest {

    private final TradingStrategy sma = StrategyCatalog.get("SMA_CROSSOVER");

    @Test
    void randomPlansAreReproducibleAndSeedDependent() {
        ParameterSpace space = ParameterSpace.builder().intRange("fast", 2, 60).intRange("slow", 10, 300).build();
        TrialPlan a = TrialPlanner.plan(sma, space, "random", 50, 123);
        TrialPlan b = TrialPlanner.plan(sma, space, "random", 50, 123);
        TrialPlan c = TrialPlanner.plan(sma, space, "random", 50, 124);
        assertEquals(a.trials(), b.trials());
        assertNotEquals(a.trials(), c.trials());
        assertEquals(50, a.size());
        assertEquals(50, new HashSet<>(a.trials()).size());
        for (ParameterSet p : a.trials()) {
            assertTrue(p.getInt("fast") < p.getInt("slow"));
        }
        assertEquals(TrialPlanner.random(space, 20, 9), TrialPlanner.random(space, 20, 9));
    }

    @Test
    void gridPlansDropWhatTheStrategyRejectsAndSaySo() {
        ParameterSpace space = ParameterSpace.builder().values("fast", 5, 50, 100).values("slow", 40, 60).build();
        TrialPlan plan = TrialPlanner.plan(sma, space, "grid", 0, 0);
        // (5,40) (5,60) (50,60) kept; (50,40) (100,40) (100,60) dropped
        assertEquals(3, plan.size());
        assertEquals(3, plan.droppedInvalid());
        assertTrue(plan.examples().get(0).contains("fast"));
        List<ParameterSet> all = TrialPlanner.grid(space);
        assertEquals(6, all.size());
        assertEquals(space.gridPoint(4), all.get(4));
    }

    @Test
    void randomPlanOverASmallGridStopsAndCountsDuplicates() {
        ParameterSpace space = ParameterSpace.builder().values("fast", 5, 10).values("slow", 40).build();
        TrialPlan plan = TrialPlanner.plan(sma, space, "random", 10, 1);
        assertEquals(2, plan.size());
        assertTrue(plan.droppedDuplicates() > 0);
    }

    @Test
    void unknownMethodIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> TrialPlanner.plan(sma, sma.defaultSpace(), "bayesian", 10, 1));
        assertTrue(e.getMessage().contains("bayesian"));
    }
}
