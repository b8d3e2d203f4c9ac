package dev.trainer.domain.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.domain.market.Timeframe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnSpikesTest {

    private static final int W = 20;

    /** The robust z of the return into close[i] from close[from], against the W non-zero returns before i, slowly. */
    private static double slowZ(double[] close, int i, int from) {
        List<Double> window = new ArrayList<>();
        for (int j = i - 1; j >= 1 && window.size() < W; j--) {
            double r = Math.log(close[j] / close[j - 1]);
            if (r != 0) {
                window.add(0, r);
            }
        }
        double[] sorted = window.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = median(sorted);
        double[] deviations = Arrays.stream(sorted).map(v -> Math.abs(v - median)).sorted().toArray();
        double mad = median(deviations);
        double x = Math.log(close[i] / close[from]);
        if (mad > 0) {
            return 0.6745 * (x - median) / mad;
        }
        double meanAd = window.stream().mapToDouble(v -> Math.abs(v - median)).sum() / window.size();
        return (x - median) / (1.253314 * meanAd);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    /** 40 wiggling closes with the close at index 30 multiplied by {@code jump}. */
    private static double[] withJumpAt30(double jump, boolean comesBack) {
        double[] closes = Candles.wiggle(40);
        for (int i = 30; i < (comesBack ? 31 : 40); i++) {
            closes[i] *= jump;
        }
        return closes;
    }

    @Test
    void aReturnExactlyAtTheThresholdIsASpikeAndJustBelowItIsNot() {
        double[] closes = withJumpAt30(1.1, true);
        double z = slowZ(closes, 30, 29);
        assertTrue(z > 10, "the 10 % jump scores " + z);
        boolean[] at = ReturnSpikes.find(closes, W, Math.abs(z));
        assertTrue(at[30]);
        assertEquals(1, count(at));
        boolean[] justAbove = ReturnSpikes.find(closes, W, Math.nextUp(Math.abs(z)));
        assertFalse(justAbove[30]);
        assertEquals(0, count(justAbove));
    }

    @Test
    void ordinaryReturnsAreNotSpikes() {
        assertEquals(0, count(ReturnSpikes.find(Candles.wiggle(500), W, 3)));
    }

    @Test
    void aSpikeThatComesBackIsOneSpikeTheReturnOutIsMeasuredFromBeforeIt() {
        boolean[] spikes = ReturnSpikes.find(withJumpAt30(1.1, true), W, 10);
        assertTrue(spikes[30]);
        assertFalse(spikes[31]);
        assertEquals(1, count(spikes));
        // without the bridge, the return out of the spike would be a spike too
        double[] closes = withJumpAt30(1.1, true);
        assertTrue(Math.abs(slowZ(closes, 31, 30)) > 10);
        assertTrue(Math.abs(slowZ(closes, 31, 29)) < 10);
    }

    @Test
    void aJumpToALevelThatStaysFlagsTheJumpAndTheCandleAfterIt() {
        boolean[] spikes = ReturnSpikes.find(withJumpAt30(1.1, false), W, 10);
        assertTrue(spikes[30]);
        assertTrue(spikes[31]);
        assertEquals(2, count(spikes));
    }

    @Test
    void theFlaggedCandleIsTheOneWhoseCloseMakesTheReturnAndTheWindowIsTrailing() {
        // a crash: the candle at 30 is the spike, not 29 (whose return was normal) nor anything judged on the future
        double[] closes = withJumpAt30(0.9, false);
        boolean[] spikes = ReturnSpikes.find(closes, W, 10);
        assertFalse(spikes[29]);
        assertTrue(spikes[30]);
        // the same prefix gives the same flags: nothing after a candle changes its verdict
        boolean[] prefix = ReturnSpikes.find(Arrays.copyOf(closes, 31), W, 10);
        assertEquals(Arrays.toString(Arrays.copyOf(spikes, 31)), Arrays.toString(prefix));
    }

    @Test
    void candlesBeforeTheWindowIsFullAreNotJudged() {
        double[] closes = Candles.wiggle(40);
        closes[W] *= 1.5; // the return into index W is only the W-th return: W-1 are before it
        assertFalse(ReturnSpikes.find(closes, W, 10)[W]);
        double[] later = Candles.wiggle(40);
        later[W + 1] *= 1.5; // W returns before it: judged
        assertTrue(ReturnSpikes.find(later, W, 10)[W + 1]);
    }

    @Test
    void zeroReturnsDoNotEnterTheWindow() {
        // the same wiggle with every close repeated once: half the returns are 0. Were they in the window, its
        // median and MAD would be 0 and every move a spike
        double[] wiggle = Candles.wiggle(60);
        double[] repeated = new double[120];
        for (int i = 0; i < 60; i++) {
            repeated[2 * i] = wiggle[i];
            repeated[2 * i + 1] = wiggle[i];
        }
        assertEquals(0, count(ReturnSpikes.find(repeated, W, 10)));
    }

    /** Closes from 1 that double each candle and quadruple every fourth: exact ratios, so exactly equal returns. */
    private static double[] doublings(int n) {
        double[] closes = new double[n];
        closes[0] = 1;
        for (int i = 1; i < n; i++) {
            closes[i] = closes[i - 1] * (i % 4 == 0 ? 4 : 2);
        }
        return closes;
    }

    @Test
    void whenTheMadIsZeroTheScaleIsTheMeanAbsoluteDeviation() {
        // 15 of the 20 returns before index 35 are ln 2, 5 are ln 4: MAD = 0, the mean absolute deviation is not
        double[] closes = doublings(40);
        double[] window = new double[W];
        for (int j = 0; j < W; j++) {
            window[j] = Math.log(closes[15 + j] / closes[14 + j]);
        }
        Arrays.sort(window);
        double median = median(window);
        assertEquals(0.0, median(Arrays.stream(window).map(v -> Math.abs(v - median)).sorted().toArray()));
        closes[35] = closes[34] * 32;
        for (int i = 36; i < 40; i++) {
            closes[i] = closes[i - 1] * 2;
        }
        double z = slowZ(closes, 35, 34);
        assertTrue(Double.isFinite(z) && z > 10, "z = " + z);
        assertTrue(ReturnSpikes.find(closes, W, z)[35]);
        assertFalse(ReturnSpikes.find(closes, W, Math.nextUp(z))[35]);
        assertEquals(0, count(ReturnSpikes.find(doublings(40), W, 10)));
    }

    @Test
    void whenEveryReturnOfTheWindowIsTheSameThereIsNoScaleAndNothingIsFlagged() {
        double[] sameStep = new double[60];
        sameStep[0] = 1;
        for (int i = 1; i < 60; i++) {
            sameStep[i] = sameStep[i - 1] * 2; // exact in binary: every return is the same ln 2
        }
        sameStep[50] = sameStep[49] * 64;
        for (int i = 51; i < 60; i++) {
            sameStep[i] = sameStep[i - 1] * 2;
        }
        assertEquals(0, count(ReturnSpikes.find(sameStep, W, 10)));
        double[] flatLine = new double[60];
        Arrays.fill(flatLine, 7);
        assertEquals(0, count(ReturnSpikes.find(flatLine, W, 10)));
    }

    @Test
    void inTheReportSpikesAreCountedFlaggedAndInvalid() {
        double[] closes = withJumpAt30(1.1, true);
        QualityChecks checks = new QualityChecks(QualitySettings.defaults().withSpikes(W, 10));
        QualityResult r = checks.check(Timeframe.M1, Candles.withCloses(closes));
        assertEquals(1, r.report().spikes());
        assertEquals(39, r.report().valid());
        assertEquals(CandleFlags.SPIKE, r.cleaned().flags()[30]);
        assertEquals(0, r.cleaned().flags()[31]);
        assertEquals(39.0 / 40, r.report().qualityScore());
    }
}
