package dev.trainer.domain.strategy;

import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.testing.SeriesFixtures;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No strategy may use the future: the decisions on a series cut after bar t must equal the decisions on the full
 * series up to t, for random parameter sets and random cut points.
 */
class LookaheadTest {

    @Test
    void everyCatalogStrategyDecidesTheSameOnTruncatedData() {
        CandleSeries full = SeriesFixtures.randomWalk(1_500, 42, Timeframe.M5, 0.003);
        SplittableRandom rng = new SplittableRandom(7);
        for (String name : StrategyCatalog.names()) {
            TradingStrategy s = StrategyCatalog.get(name);
            PreparedSeries preparedFull = s.prepare(full);
            int compared = 0, withSignals = 0;
            for (int trial = 0; trial < 40; trial++) {
                ParameterSet p = s.defaultSpace().sample(rng);
                try {
                    s.validate(p);
                } catch (IllegalArgumentException invalid) {
                    continue;
                }
                SignalSet all = s.signals(preparedFull, p);
                for (int cut = 0; cut < 4; cut++) {
                    int t = 50 + rng.nextInt(full.size() - 50);
                    SignalSet truncated = s.signals(s.prepare(full.slice(0, t + 1)), p);
                    assertEquals(all.upTo(t), truncated, name + " " + p + " cut after bar " + t);
                    compared++;
                    if (truncated.entryCount() > 0) {
                        withSignals++;
                    }
                }
            }
            assertTrue(compared >= 40, name + ": too few valid samples (" + compared + ")");
            assertTrue(withSignals > 0, name + ": no comparison had any entry, the test would prove nothing");
        }
    }

    @Test
    void truncationCanBeDetected() {
        // guard for the test above: a deliberately peeking strategy must fail the same comparison
        TradingStrategy sma = new SmaCrossoverStrategy();
        TradingStrategy peeking = new TradingStrategy() {
            @Override
            public String name() {
                return "PEEKING";
            }

            @Override
            public String description() {
                return "enters before rises it has already seen";
            }

            @Override
            public ParameterSpace defaultSpace() {
                return sma.defaultSpace();
            }

            @Override
            public void validate(ParameterSet p) {
            }

            @Override
            public SignalSet signals(PreparedSeries prepared, ParameterSet p) {
                CandleSeries s = prepared.series();
                SignalSet.Builder b = new SignalSet.Builder();
                for (int i = 0; i + 1 < s.size(); i++) {
                    if (s.close(i + 1) > s.close(i) * 1.002) { // tomorrow's close: lookahead
                        b.entry(i, SignalSet.LONG, Double.NaN, Double.NaN);
                    }
                }
                return b.build();
            }
        };
        CandleSeries full = SeriesFixtures.randomWalk(500, 3, Timeframe.M5, 0.003);
        ParameterSet p = ParameterSet.of(java.util.Map.of("fast", 5, "slow", 40));
        SignalSet all = peeking.signals(peeking.prepare(full), p);
        int differing = 0;
        for (int t = 100; t < 499; t += 7) {
            SignalSet truncated = peeking.signals(peeking.prepare(full.slice(0, t + 1)), p);
            if (!all.upTo(t).equals(truncated)) {
                differing++;
            }
        }
        assertTrue(differing > 0);
    }
}
