package dev.trainer.domain.quality;

/**
 * The outcome of {@link QualityChecks#check}: the report with the gate's decision, the cleaned series, and the
 * closes this series offers other exchanges' cross-exchange checks: those of the rows that are valid (synthetic
 * candles are not observations and are never among them).
 */
public record QualityResult(QualityAssessment report, CleanedSeries cleaned, CloseSeries validCloses) {

    public boolean passed() {
        return report.passed();
    }
}
