package dev.trainer.domain.quality;

/** The outcome of {@link QualityChecks#check}: the report with the gate's decision, and the cleaned series. */
public record QualityResult(QualityAssessment report, CleanedSeries cleaned) {

    public boolean passed() {
        return report.passed();
    }
}
