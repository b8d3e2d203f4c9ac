package dev.trainer.cleaning.service;

import dev.trainer.cleaning.config.CleaningConfig;
import dev.trainer.cleaning.config.ConfiguredQualitySettings;
import dev.trainer.cleaning.mapping.CleanCandlesMapper;
import dev.trainer.cleaning.messaging.CleaningPublisher;
import dev.trainer.cleaning.repository.QualityReportRepository;
import dev.trainer.cleaning.repository.RawChunkRepository;
import dev.trainer.cleaning.repository.RawChunkRepository.Held;
import dev.trainer.cleaning.repository.RawChunkRepository.StoredChunk;
import dev.trainer.cleaning.repository.ReferenceCloseRepository;
import dev.trainer.cleaning.repository.StoredQualityReport;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.RawCandlesChunk;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.contracts.events.TrainingStatus.State;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.domain.market.CandleEntryCheck;
import dev.trainer.domain.market.OhlcvColumns;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.quality.CloseSeries;
import dev.trainer.domain.quality.QualityAssessment;
import dev.trainer.domain.quality.QualityChecks;
import dev.trainer.domain.quality.QualityResult;
import dev.trainer.domain.quality.RequestedPeriod;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Collects the candles.raw chunks of each (job, series); once all are held, runs the quality checks on the whole
 * series in chunk order, stores the report, and either publishes the cleaned series on candles.clean with
 * MARKET_CLEANED on training.status, or refuses it with MARKET_REJECTED, the verdict and the report. Then forgets the
 * raw chunks. A series is evaluated once per job: chunks that arrive after its report exists are ignored. The
 * checks know the period the series was asked for (the chunks' periodFrom / periodUntil), so the period's candle
 * times before the first and after the last candle received count as missing and against the valid fraction.
 *
 * <p>The cross-exchange check compares with the valid closes of the latest series of the same pair and timeframe
 * that passed the gate on each other exchange (reference_closes), as they are when the series is evaluated: it never
 * waits for other exchanges, whose chunks arrive independently and may never come (docs/DATA_QUALITY.md).
 */
@Startup // bad cleaning.* settings stop the service at start, not at the first chunk
@ApplicationScoped
public class SeriesCleaner {

    private static final Logger LOG = Logger.getLogger(SeriesCleaner.class);
    public static final String SERVICE = "cleaning-service";

    private final RawChunkRepository rawChunks;
    private final QualityReportRepository reports;
    private final ReferenceCloseRepository referenceCloses;
    private final CleaningPublisher publisher;
    private final QualityChecks checks;
    private final int chunkSize;
    private final Counter candlesChecked;
    private final Counter seriesPassed;
    private final Counter seriesRefused;

    public SeriesCleaner(RawChunkRepository rawChunks, QualityReportRepository reports,
            ReferenceCloseRepository referenceCloses, CleaningPublisher publisher, CleaningConfig config,
            MeterRegistry registry) {
        this.rawChunks = rawChunks;
        this.reports = reports;
        this.referenceCloses = referenceCloses;
        this.publisher = publisher;
        this.checks = new QualityChecks(ConfiguredQualitySettings.from(config));
        LOG.infof("quality settings: %s", checks.settings().describe());
        if (config.chunkSizeCandles() < 1) {
            throw new IllegalArgumentException("cleaning.chunk-size-candles must be at least 1, got " + config.chunkSizeCandles());
        }
        this.chunkSize = config.chunkSizeCandles();
        this.candlesChecked = Counter.builder("cleaning.candles.checked")
                .description("Candles (rows of candles.raw) that went through the quality checks").register(registry);
        this.seriesPassed = Counter.builder("cleaning.series.evaluated").tag("outcome", "passed")
                .description("Series evaluated by the quality gate").register(registry);
        this.seriesRefused = Counter.builder("cleaning.series.evaluated").tag("outcome", "refused")
                .description("Series evaluated by the quality gate").register(registry);
    }

    public QualityChecks checks() {
        return checks;
    }

    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Throws IllegalArgumentException, naming what is wrong, if a chunk breaks the candles.raw contract, one impossible
     * candle ({@link CandleEntryCheck} as seen at {@code nowMs}) included: such a chunk is no market's data, so it goes
     * to the dead-letter topic whole rather than into the quality checks, which judge candles that can exist.
     */
    public static void requireValid(RawCandlesChunk chunk, long nowMs) {
        if (chunk == null) {
            throw new IllegalArgumentException("candles.raw record without a value");
        }
        require(chunk.eventId() != null && !chunk.eventId().isBlank(), "eventId is missing");
        require(chunk.jobId() != null && !chunk.jobId().isBlank(), "jobId is missing");
        SeriesRef s = chunk.series();
        require(s != null && s.exchange() != null && s.pair() != null && s.timeframe() != null,
                "series (exchange, pair, timeframe) is incomplete: " + s);
        Timeframe timeframe = Timeframe.parse(s.timeframe());
        require(chunk.periodFrom() == null || chunk.periodUntil() == null
                || !chunk.periodUntil().isBefore(chunk.periodFrom()),
                "periodUntil " + chunk.periodUntil() + " is before periodFrom " + chunk.periodFrom());
        require(chunk.chunkCount() >= 1, "chunkCount must be at least 1, got " + chunk.chunkCount());
        require(chunk.chunkIndex() >= 0 && chunk.chunkIndex() < chunk.chunkCount(),
                "chunkIndex " + chunk.chunkIndex() + " is outside 0.." + (chunk.chunkCount() - 1));
        require(chunk.candles() != null && chunk.candles().openTimeMs() != null && chunk.candles().open() != null
                && chunk.candles().high() != null && chunk.candles().low() != null && chunk.candles().close() != null
                && chunk.candles().volume() != null, "candles are missing a column");
        CandleColumns c = chunk.candles().requireConsistent();
        String impossible = CandleEntryCheck.problem(c.openTimeMs(), c.open(), c.high(), c.low(), c.close(), c.volume(),
                timeframe, nowMs);
        require(impossible == null, "candles: " + impossible);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("invalid candles.raw chunk: " + message);
        }
    }

    @Transactional(TxType.MANDATORY)
    public void accept(RawCandlesChunk chunk) {
        SeriesRef series = chunk.series();
        String jobId = chunk.jobId();
        if (reports.findByIdOptional(reportKey(jobId, series)).isPresent()) {
            LOG.debugf("job %s: %s was already evaluated; chunk %d ignored", jobId, series, chunk.chunkIndex());
            return;
        }
        rawChunks.store(jobId, series.key(), chunk.chunkIndex(), chunk.chunkCount(), chunk.eventId(),
                chunk.candles().size(), EventJson.write(chunk.candles()));
        Held held = rawChunks.held(jobId, series.key());
        if (held.minChunkCount() != held.maxChunkCount()) {
            throw new IllegalStateException("job " + jobId + ": the chunks of " + series + " disagree on their count ("
                    + held.minChunkCount() + " vs " + held.maxChunkCount() + ")");
        }
        if (held.chunks() < chunk.chunkCount()) {
            LOG.debugf("job %s: %s: %d of %d chunks held", jobId, series, held.chunks(), chunk.chunkCount());
            return;
        }
        evaluate(jobId, series, period(chunk));
    }

    /** The period the series was asked for, as the chunk that completes it says; null if it does not say. */
    static RequestedPeriod period(RawCandlesChunk chunk) {
        return chunk.periodFrom() == null || chunk.periodUntil() == null ? null
                : new RequestedPeriod(chunk.periodFrom().toEpochMilli(), chunk.periodUntil().toEpochMilli());
    }

    private void evaluate(String jobId, SeriesRef series, RequestedPeriod period) {
        List<StoredChunk> stored = rawChunks.chunks(jobId, series.key());
        List<CandleColumns> columns = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            if (stored.get(i).chunkIndex() != i) {
                throw new IllegalStateException("job " + jobId + ": " + series + " has no chunk " + i);
            }
            columns.add(EventJson.read(stored.get(i).payload(), CandleColumns.class));
        }
        CandleColumns all = CandleColumns.concat(columns);
        Map<String, CloseSeries> otherExchanges = referenceCloses.othersThan(series.exchange(), series.pair(),
                series.timeframe());
        QualityResult result = checks.check(Timeframe.parse(series.timeframe()), new OhlcvColumns(all.openTimeMs(),
                all.open(), all.high(), all.low(), all.close(), all.volume()), otherExchanges, period);
        QualityAssessment report = result.report();
        store(jobId, series, period, result);

        Instant now = Instant.now();
        if (report.passed()) {
            List<CleanCandlesChunk> chunks = CleanCandlesMapper.toChunks(jobId, series, result, chunkSize, now);
            chunks.forEach(publisher::cleanCandles);
            Map<String, Object> details = CleanCandlesMapper.details(report);
            details.put("clean_chunk_count", chunks.size());
            details.put("fingerprint", result.cleaned().fingerprint());
            publisher.status(status(jobId, series, State.MARKET_CLEANED, report.verdict(), details, now));
            referenceCloses.replace(series.exchange(), series.pair(), series.timeframe(), jobId, result.validCloses());
            seriesPassed.increment();
            LOG.infof("job %s: %s %s; %d chunks on candles.clean, fingerprint %s", jobId, series, report.verdict(),
                    chunks.size(), result.cleaned().fingerprint());
        } else {
            publisher.status(status(jobId, series, State.MARKET_REJECTED, report.verdict(),
                    new LinkedHashMap<>(CleanCandlesMapper.details(report)), now));
            seriesRefused.increment();
            LOG.warnf("job %s: %s %s", jobId, series, report.verdict());
        }
        candlesChecked.increment(report.total());
        rawChunks.delete(jobId, series.key());
    }

    private void store(String jobId, SeriesRef series, RequestedPeriod period, QualityResult result) {
        QualityAssessment q = result.report();
        StoredQualityReport r = new StoredQualityReport();
        r.key = reportKey(jobId, series);
        r.total = q.total();
        r.zeroVolume = q.zeroVolume();
        r.flat = q.flat();
        r.ohlcInvalid = q.ohlcInvalid();
        r.duplicates = q.duplicates();
        r.outOfOrder = q.outOfOrder();
        r.missing = q.missing();
        r.missingHead = q.missingHead();
        r.missingTail = q.missingTail();
        r.periodFrom = period == null ? null : Instant.ofEpochMilli(period.fromMs());
        r.periodUntil = period == null ? null : Instant.ofEpochMilli(period.untilMs());
        r.staleRuns = q.staleRuns();
        r.spikes = q.spikes();
        r.crossExchangeDivergence = q.crossExchangeDivergence();
        r.crossExchangeCompared = q.crossExchangeCompared();
        r.crossExchangeReferences = q.crossExchangeReferences().toArray(String[]::new);
        r.valid = q.valid();
        r.validFraction = q.validFraction();
        r.validPct = q.validPct();
        r.synthetic = q.synthetic();
        r.unfilled = q.unfilled();
        r.cleanCandleCount = q.cleanCandleCount();
        r.qualityScore = q.qualityScore();
        r.thresholdFraction = q.thresholdFraction();
        r.passed = q.passed();
        r.verdict = q.verdict();
        r.fingerprint = result.cleaned().fingerprint();
        r.settings = checks.settings().describe();
        r.createdAt = Instant.now();
        reports.persist(r);
        reports.flush(); // a concurrent evaluation of the same series fails here, before anything is published
    }

    private static StoredQualityReport.Key reportKey(String jobId, SeriesRef series) {
        return new StoredQualityReport.Key(jobId, series.exchange(), series.pair(), series.timeframe());
    }

    private static TrainingStatus status(String jobId, SeriesRef series, State state, String message,
            Map<String, Object> details, Instant now) {
        return new TrainingStatus(EventTypes.deterministicId(jobId, series.key(), SERVICE, state.name()),
                TrainingStatus.SCHEMA_VERSION, now, jobId, SERVICE, series, state, message, details);
    }
}
