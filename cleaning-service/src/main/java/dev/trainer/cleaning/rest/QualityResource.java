package dev.trainer.cleaning.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.trainer.cleaning.repository.QualityReportRepository;
import dev.trainer.cleaning.repository.StoredQualityReport;
import dev.trainer.cleaning.service.SeriesCleaner;
import dev.trainer.domain.quality.CandleFlags;
import dev.trainer.domain.quality.QualityCheck;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
            @Parameter(description = "at most this many reports (1.." + MAX_LIMIT + ")") @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
        return reports.search(exchange, pair, timeframe, jobId, limit).stream().map(ReportView::of).toList();
    }

    @GET
    @Path("/policy")
    @Operation(summary = "The gate's threshold and what cleaning does with the candles each check finds")
    public PolicyView policy() {
        double threshold = cleaner.checks().thresholdFraction();
        List<CheckView> checks = Arrays.stream(QualityCheck.values())
                .map(c -> new CheckView(c.key(), c.action().name().toLowerCase(Locale.ROOT), flagBit(c), c.makesInvalid(),
                        c.definition()))
                .toList();
        return new PolicyView(threshold, threshold * 100,
                "passed iff valid_fraction >= threshold_fraction and at least one candle is left after cleaning",
                "a candle is valid when it is none of " + Arrays.stream(QualityCheck.values()).filter(QualityCheck::makesInvalid)
                        .map(QualityCheck::key).toList(),
                "sorted by open time; dropped rows removed; kept candles carry a flag mask (zero_volume = "
                        + CandleFlags.ZERO_VOLUME + ", flat = " + CandleFlags.FLAT + ")",
                "SHA-256 (hex) over each kept candle's open time (int64) and open, high, low, close, volume (IEEE-754"
                        + " bits), 48 bytes big-endian per candle, in series order",
                cleaner.chunkSize(), checks);
    }

    private static Integer flagBit(QualityCheck check) {
        return switch (check) {
            case ZERO_VOLUME -> CandleFlags.ZERO_VOLUME;
            case FLAT -> CandleFlags.FLAT;
            default -> null;
        };
    }

    /** One stored report. Counts are numbers of candles; fractions are 0..1. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReportView(String jobId, String exchange, String pair, String timeframe, int total, int zeroVolume,
            int flat, int ohlcInvalid, int duplicates, int outOfOrder, int missing, int valid, double validFraction,
            double thresholdFraction, boolean passed, String verdict, String fingerprint, Instant createdAt) {

        static ReportView of(StoredQualityReport r) {
            return new ReportView(r.key.jobId(), r.key.exchange(), r.key.pair(), r.key.timeframe(), r.total, r.zeroVolume,
                    r.flat, r.ohlcInvalid, r.duplicates, r.outOfOrder, r.missing, r.valid, r.validFraction,
                    r.thresholdFraction, r.passed, r.verdict, r.fingerprint, r.createdAt);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PolicyView(double thresholdFraction, double thresholdPercent, String gate, String validCandle,
            String cleanedSeries, String fingerprint, int chunkSizeCandles, List<CheckView> checks) {
    }

    /** @param action drop (removed from the cleaned series), flag (kept with flagBit set) or report (only counted) */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CheckView(String check, String action, Integer flagBit, boolean makesInvalid, String definition) {
    }
}
