package dev.trainer.cleaning.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.trainer.cleaning.repository.QualityReportRepository;
import dev.trainer.cleaning.repository.StoredQualityReport;
import dev.trainer.cleaning.service.SeriesCleaner;
import dev.trainer.domain.quality.CandleFlags;
import dev.trainer.domain.quality.CleaningPolicy;
import dev.trainer.domain.quality.QualityCheck;
import dev.trainer.domain.quality.QualitySettings;
import dev.trainer.support.FieldProblem;
import dev.trainer.support.RequestParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/quality")
@Produces(MediaType.APPLICATION_JSON)
public class QualityResource {

    static final int MAX_LIMIT = 5000;

    private final QualityReportRepository reports;
    private final SeriesCleaner cleaner;

    public QualityResource(QualityReportRepository reports, SeriesCleaner cleaner) {
        this.reports = reports;
        this.cleaner = cleaner;
    }

    @GET
    @Path("/reports")
    @Operation(summary = "Stored quality reports, newest first; every filter is optional")
    public List<ReportView> reports(@QueryParam("exchange") String exchange, @QueryParam("pair") String pair,
            @QueryParam("timeframe") String timeframe, @QueryParam("jobId") String jobId,
            @Parameter(description = "at most this many reports, 1 to " + MAX_LIMIT + "; default 1000") @QueryParam("limit") String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageSize = RequestParameters.whole("limit", limit, 1000, 1, MAX_LIMIT, problems);
        RequestParameters.requireNone("Invalid reports query", problems);
        return reports.search(exchange, pair, timeframe, jobId, pageSize).stream().map(ReportView::of).toList();
    }

    @GET
    @Path("/policy")
    @Operation(summary = "The gate's threshold, each check's policy and parameters (docs/DATA_QUALITY.md)")
    public PolicyView policy() {
        QualitySettings settings = cleaner.checks().settings();
        double threshold = settings.thresholdFraction();
        List<CheckView> checks = Arrays.stream(QualityCheck.values())
                .map(c -> new CheckView(c.key(), settings.policy(c).key(),
                        c.allowedPolicies().stream().map(CleaningPolicy::key).toList(),
                        c.flagBit() == 0 ? null : c.flagBit(), c.makesInvalid(), c.definition()))
                .toList();
        return new PolicyView(threshold, threshold * 100,
                "passed iff valid_fraction >= threshold_fraction and at least one candle is left after cleaning",
                "a candle is valid when none of " + Arrays.stream(QualityCheck.values()).filter(QualityCheck::makesInvalid)
                        .map(QualityCheck::key).toList() + " found it; synthetic candles are never valid",
                "strictly increasing open times; dropped rows removed; kept candles carry a flag mask (the flag_bit of"
                        + " each check whose policy is flag); forward-filled candles are synthetic (open = high = low ="
                        + " close = previous close, volume 0, flag " + CandleFlags.SYNTHETIC + ")",
                "valid candles in the cleaned series / candles in the cleaned series (synthetic ones included), 0..1",
                "SHA-256 (hex) over each candle's open time (int64) and open, high, low, close, volume (IEEE-754"
                        + " bits), 48 bytes big-endian per candle, in series order; flags are not part of it",
                cleaner.chunkSize(), settings.forwardFillMaxRunCandles(), settings.staleMinRunCandles(),
                settings.spikeWindowReturns(), settings.spikeThresholdZ(), settings.divergenceMaxDeviationFraction(),
                checks);
    }

    /**
     * One stored report. Counts are numbers of candles; fractions (valid_fraction, quality_score,
     * threshold_fraction) are 0..1; valid_pct is valid / (total + missing_head + missing_tail) x 100. period_from and
     * period_until are the requested period (null for reports stored before it was kept).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReportView(String jobId, String exchange, String pair, String timeframe, Instant periodFrom,
            Instant periodUntil, int total, int zeroVolume, int flat, int ohlcInvalid, int duplicates, int outOfOrder,
            int missing, int missingHead, int missingTail, int staleRuns, int spikes,
            int crossExchangeDivergence, int crossExchangeCompared, List<String> crossExchangeReferences, int valid,
            double validFraction, double validPct, int synthetic, int unfilled, Integer cleanCandleCount,
            double qualityScore, double thresholdFraction, boolean passed, String verdict, String fingerprint,
            String settings, Instant createdAt) {

        static ReportView of(StoredQualityReport r) {
            return new ReportView(r.key.jobId(), r.key.exchange(), r.key.pair(), r.key.timeframe(), r.periodFrom,
                    r.periodUntil, r.total, r.zeroVolume, r.flat, r.ohlcInvalid, r.duplicates, r.outOfOrder, r.missing,
                    r.missingHead, r.missingTail, r.staleRuns, r.spikes,
                    r.crossExchangeDivergence, r.crossExchangeCompared,
                    r.crossExchangeReferences == null ? List.of() : List.of(r.crossExchangeReferences), r.valid,
                    r.validFraction, r.validPct, r.synthetic, r.unfilled, r.cleanCandleCount, r.qualityScore,
                    r.thresholdFraction, r.passed, r.verdict, r.fingerprint, r.settings, r.createdAt);
        }
    }

    /** Fractions are 0..1; threshold_percent is the threshold x 100. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PolicyView(double thresholdFraction, double thresholdPercent, String gate, String validCandle,
            String cleanedSeries, String qualityScore, String fingerprint, int chunkSizeCandles,
            int forwardFillMaxRunCandles, int staleRunsMinRunCandles, int spikesWindowReturns, double spikesThresholdZ,
            double crossExchangeMaxDeviationFraction, List<CheckView> checks) {
    }

    /**
     * @param policy  in effect: drop (removed from the cleaned series), flag (kept with flagBit set), forward-fill
     *                (replaced by a synthetic candle) or report (only counted)
     * @param flagBit the bit the flag policy sets, null for a check that cannot flag
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CheckView(String check, String policy, List<String> allowedPolicies, Integer flagBit,
            boolean makesInvalid, String definition) {
    }
}
