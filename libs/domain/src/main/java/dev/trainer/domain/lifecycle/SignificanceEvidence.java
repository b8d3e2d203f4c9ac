package dev.trainer.domain.lifecycle;

import dev.trainer.domain.backtest.MetricValue;

/**
 * What the significance gate judges: each statistic is a value or the reason it could not be computed, so that the
 * gate can say why it failed instead of treating a missing number as a pass.
 *
 * @param deflatedSharpe           deflated Sharpe ratio, a probability in [0, 1]
 * @param probabilityOfOverfitting probability of backtest overfitting, in [0, 1]
 * @param pValue                   one-sided p-value that the mean return exceeds 0
 * @param minimumTrackRecordDays   minimum track record length, in days
 * @param trackRecordDays          the days of the track record the minimum is compared with
 */
public record SignificanceEvidence(MetricValue deflatedSharpe, MetricValue probabilityOfOverfitting, MetricValue pValue,
        MetricValue minimumTrackRecordDays, long trackRecordDays) {

    private static final MetricValue NOT_COMPUTED = MetricValue.undefined("not computed");

    public SignificanceEvidence {
        deflatedSharpe = deflatedSharpe == null ? NOT_COMPUTED : deflatedSharpe;
        probabilityOfOverfitting = probabilityOfOverfitting == null ? NOT_COMPUTED : probabilityOfOverfitting;
        pValue = pValue == null ? NOT_COMPUTED : pValue;
        minimumTrackRecordDays = minimumTrackRecordDays == null ? NOT_COMPUTED : minimumTrackRecordDays;
    }

    /** Nothing measured: every statistic is undefined, "not computed". */
    public static SignificanceEvidence notComputed() {
        return new SignificanceEvidence(null, null, null, null, 0);
    }
}
