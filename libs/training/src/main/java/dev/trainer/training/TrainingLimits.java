package dev.trainer.training;

import java.time.Instant;

/**
 * The bounds of a training request, in one place: the REST API refuses a request outside them synchronously, and
 * every consumer of {@code training.requests} refuses it to its dead-letter topic, with the same reasons, because
 * both call {@link TrainingRequestValidator}. That is why they are constants and not a service's settings: a request
 * one service accepted and another refused would be accepted and then lost.
 *
 * <p>Each bound has a reason: the width of the column the value is stored in, the memory and time a value costs
 * (the estimate and the search plan grow with samples, iterations, months and markets), or the range an instant can
 * have here (no crypto candle before Bitcoin's genesis block).
 */
public final class TrainingLimits {

    /** {@code training_jobs.id} is varchar(64); the safe characters keep it usable in paths, headers and file names. */
    public static final String JOB_ID_PATTERN = "[A-Za-z0-9._:-]{1,64}";
    /** {@code training_jobs.user_id} is varchar(50). */
    public static final int MAX_USER_ID_CHARS = 50;
    /** {@code exchange} columns are varchar(64); exchange names are simple identifiers. */
    public static final String EXCHANGE_PATTERN = "[A-Za-z0-9._-]{1,64}";
    /** {@code pair} columns are varchar(32). */
    public static final String PAIR_PATTERN = "[A-Z0-9]{1,15}/[A-Z0-9]{1,16}";
    public static final int MAX_PAIRS = 50;
    public static final int MAX_EXCHANGES = 10;
    /** Markets = pairs x exchanges x timeframes: the plan's example has 24; each market is a series to fetch and search. */
    public static final int MAX_MARKETS = 200;
    /** Ten years of candles per market. */
    public static final int MAX_HISTORICAL_PERIOD_MONTHS = 120;
    /** Random and Sobol samples per window: the plan of a window holds every sample's parameters. */
    public static final int MAX_SAMPLES = 1_000_000;
    /** Bayesian trials per window: the Gaussian process costs O(n^3) per round in the trials so far. */
    public static final int MAX_BAYESIAN_ITERATIONS = 2_000;
    /** CMA-ES trials per window. */
    public static final int MAX_CMAES_ITERATIONS = 200_000;
    /** A window of train, test or gap days longer than the longest history is never satisfiable. */
    public static final int MAX_PERIOD_DAYS = 3_660;
    public static final int MAX_MIN_TRADES = 1_000_000;
    public static final int MAX_PARALLEL_WORKERS = 1_024;
    /** Thirty days. */
    public static final long MAX_RUNTIME_SECONDS = 30L * 24 * 3600;
    /** Bitcoin's genesis block: no candle of any crypto market is older. */
    public static final Instant EARLIEST_INSTANT = Instant.parse("2009-01-03T00:00:00Z");
    /** How far past now an explicit period may end (the end is exclusive; a day covers a request made near midnight). */
    public static final long FUTURE_TOLERANCE_SECONDS = 86_400;
    /** Problems listed per field: beyond this a list of bad values is summarised, so an error stays small. */
    public static final int MAX_PROBLEMS_PER_FIELD = 5;

    private TrainingLimits() {
    }
}
