package dev.trainer.domain.market;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded synthetic candles that look like a crypto market to the cleaning step and the backtests: for measuring the
 * whole system at the plan's scale ({@code bin/trainer bench-plan}) without exchange data. Not market data: never
 * trade on what is trained on it.
 *
 * <p>One pair at a time, on one or more exchanges, in one or more timeframes, pure and deterministic: the same seed,
 * pair, exchange, timeframes' base and period give the same candles on every JDK ({@link SplittableRandom}'s sequence
 * is specified and the normal and Student-t draws are written out here).
 *
 * <ul>
 *   <li><b>Base.</b> Candles are generated at a base timeframe, 5m (1m when 1m is asked for), each from
 *   {@value #SUB_STEPS} sub-steps, and every coarser timeframe is aggregated from them (open of the first, highest
 *   high, lowest low, close of the last, summed volume; only complete buckets), so the timeframes of a market agree.
 *   A timeframe finer than 5m other than 1m does not exist.</li>
 *   <li><b>Returns.</b> One shared driver per pair: the log return of a base candle is
 *   {@code -kappa (x - x0) + s(t) sigma_t z_t}, where {@code z_t} is Student-t with {@value #STUDENT_T_DOF} degrees of
 *   freedom scaled to unit variance (fat tails), {@code sigma_t} follows GARCH(1,1) (volatility clustering: shocks
 *   decay with a half-life of {@value #VOL_HALF_LIFE_HOURS} hours), {@code s(t)} is an intraday seasonality (quietest
 *   around 03:00 UTC, busiest around 15:00 UTC, weekends quieter) and a weak pull towards the starting level
 *   ({@code kappa}: half-life {@value #MEAN_REVERSION_HALF_LIFE_DAYS} days) keeps a year in a realistic range. The
 *   path inside a candle is a Brownian bridge from its open to its close, which gives its high and low.</li>
 *   <li><b>Exchanges.</b> Each exchange's log price is the driver plus a small constant premium (within +-5 bps) and
 *   a mean-reverting basis (about 3 bps, half-life 10 minutes) of its own, so two exchanges' closes of the same pair
 *   stay within a fraction of a percent of each other (the cleaning step flags 2 %). Prices are rounded to the pair's
 *   tick; a candle opens at the previous close, as exchange klines mostly do.</li>
 *   <li><b>Volume.</b> A log-normal base volume (per pair, scaled by the exchange's share) times the seasonality
 *   times {@code 0.3 + |z_t|} (busy when the price moves), never zero.</li>
 *   <li><b>Levels.</b> By base asset: BTC starts near 60,000, ETH 3,000, SOL 150, BNB 600, XRP 0.5, DOGE 0.12,
 *   anything else 100; annual volatilities 55 % (BTC) to 95 % (SOL, DOGE).</li>
 * </ul>
 *
 * <p>Open times lie on each timeframe's UTC grid: the base candles run from {@code fromMs} rounded up to the base
 * grid to {@code untilMs} rounded down; a coarser candle is kept only when all its base candles lie inside.
 */
public final class SyntheticMarket {

    /** Sub-steps per base candle: the intra-candle path its high and low come from. */
    public static final int SUB_STEPS = 10;
    static final int STUDENT_T_DOF = 5;
    static final double VOL_HALF_LIFE_HOURS = 6;
    static final double GARCH_ALPHA = 0.05;
    static final double MEAN_REVERSION_HALF_LIFE_DAYS = 120;
    static final double BASIS_SD = 3e-4;
    static final double BASIS_HALF_LIFE_MINUTES = 10;
    static final double PREMIUM_MAX = 5e-4;
    private static final long YEAR_MS = 365L * UtcDayCalendar.DAY_MS;
    private static final long MAX_BASE_CANDLES = 20_000_000L;

    /**
     * What a pair looks like.
     *
     * @param startPrice          the price at the first open
     * @param annualVolatility    of log returns, annualised with 365 days
     * @param priceDecimals       the tick: prices are rounded to this many decimals (0.01 for BTC, ETH and SOL, as on
     *                            Binance; finer than the exchanges' for the cheap coins, so that a price rarely
     *                            repeats and the stale-runs check has nothing to find)
     * @param volumePer5m         typical base-asset volume of a 5m candle on the largest exchange
     */
    public record Profile(double startPrice, double annualVolatility, int priceDecimals, double volumePer5m) {
    }

    private static final Map<String, Profile> PROFILES = Map.of(
            "BTC", new Profile(60_000, 0.55, 2, 60),
            "ETH", new Profile(3_000, 0.70, 2, 800),
            "SOL", new Profile(150, 0.95, 2, 12_000),
            "BNB", new Profile(600, 0.60, 2, 1_500),
            "XRP", new Profile(0.5, 0.80, 6, 1_500_000),
            "DOGE", new Profile(0.12, 0.95, 7, 8_000_000));
    private static final Profile OTHER = new Profile(100, 0.80, 2, 1_000);

    /** An exchange's share of the largest exchange's volume. */
    private static final Map<String, Double> VOLUME_SHARES = Map.of("binance", 1.0, "coinbase", 0.35, "kraken", 0.12,
            "bitstamp", 0.06, "binance-us", 0.05);
    private static final double OTHER_VOLUME_SHARE = 0.2;

    private SyntheticMarket() {
    }

    /** The profile of a pair written BASE/QUOTE, by its base asset (any case). */
    public static Profile profile(String pair) {
        Objects.requireNonNull(pair, "pair");
        int slash = pair.indexOf('/');
        String base = (slash < 0 ? pair : pair.substring(0, slash)).trim().toUpperCase(Locale.ROOT);
        return PROFILES.getOrDefault(base, OTHER);
    }

    /** The base timeframe the candles of these timeframes are aggregated from: 1m if asked for, else 5m. */
    public static Timeframe base(List<Timeframe> timeframes) {
        return timeframes.contains(Timeframe.M1) ? Timeframe.M1 : Timeframe.M5;
    }

    /** One series: the same candles as {@link #generate} gives for it among others with the same base. */
    public static CandleSeries series(long seed, String exchange, String pair, Timeframe timeframe, long fromMs, long untilMs) {
        return generate(seed, pair, List.of(exchange), List.of(timeframe), fromMs, untilMs).get(exchange).get(timeframe);
    }

    /**
     * The candles of one pair on each exchange in each timeframe over [fromMs, untilMs).
     *
     * @return by exchange, then by timeframe, in the order given
     * @throws IllegalArgumentException for no exchanges or timeframes, a period shorter than one base candle or
     *                                  longer than 20 million of them
     */
    public static Map<String, Map<Timeframe, CandleSeries>> generate(long seed, String pair, List<String> exchanges,
            List<Timeframe> timeframes, long fromMs, long untilMs) {
        Objects.requireNonNull(pair, "pair");
        if (exchanges.isEmpty() || timeframes.isEmpty()) {
            throw new IllegalArgumentException("name at least one exchange and one timeframe");
        }
        if (exchanges.stream().distinct().count() != exchanges.size()) {
            throw new IllegalArgumentException("exchanges repeat: " + exchanges);
        }
        Timeframe base = base(timeframes);
        long baseMs = base.durationMs();
        long first = alignUp(base, fromMs);
        long end = base.alignDown(untilMs);
        long count = (end - first) / baseMs;
        if (count < 1 || count > MAX_BASE_CANDLES) {
            throw new IllegalArgumentException("the period [" + fromMs + ", " + untilMs + ") holds " + Math.max(0, count) + " " + base
                    + " candles; between 1 and " + MAX_BASE_CANDLES + " can be generated");
        }
        int n = (int) count;
        Profile profile = profile(pair);
        Driver driver = new Driver(seed, pair, profile, base, first, n);
        List<Venue> venues = new ArrayList<>();
        for (String exchange : exchanges) {
            venues.add(new Venue(seed, exchange, pair, profile, base, n));
        }
        double[] path = new double[SUB_STEPS + 1];
        for (int i = 0; i < n; i++) {
            double z = driver.next(path);
            for (Venue venue : venues) {
                venue.candle(i, path, z, driver.seasonality, driver.subStepSd);
            }
        }
        Map<String, Map<Timeframe, CandleSeries>> out = new LinkedHashMap<>();
        for (Venue venue : venues) {
            long[] times = new long[n];
            for (int i = 0; i < n; i++) {
                times[i] = first + i * baseMs;
            }
            CandleSeries baseSeries = CandleSeries.ofColumns(base, times, venue.open, venue.high, venue.low, venue.close,
                    venue.volume);
            Map<Timeframe, CandleSeries> byTimeframe = new LinkedHashMap<>();
            for (Timeframe tf : timeframes) {
                byTimeframe.put(tf, tf == base ? baseSeries : aggregate(baseSeries, tf));
            }
            out.put(venue.exchange, byTimeframe);
        }
        return out;
    }

    /**
     * Candles of a coarser timeframe from consecutive candles of a finer one: a bucket is kept only when every one of its
     * finer candles is there.
     */
    public static CandleSeries aggregate(CandleSeries finer, Timeframe coarser) {
        long step = finer.timeframe().durationMs();
        long span = coarser.durationMs();
        if (span < step || span % step != 0) {
            throw new IllegalArgumentException("cannot aggregate " + finer.timeframe() + " candles to " + coarser);
        }
        int per = (int) (span / step);
        List<Candle> out = new ArrayList<>(finer.size() / per + 1);
        int i = 0;
        while (i < finer.size()) {
            long bucket = coarser.alignDown(finer.openTimeMs(i));
            int j = i;
            double high = Double.NEGATIVE_INFINITY, low = Double.POSITIVE_INFINITY, volume = 0;
            while (j < finer.size() && finer.openTimeMs(j) < bucket + span) {
                high = Math.max(high, finer.high(j));
                low = Math.min(low, finer.low(j));
                volume += finer.volume(j);
                j++;
            }
            if (j - i == per && finer.openTimeMs(i) == bucket) {
                out.add(new Candle(bucket, finer.open(i), high, low, finer.close(j - 1), volume));
            }
            i = j;
        }
        return CandleSeries.of(coarser, out);
    }

    /** The pair's shared log price: GARCH(1,1) with Student-t shocks, seasonality, a weak pull to its start. */
    private static final class Driver {
        private final Gaussian rng;
        private final long firstMs;
        private final long baseMs;
        private final double x0;
        private final double kappa;
        private final double omega;
        private final double alpha;
        private final double beta;
        private final double subSd;
        private double x;
        private double variance;
        private int i;
        double seasonality;
        double subStepSd;

        Driver(long seed, String pair, Profile profile, Timeframe base, long firstMs, int n) {
            this.rng = new Gaussian(new SplittableRandom(mix(seed, "pair|" + pair)));
            this.firstMs = firstMs;
            this.baseMs = base.durationMs();
            this.x0 = Math.log(profile.startPrice());
            this.x = x0;
            double targetVariance = profile.annualVolatility() * profile.annualVolatility() * baseMs / YEAR_MS;
            double persistence = Math.pow(0.5, baseMs / (VOL_HALF_LIFE_HOURS * 3_600_000));
            this.alpha = Math.min(GARCH_ALPHA, persistence / 2);
            this.beta = persistence - alpha;
            this.omega = targetVariance * (1 - persistence);
            this.variance = targetVariance;
            this.kappa = Math.log(2) * baseMs / (MEAN_REVERSION_HALF_LIFE_DAYS * UtcDayCalendar.DAY_MS);
            this.subSd = 1 / Math.sqrt(SUB_STEPS);
        }

        /** Fills the next candle's log-price path (SUB_STEPS + 1 points, open to close); returns its standardised shock. */
        double next(double[] path) {
            long mid = firstMs + i * baseMs + baseMs / 2;
            i++;
            seasonality = seasonality(mid);
            double sigma = Math.sqrt(variance);
            double z = rng.studentT(STUDENT_T_DOF);
            double shock = sigma * z;
            double r = -kappa * (x - x0) + seasonality * shock;
            variance = omega + alpha * shock * shock + beta * variance;
            // a Brownian bridge from x to x + r: the path inside the candle
            double scale = seasonality * sigma * subSd;
            subStepSd = scale;
            double w = 0;
            path[0] = 0;
            for (int k = 1; k <= SUB_STEPS; k++) {
                w += scale * rng.next();
                path[k] = w;
            }
            double end = path[SUB_STEPS];
            for (int k = 0; k <= SUB_STEPS; k++) {
                path[k] = x + path[k] - (k / (double) SUB_STEPS) * (end - r);
            }
            path[SUB_STEPS] = x + r; // exactly, whatever the rounding above
            x += r;
            return z;
        }
    }

    /**
     * Intraday and weekly volatility pattern, mean square about 1: lowest around 03:00 UTC, highest around 15:00 UTC
     * (European and American hours overlap), 20 % quieter on Saturdays and Sundays.
     */
    static double seasonality(long timeMs) {
        double hour = Math.floorMod(timeMs, UtcDayCalendar.DAY_MS) / 3_600_000.0;
        double intraday = (1 + 0.35 * Math.cos(2 * Math.PI * (hour - 15) / 24)) / Math.sqrt(1 + 0.35 * 0.35 / 2);
        long day = Math.floorDiv(timeMs, UtcDayCalendar.DAY_MS); // 1970-01-01 was a Thursday: day % 7 == 2 is Saturday
        int weekday = (int) Math.floorMod(day, 7L);
        return intraday * (weekday == 2 || weekday == 3 ? 0.8 : 1.0);
    }

    /** One exchange's candles: the driver plus its premium and basis, rounded to the tick, with its own volume. */
    private static final class Venue {
        final String exchange;
        final double[] open;
        final double[] high;
        final double[] low;
        final double[] close;
        final double[] volume;
        private final Gaussian rng;
        private final double premium;
        private final double phi;
        private final double innovationSd;
        private final double priceScale;
        private final double volumeMean;
        private double basis;

        Venue(long seed, String exchange, String pair, Profile profile, Timeframe base, int n) {
            this.exchange = Objects.requireNonNull(exchange, "exchange");
            this.rng = new Gaussian(new SplittableRandom(mix(seed, "venue|" + exchange + "|" + pair)));
            this.premium = (2 * rng.uniform() - 1) * PREMIUM_MAX;
            double subStepMinutes = base.durationMs() / 60_000.0 / SUB_STEPS;
            this.phi = Math.pow(0.5, subStepMinutes / BASIS_HALF_LIFE_MINUTES);
            this.innovationSd = BASIS_SD * Math.sqrt(1 - phi * phi);
            this.basis = BASIS_SD * rng.next();
            this.priceScale = Math.pow(10, profile.priceDecimals());
            this.volumeMean = profile.volumePer5m() * VOLUME_SHARES.getOrDefault(exchange, OTHER_VOLUME_SHARE)
                    * base.durationMs() / Timeframe.M5.durationMs();
            this.open = new double[n];
            this.high = new double[n];
            this.low = new double[n];
            this.close = new double[n];
            this.volume = new double[n];
        }

        /**
         * The candle of base index i from the driver's path (log prices at the sub-step points), its standardised shock
         * z, the seasonality and the driver's sub-step standard deviation. Between two sub-step points the price is a
         * Brownian bridge, whose highest and lowest points are drawn exactly: max = (a + b + sqrt((b - a)^2 - 2 s^2 ln U)) / 2
         * for U uniform in (0, 1], and the mirror image for the min. So a candle's high and low lie beyond its open and
         * close, as trades between the sub-steps would take them.
         */
        void candle(int i, double[] path, double z, double seasonality, double subStepSd) {
            double twoVariance = 2 * subStepSd * subStepSd;
            double start = path[0] + premium + basis;
            double previous = start, h = start, l = start;
            for (int k = 1; k <= SUB_STEPS; k++) {
                basis = phi * basis + innovationSd * rng.next();
                double next = path[k] + premium + basis;
                double d = next - previous;
                h = Math.max(h, (previous + next + Math.sqrt(d * d - twoVariance * Math.log(1 - rng.uniform()))) / 2);
                l = Math.min(l, (previous + next - Math.sqrt(d * d - twoVariance * Math.log(1 - rng.uniform()))) / 2);
                previous = next;
            }
            // a candle opens where the last one closed
            double o = i == 0 ? round(Math.exp(start)) : close[i - 1];
            double c = round(Math.exp(previous));
            open[i] = o;
            close[i] = c;
            high[i] = Math.max(round(Math.exp(h)), Math.max(o, c));
            low[i] = Math.min(round(Math.exp(l)), Math.min(o, c));
            // log-normal with mean 1 (sd 0.5 in logs), times how much the price moved
            double noise = Math.exp(0.5 * rng.next() - 0.125);
            double v = volumeMean * seasonality * noise * (0.3 + Math.abs(z));
            volume[i] = Math.max(1e-4, Math.round(v * 1e4) / 1e4);
        }

        private double round(double price) {
            return Math.max(1 / priceScale, Math.round(price * priceScale) / priceScale);
        }
    }

    /** Normal draws by Box-Muller (both values of a pair used) over SplittableRandom: the same on every JDK. */
    private static final class Gaussian {
        private final SplittableRandom rng;
        private double spare;
        private boolean hasSpare;

        Gaussian(SplittableRandom rng) {
            this.rng = rng;
        }

        double uniform() {
            return rng.nextDouble();
        }

        double next() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double radius = Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
            double angle = 2 * Math.PI * rng.nextDouble();
            spare = radius * Math.sin(angle);
            hasSpare = true;
            return radius * Math.cos(angle);
        }

        /** Student-t with integer {@code dof} > 2 degrees of freedom, scaled to unit variance. */
        double studentT(int dof) {
            double chi2 = 0;
            for (int k = 0; k < dof; k++) {
                double g = next();
                chi2 += g * g;
            }
            return next() / Math.sqrt(chi2 / dof) * Math.sqrt((dof - 2) / (double) dof);
        }
    }

    private static long alignUp(Timeframe tf, long timeMs) {
        long down = tf.alignDown(timeMs);
        return down == timeMs ? down : down + tf.durationMs();
    }

    /** A 64-bit seed from the user's seed and a name (FNV-1a over its chars, then SplitMix64's finaliser). */
    static long mix(long seed, String name) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int k = 0; k < name.length(); k++) {
            h ^= name.charAt(k);
            h *= 0x100000001b3L;
        }
        h ^= seed * 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
