package dev.trainer.cleaning.mapping;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.QualityReport;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.domain.quality.CleanedSeries;
import dev.trainer.domain.quality.QualityAssessment;
import dev.trainer.domain.quality.QualityCheck;
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
                q.missing(), q.staleRuns(), q.spikes(), q.crossExchangeDivergence(), q.crossExchangeCompared(),
                q.crossExchangeReferences(), q.valid(), q.validFraction(), q.validPct(), q.synthetic(), q.unfilled(),
                q.cleanCandleCount(), q.qualityScore(), q.thresholdFraction(), q.passed(), q.verdict());
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
                    result.report().qualityScore(), report, i, count,
                    new CandleColumns(s.openTimeMs(), s.open(), s.high(), s.low(), s.close(), s.volume()), s.flags()));
        }
        return chunks;
    }

    /**
     * The report's numbers for training.status details, under the keys of the REST report: counts in candles,
     * fractions 0..1, valid_pct 0..100.
     */
    public static Map<String, Object> details(QualityAssessment q) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("total", q.total());
        for (QualityCheck check : QualityCheck.values()) {
            d.put(check.key(), q.count(check));
            if (check == QualityCheck.MISSING) {
                d.put("missing_head", q.missingHead());
                d.put("missing_tail", q.missingTail());
            }
        }
        d.put("cross_exchange_compared", q.crossExchangeCompared());
        d.put("cross_exchange_references", q.crossExchangeReferences());
        d.put("valid", q.valid());
        d.put("valid_fraction", q.validFraction());
        d.put("valid_pct", q.validPct());
        d.put("synthetic", q.synthetic());
        d.put("unfilled", q.unfilled());
        d.put("clean_candle_count", q.cleanCandleCount());
        d.put("quality_score", q.qualityScore());
        d.put("threshold_fraction", q.thresholdFraction());
        return d;
    }
}
