package dev.trainer.cleaning.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.QualityFlags;
import dev.trainer.contracts.events.QualityReport;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.quality.CandleFlags;
import dev.trainer.domain.quality.QualityChecks;
import dev.trainer.domain.quality.QualityResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanCandlesMapperTest {

    private static final SeriesRef SERIES = new SeriesRef("binanceus", "SOL/USDT", "5m");

    @Test
    void theDomainFlagBitsAreTheContractsBits() {
        assertEquals(QualityFlags.ZERO_VOLUME, CandleFlags.ZERO_VOLUME);
        assertEquals(QualityFlags.FLAT, CandleFlags.FLAT);
        assertEquals(QualityFlags.SYNTHETIC, CandleFlags.SYNTHETIC);
        assertEquals(QualityFlags.STALE, CandleFlags.STALE);
        assertEquals(QualityFlags.SPIKE, CandleFlags.SPIKE);
        assertEquals(QualityFlags.DIVERGENT, CandleFlags.DIVERGENT);
    }

    @Test
    void concatenatesChunksInTheOrderGiven() {
        CandleColumns a = new CandleColumns(new long[] {1, 2}, new double[] {1, 2}, new double[] {1, 2}, new double[] {1, 2},
                new double[] {1, 2}, new double[] {1, 2});
        CandleColumns empty = new CandleColumns(new long[0], new double[0], new double[0], new double[0], new double[0],
                new double[0]);
        CandleColumns b = new CandleColumns(new long[] {3}, new double[] {3}, new double[] {3}, new double[] {3},
                new double[] {3}, new double[] {3});
        CandleColumns all = CandleColumns.concat(List.of(b, empty, a));
        assertArrayEquals(new long[] {3, 1, 2}, all.openTimeMs());
        assertArrayEquals(new double[] {3, 1, 2}, all.volume());
    }

    @Test
    void splitsTheCleanedSeriesIntoChunksWithDeterministicIdsAndTheirFlags() {
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            candles.add(new Candle(i * 300_000L, 10, 11, 9, i % 2 == 0 ? 10.5 : 10.25, i == 3 ? 0 : 1));
        }
        QualityResult result = new QualityChecks().check(Timeframe.M5, candles);
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        List<CleanCandlesChunk> chunks = CleanCandlesMapper.toChunks("job-1", SERIES, result, 2, now);
        assertEquals(3, chunks.size());
        for (int i = 0; i < 3; i++) {
            CleanCandlesChunk c = chunks.get(i);
            assertEquals(EventTypes.deterministicId("job-1", SERIES.key(), "clean", Integer.toString(i)), c.eventId());
            assertEquals(i, c.chunkIndex());
            assertEquals(3, c.chunkCount());
            assertEquals(result.cleaned().fingerprint(), c.fingerprint());
            assertEquals(0.8, c.qualityScore());
            assertEquals(0.8, c.report().validFraction());
            assertEquals(80.0, c.report().validPct());
            assertEquals(5, c.report().cleanCandleCount());
        }
        assertArrayEquals(new int[] {0, QualityFlags.ZERO_VOLUME}, chunks.get(1).qualityFlags());
        assertArrayEquals(new long[] {1_200_000L}, chunks.get(2).candles().openTimeMs());
        assertEquals(chunks.stream().map(CleanCandlesChunk::eventId).toList(),
                CleanCandlesMapper.toChunks("job-1", SERIES, result, 2, now).stream().map(CleanCandlesChunk::eventId).toList());
        assertNotEquals(chunks.get(0).eventId(),
                CleanCandlesMapper.toChunks("job-2", SERIES, result, 2, now).get(0).eventId());
    }

    @Test
    void statusDetailsCarryTheCountsUnderSnakeCaseKeys() {
        QualityResult result = new QualityChecks().check(Timeframe.M5, List.of(new Candle(0, 1, 1, 1, 1, 0)));
        Map<String, Object> details = CleanCandlesMapper.details(result.report());
        assertEquals(List.of("total", "zero_volume", "flat", "ohlc_invalid", "duplicates", "out_of_order", "missing",
                "missing_head", "missing_tail", "stale_runs", "spikes", "cross_exchange_divergence", "cross_exchange_compared",
                "cross_exchange_references", "valid", "valid_fraction", "valid_pct", "synthetic", "unfilled",
                "clean_candle_count", "quality_score", "threshold_fraction"), List.copyOf(details.keySet()));
        assertEquals(1, details.get("zero_volume"));
        assertEquals(0.0, details.get("valid_fraction"));
        assertEquals(0.0, details.get("valid_pct"));
        assertEquals(0.0, details.get("quality_score"));
        assertEquals(1, details.get("clean_candle_count"));
        assertEquals(List.of(), details.get("cross_exchange_references"));
        assertEquals(0.7, details.get("threshold_fraction"));
    }

    @Test
    void theReportOnTheWireCarriesEveryNumberOfTheAssessment() {
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            candles.add(new Candle(i * 300_000L, 10, 11, 9, i < 2 ? 10 + i : 10.5, 1)); // closes 10, 11, then 10.5 x6
        }
        QualityResult result = new QualityChecks().check(Timeframe.M5, candles);
        QualityReport wire = CleanCandlesMapper.toReport(result.report());
        assertEquals(5, wire.staleRuns());
        assertEquals(3, wire.valid());
        assertEquals(3.0 / 8, wire.validFraction());
        assertEquals(37.5, wire.validPct());
        assertEquals(3.0 / 8, wire.qualityScore());
        assertEquals(8, wire.cleanCandleCount());
        assertEquals(List.of(), wire.crossExchangeReferences());
        assertEquals(result.report().verdict(), wire.verdict());
    }
}
