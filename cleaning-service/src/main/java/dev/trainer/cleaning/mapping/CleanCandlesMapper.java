package dev.trainer.cleaning.mapping;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.QualityReport;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.domain.quality.CleanedSeries;
import dev.trainer.domain.quality.QualityAssessment;
import dev.trainer.domain.quality.QualityResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Between the wire forms of candles.raw / candles.clean / training.status and the domain's quality checks. */
public final class CleanCandlesMapper {

    private CleanCandlesMapper() {
    }

    public static QualityReport toReport(QualityAssessment q) {
        return new QualityReport(q.total(), q.zeroVolume(), q.flat(), q.ohlcInvalid(), q.duplicates(), q.outOfOrder(),
                q.missing(), q.valid(), q.validFraction(), q.thresholdFraction(), q.passed(), q.verdict());
    }

    /**
     * The cleaned series as candles.clean records of at most {@code chunkSize} candles each, with deterministic event
     * ids (job, series, "clean", chunk index) so that a series published again is recognised downstream.
     */
    public static List<CleanCandlesChunk> toChunks(String jobId, SeriesRef series, QualityResult result, int chunkSize,
            Instant occurredAt) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1 candle, got " + chunkSize);
        }
        CleanedSeries cleaned = result.cleaned();
        QualityReport report = toReport(result.report());
        int count = Math.max(1, (cleaned.size() + chunkSize - 1) / chunkSize);
        List<CleanCandlesChunk> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CleanedSeries.Slice s = cleaned.slice(Math.min(cleaned.size(), i * chunkSize),
                    Math.min(cleaned.size(), (i + 1) * chunkSize));
            chunks.add(new CleanCandlesChunk(EventTypes.deterministicId(jobId, series.key(), "clean", Integer.toString(i)),
                    CleanCandlesChunk.SCHEMA_VERSION, occurredAt, jobId, series, cleaned.fingerprint(),
                    result.report().validFraction(), report, i, count,
                    new CandleColumns(s.openTimeMs(), s.open(), s.high(), s.low(), s.close(), s.volume()), s.flags()));
        }
        return chunks;
    }

    /** The report's numbers for training.status details: counts in candles, fractions 0..1. */
    public static Map<String, Object> details(QualityAssessment q) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("total", q.total());
        d.put("zero_volume", q.zeroVolume());
        d.put("flat", q.flat());
        d.put("ohlc_invalid", q.ohlcInvalid());
        d.put("duplicates", q.duplicates());
        d.put("out_of_order", q.outOfOrder());
        d.put("missing", q.missing());
        d.put("valid", q.valid());
        d.put("valid_fraction", q.validFraction());
        d.put("threshold_fraction", q.thresholdFraction());
        return d;
    }
}
